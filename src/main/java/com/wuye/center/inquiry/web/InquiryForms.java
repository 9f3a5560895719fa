package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.InquiryIntake.Ask;
import com.wuye.center.inquiry.InquiryIntake.NewInquiry;
import com.wuye.center.inquiry.InquiryReplies.ReplyInput;
import com.wuye.center.inquiry.KnowledgeBase.EntryInput;
import com.wuye.center.inquiry.KnowledgeEntry;
import com.wuye.center.inquiry.OralConsultations.ReferInput;
import com.wuye.center.inquiry.ReplyDelivery;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.Paged;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The page forms of consultations and the knowledge base as records, bound by Spring MVC
 * ({@code @Valid}, a value of the wrong type refused with its field named); the domain checks the
 * rest. Field names are the HTML form's.
 */
public final class InquiryForms {

  private InquiryForms() {}

  /** The staff list's filter: community, status and kind (blank: all), a search, a page. */
  public record Filter(Long community, String status, String kind, String q, Integer page) {
    public Inquiry.Status state() {
      return parse(Inquiry.Status.class, status);
    }

    public Inquiry.Kind kindOf() {
      return parse(Inquiry.Kind.class, kind);
    }

    public int pageIndex() {
      return Paged.bounds(page, 20, 20)[0];
    }
  }

  /** Staff register a written or oral consultation: the unit (if any) by community and code. */
  public record Registration(
      Long communityId,
      String unitCode,
      Inquiry.Channel channel,
      String askerName,
      String contactPhone,
      String question,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate letterReceivedOn) {
    public NewInquiry command() {
      return new NewInquiry(
          communityId,
          null,
          unitCode,
          channel,
          askerName,
          contactPhone,
          question,
          channel == Inquiry.Channel.LETTER ? letterReceivedOn : null);
    }
  }

  /** CS-Q1 how the reply letter was delivered, and the day. */
  public record Delivery(
      ReplyDelivery.Method method,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn) {}

  /** A resident asks in writing from the portal. */
  public record Question(Long unitId, String question, String contactPhone) {
    public Ask command() {
      return new Ask(unitId, question, contactPhone, null, null);
    }
  }

  public record Reply(String text, Boolean confidential, Integer version) {
    public ReplyInput input() {
      return new ReplyInput(text, Boolean.TRUE.equals(confidential), version);
    }
  }

  /** CS-Q2 an approved answer; {@code kb} is the search it was found with. */
  public record KnowledgeAnswer(Long entryId, Integer version, String kb) {}

  /** CS-Q2 a referral with the promised reply time (China time) told to the resident. */
  public record Referral(
      Inquiry.ReferTo referTo,
      String department,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime promisedAt,
      Boolean residentTold,
      Integer version) {
    public ReferInput input() {
      return new ReferInput(
          referTo,
          department,
          promisedAt == null ? null : promisedAt.atZone(ClockConfiguration.ZONE).toInstant(),
          Boolean.TRUE.equals(residentTold),
          version);
    }
  }

  public record Note(String text) {}

  /** A knowledge-base entry as written by a supervisor. */
  public record Entry(
      String title,
      KnowledgeEntry.Topic topic,
      String keywords,
      String answer,
      Boolean confidential,
      Integer version) {
    public EntryInput input() {
      return new EntryInput(title, topic, keywords, answer, Boolean.TRUE.equals(confidential));
    }
  }

  /** A button that approves or retires an entry, with the version the screen showed. */
  public record Version(Integer version) {}

  /** An enum value from a filter; unknown or blank → null (all). */
  static <E extends Enum<E>> E parse(Class<E> type, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
