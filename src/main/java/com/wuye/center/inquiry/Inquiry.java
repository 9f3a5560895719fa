package com.wuye.center.inquiry;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation as a state machine: OPEN → (oral only) REFERRED → ANSWERED. A written one is
 * answered in writing (CS-Q1); an oral one at once from an approved, non-confidential
 * knowledge-base answer, or referred with a promised reply time told to the resident and then
 * answered (CS-Q2, "切忌不懂装懂": no free-text guess at the counter). Confidential replies are for staff
 * only and do not answer the resident (CS-Q4).
 */
public final class Inquiry {

  /** How the audit trail, deadline clocks and notifications name a consultation. */
  public static final String SUBJECT = "inquiry";

  public enum Kind {
    WRITTEN,
    ORAL
  }

  public enum Channel {
    LETTER,
    PORTAL,
    PHONE,
    VISIT;

    public Kind kind() {
      return this == LETTER || this == PORTAL ? Kind.WRITTEN : Kind.ORAL;
    }
  }

  public enum Status {
    OPEN,
    REFERRED,
    ANSWERED
  }

  /** Where an oral consultation is referred: a department, or the manager. */
  public enum ReferTo {
    DEPARTMENT,
    MANAGER
  }

  /** The referral (CS-Q2). */
  public record Referral(ReferTo to, String name, Instant promisedAt, boolean residentTold) {}

  private final Long id;
  private final String number;
  private final Kind kind;
  private final Channel channel;
  private final long communityId;
  private final Long unitId;
  private final String askerName;
  private final String contactPhone;
  private final String question;
  private final Instant receivedAt;
  private final Long registeredByStaffId;
  private final Long residentId;
  private Status status;
  private Referral referral;
  private Instant answeredAt;
  private final int version;
  private final List<Object> events = new ArrayList<>();

  /** Rebuilds a stored consultation (the repository); new ones come from {@link #register}. */
  @SuppressWarnings("checkstyle:ParameterNumber")
  public Inquiry(
      Long id,
      String number,
      Kind kind,
      Channel channel,
      long communityId,
      Long unitId,
      String askerName,
      String contactPhone,
      String question,
      Instant receivedAt,
      Long registeredByStaffId,
      Long residentId,
      Status status,
      Referral referral,
      Instant answeredAt,
      int version) {
    this.id = id;
    this.number = number;
    this.kind = kind;
    this.channel = channel;
    this.communityId = communityId;
    this.unitId = unitId;
    this.askerName = askerName;
    this.contactPhone = contactPhone;
    this.question = question;
    this.receivedAt = receivedAt;
    this.registeredByStaffId = registeredByStaffId;
    this.residentId = residentId;
    this.status = status;
    this.referral = referral;
    this.answeredAt = answeredAt;
    this.version = version;
  }

  /** Registers a consultation; the question is kept as asked. */
  public static Inquiry register(
      String number,
      Channel channel,
      long communityId,
      Long unitId,
      String askerName,
      String contactPhone,
      String question,
      Instant receivedAt,
      Long registeredByStaffId,
      Long residentId) {
    if (channel == null) {
      throw DomainException.invalid("channel", "inquiry.error.channel");
    }
    if (channel == Channel.PORTAL && residentId == null) {
      throw DomainException.invalid("channel", "inquiry.error.portalIsForResidents");
    }
    if (channel != Channel.PORTAL && registeredByStaffId == null) {
      throw DomainException.invalid("channel", "inquiry.error.channel");
    }
    String asker = Text.required("askerName", askerName, 50);
    // the question is kept as asked: checked, not trimmed
    Text.required("question", question, 4000, "inquiry.error.questionRequired");
    if (question.length() > 4000) {
      throw DomainException.invalid("question", "error.tooLong", 4000);
    }
    return new Inquiry(
        null,
        number,
        channel.kind(),
        channel,
        communityId,
        unitId,
        asker,
        contactPhone,
        question,
        receivedAt,
        registeredByStaffId,
        residentId,
        Status.OPEN,
        null,
        null,
        0);
  }

  /**
   * CS-Q2: an oral consultation that cannot be answered from the knowledge base is referred to a
   * department (named) or the manager, with the reply time promised and told to the resident.
   */
  public void refer(
      ReferTo to, String name, Instant promisedAt, boolean residentTold, Instant now) {
    if (kind != Kind.ORAL) {
      throw DomainException.rule("inquiry.error.referOralOnly");
    }
    if (status != Status.OPEN) {
      throw DomainException.rule("inquiry.error.notOpen");
    }
    if (to == null) {
      throw DomainException.invalid("referTo", "inquiry.error.referToRequired");
    }
    String target = Text.optional("department", name, 50);
    if (target == null) {
      throw to == ReferTo.DEPARTMENT
          ? DomainException.invalid("department", "inquiry.error.departmentRequired")
          : DomainException.rule("inquiry.error.noManager");
    }
    if (promisedAt == null) {
      throw DomainException.invalid("promisedAt", "inquiry.error.promisedAtRequired");
    }
    if (!promisedAt.isAfter(now)) {
      throw DomainException.invalid("promisedAt", "inquiry.error.promisedAtPast");
    }
    if (!residentTold) {
      throw DomainException.invalid("residentTold", "inquiry.error.residentToldRequired");
    }
    this.referral = new Referral(to, target, promisedAt, true);
    this.status = Status.REFERRED;
  }

  /**
   * A reply. Confidential replies are internal and change nothing for the resident. The first reply
   * meant for the resident answers the consultation: a written one in writing (any text); an oral
   * one still open only from an approved knowledge-base answer (CS-Q2).
   *
   * @return true if this reply answered the consultation
   */
  public boolean reply(String text, boolean confidential, boolean fromKnowledgeBase, Instant now) {
    // kept exactly as written (CS-Q3): checked, not trimmed
    Text.required("text", text, 8000, "inquiry.error.replyRequired");
    if (text.length() > 8000) {
      throw DomainException.invalid("text", "error.tooLong", 8000);
    }
    if (confidential) {
      return false;
    }
    if (kind == Kind.ORAL && status == Status.OPEN && !fromKnowledgeBase) {
      throw DomainException.rule("inquiry.error.oralFromKnowledgeOnly");
    }
    if (status == Status.ANSWERED) {
      return false;
    }
    status = Status.ANSWERED;
    answeredAt = now;
    events.add(
        new InquiryAnswered(
            id, number, communityId, unitId, residentId, askerName, contactPhone, kind, now));
    return true;
  }

  /** Events registered since the consultation was loaded, to publish when it is saved. */
  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  /** After publishing: the registered events are gone. */
  public void clearDomainEvents() {
    events.clear();
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public Kind kind() {
    return kind;
  }

  public Channel channel() {
    return channel;
  }

  public long communityId() {
    return communityId;
  }

  public Long unitId() {
    return unitId;
  }

  public String askerName() {
    return askerName;
  }

  public String contactPhone() {
    return contactPhone;
  }

  public String question() {
    return question;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Long registeredByStaffId() {
    return registeredByStaffId;
  }

  public Long residentId() {
    return residentId;
  }

  public Status status() {
    return status;
  }

  public Referral referral() {
    return referral;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public int version() {
    return version;
  }
}
