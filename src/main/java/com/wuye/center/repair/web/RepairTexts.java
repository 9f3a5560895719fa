package com.wuye.center.repair.web;

import com.wuye.center.repair.RepairViews.TimelineEntry;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders timeline entries and countdowns in the reader's language (pages and API alike). */
@Component("repairTexts")
public class RepairTexts {

  private final MessageSource messages;

  RepairTexts(MessageSource messages) {
    this.messages = messages;
  }

  /** "派单给 张建国 · 工作卡已佩戴、已表明身份 · note". */
  public String timeline(TimelineEntry e, Locale locale) {
    StringBuilder sb =
        new StringBuilder(
            messages.getMessage(e.labelKey(), e.args().toArray(), e.labelKey(), locale));
    if (!e.detailKeys().isEmpty()) {
      sb.append(" · ")
          .append(
              e.detailKeys().stream()
                  .map(k -> messages.getMessage(k, null, k, locale))
                  .collect(
                      Collectors.joining(
                          messages.getMessage("repair.listSeparator", null, "、", locale))));
    }
    if (e.note() != null && !e.note().isBlank()) {
      sb.append(" · ").append(e.note());
    }
    return sb.toString();
  }

  /** "3小时12分" / "3 h 12 min"; the sign is left to the caller. */
  public String duration(Duration d, Locale locale) {
    Duration a = d.abs();
    long days = a.toDays();
    long hours = a.toHoursPart();
    long minutes = a.toMinutesPart();
    if (days > 0) {
      return messages.getMessage("repair.duration.days", new Object[] {days, hours}, locale);
    }
    if (hours > 0) {
      return messages.getMessage("repair.duration.hours", new Object[] {hours, minutes}, locale);
    }
    return messages.getMessage("repair.duration.minutes", new Object[] {minutes}, locale);
  }

  /** "剩余 3小时12分" or "已超时 2小时5分". */
  public String countdown(Duration left, Locale locale) {
    return messages.getMessage(
        left.isNegative() ? "repair.countdown.overdue" : "repair.countdown.left",
        new Object[] {duration(left, locale)},
        locale);
  }

  public String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
