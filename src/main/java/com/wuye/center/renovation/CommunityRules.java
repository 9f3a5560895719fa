package com.wuye.center.renovation;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.DomainException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * RN-5, the rules of the community that an applicant reads and accepts before applying: working
 * hours and noisy-work hours (from the community's hours: noisy work within the working hours but
 * never in the quiet hours), waste removal, the structure that is never touched and the permit at
 * the door. The text as shown is stored with the application.
 */
@Component
public class CommunityRules {

  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  private final EstateDirectory estate;
  private final MessageSource messages;

  CommunityRules(EstateDirectory estate, MessageSource messages) {
    this.estate = estate;
    this.messages = messages;
  }

  /** The rules, one per line, in the reader's language. */
  public List<String> of(long communityId, Locale locale) {
    Estate.Community c =
        estate
            .community(communityId)
            .orElseThrow(() -> DomainException.notFound("error.community.notFound"));
    LocalTime workStart = c.workHoursStart();
    LocalTime workEnd = c.workHoursEnd();
    List<String> rules = new ArrayList<>();
    rules.add(msg("renovation.rules.workHours", locale, hm(workStart), hm(workEnd)));
    rules.add(
        msg(
            "renovation.rules.noise",
            locale,
            hm(workStart),
            hm(c.quietHoursStart()),
            hm(c.quietHoursEnd()),
            hm(workEnd)));
    rules.add(msg("renovation.rules.waste", locale));
    rules.add(msg("renovation.rules.structure", locale));
    rules.add(msg("renovation.rules.permit", locale));
    return rules;
  }

  /** The rules as one text, numbered, as stored when accepted. */
  public String text(long communityId, Locale locale) {
    List<String> rules = of(communityId, locale);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rules.size(); i++) {
      sb.append(i + 1).append(". ").append(rules.get(i)).append('\n');
    }
    return sb.toString().strip();
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String hm(LocalTime t) {
    return t == null ? "" : HM.format(t);
  }
}
