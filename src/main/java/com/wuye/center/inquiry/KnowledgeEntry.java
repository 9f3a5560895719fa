package com.wuye.center.inquiry;

import com.wuye.center.shared.DomainException;
import java.time.Instant;

/**
 * A knowledge-base entry (company rules, fees, procedures): written as a draft by a supervisor,
 * approved before it is searched or used to answer (CS-Q2); a change to an approved entry makes it
 * a draft again; retired entries are kept but no longer used. Confidential entries are for staff
 * only and cannot be given to a resident (CS-Q4).
 */
public final class KnowledgeEntry {

  public enum Status {
    DRAFT,
    APPROVED,
    RETIRED
  }

  public enum Topic {
    RULES,
    FEES,
    PROCEDURES,
    OTHER
  }

  private final Long id;
  private String title;
  private Topic topic;
  private String keywords;
  private String answer;
  private boolean confidential;
  private Status status;
  private Long approvedByStaffId;
  private Instant approvedAt;
  private final int version;

  private KnowledgeEntry(
      Long id,
      String title,
      Topic topic,
      String keywords,
      String answer,
      boolean confidential,
      Status status,
      Long approvedByStaffId,
      Instant approvedAt,
      int version) {
    this.id = id;
    this.title = title;
    this.topic = topic;
    this.keywords = keywords;
    this.answer = answer;
    this.confidential = confidential;
    this.status = status;
    this.approvedByStaffId = approvedByStaffId;
    this.approvedAt = approvedAt;
    this.version = version;
  }

  public static KnowledgeEntry draft(
      String title, Topic topic, String keywords, String answer, boolean confidential) {
    KnowledgeEntry e =
        new KnowledgeEntry(null, null, null, null, null, false, Status.DRAFT, null, null, 0);
    e.write(title, topic, keywords, answer, confidential);
    return e;
  }

  public static KnowledgeEntry restore(
      long id,
      String title,
      Topic topic,
      String keywords,
      String answer,
      boolean confidential,
      Status status,
      Long approvedByStaffId,
      Instant approvedAt,
      int version) {
    return new KnowledgeEntry(
        id,
        title,
        topic,
        keywords,
        answer,
        confidential,
        status,
        approvedByStaffId,
        approvedAt,
        version);
  }

  /** Changes the text; an approved entry goes back to draft until approved again. */
  public void edit(
      String title, Topic topic, String keywords, String answer, boolean confidential) {
    if (status == Status.RETIRED) {
      throw DomainException.rule("inquiry.kb.error.retired");
    }
    write(title, topic, keywords, answer, confidential);
    status = Status.DRAFT;
    approvedByStaffId = null;
    approvedAt = null;
  }

  public void approve(Long staffId, Instant now) {
    if (status != Status.DRAFT) {
      throw DomainException.rule("inquiry.kb.error.notDraft");
    }
    status = Status.APPROVED;
    approvedByStaffId = staffId;
    approvedAt = now;
  }

  public void retire() {
    if (status == Status.RETIRED) {
      throw DomainException.rule("inquiry.kb.error.retired");
    }
    status = Status.RETIRED;
  }

  /** An answer given to a resident must be approved and not confidential. */
  public void requireUsableForResident() {
    if (status != Status.APPROVED) {
      throw DomainException.rule("inquiry.kb.error.notApproved");
    }
    if (confidential) {
      throw DomainException.rule("inquiry.kb.error.confidential");
    }
  }

  private void write(
      String title, Topic topic, String keywords, String answer, boolean confidential) {
    if (title == null || title.isBlank()) {
      throw DomainException.invalid("title", "error.required");
    }
    if (title.strip().length() > 100) {
      throw DomainException.invalid("title", "error.tooLong", 100);
    }
    if (topic == null) {
      throw DomainException.invalid("topic", "inquiry.kb.error.topic");
    }
    if (answer == null || answer.isBlank()) {
      throw DomainException.invalid("answer", "error.required");
    }
    if (answer.length() > 8000) {
      throw DomainException.invalid("answer", "error.tooLong", 8000);
    }
    String k = keywords == null ? "" : keywords.strip();
    if (k.length() > 200) {
      throw DomainException.invalid("keywords", "error.tooLong", 200);
    }
    this.title = title.strip();
    this.topic = topic;
    this.keywords = k;
    this.answer = answer.strip();
    this.confidential = confidential;
  }

  public Long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Topic topic() {
    return topic;
  }

  public String keywords() {
    return keywords;
  }

  public String answer() {
    return answer;
  }

  public boolean confidential() {
    return confidential;
  }

  public Status status() {
    return status;
  }

  public Long approvedByStaffId() {
    return approvedByStaffId;
  }

  public Instant approvedAt() {
    return approvedAt;
  }

  public int version() {
    return version;
  }
}
