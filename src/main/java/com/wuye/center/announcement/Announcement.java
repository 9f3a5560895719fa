package com.wuye.center.announcement;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A community announcement (公告) as a state machine: written (submitted for approval) → approved by
 * a supervisor or manager who is not its author → running from its start to its end → ended; or
 * rejected with a reason (then revised and submitted again); an approved one can be withdrawn
 * before it ends. Approving registers {@link AnnouncementPublished}, withdrawing {@link
 * AnnouncementWithdrawn}; they are published when it is saved.
 */
public final class Announcement {

  /** How the audit trail and messages name an announcement. */
  public static final String SUBJECT = "announcement";

  /** What kind of notice: water/power outage (停水停电), public notice (公示), activity (活动). */
  public enum Category {
    OUTAGE,
    PUBLIC_NOTICE,
    EVENT
  }

  public enum Status {
    SUBMITTED,
    APPROVED,
    REJECTED,
    WITHDRAWN
  }

  /** Where an announcement stands at a moment, as its pages show it. */
  public enum Phase {
    AWAITING_APPROVAL,
    REJECTED,
    SCHEDULED,
    RUNNING,
    ENDED,
    WITHDRAWN
  }

  /**
   * What it says and to whom, from when to when; checked when made.
   *
   * @param buildingIds the buildings it is for (ignored for the whole community)
   */
  public record Content(
      Category category,
      String title,
      String body,
      boolean wholeCommunity,
      Set<Long> buildingIds,
      Instant startsAt,
      Instant endsAt) {

    public Content {
      if (category == null) {
        throw DomainException.invalid("category", "announcement.error.category");
      }
      title = Text.required("title", title, 60, "announcement.error.title");
      body = Text.required("body", body, 4000, "announcement.error.body");
      buildingIds =
          wholeCommunity || buildingIds == null ? Set.of() : Set.copyOf(new TreeSet<>(buildingIds));
      if (!wholeCommunity && buildingIds.isEmpty()) {
        throw DomainException.invalid("buildingIds", "announcement.error.buildings");
      }
      if (startsAt == null) {
        throw DomainException.invalid("startsAt", "announcement.error.startsAt");
      }
      if (endsAt == null) {
        throw DomainException.invalid("endsAt", "announcement.error.endsAt");
      }
      if (!endsAt.isAfter(startsAt)) {
        throw DomainException.invalid("endsAt", "announcement.error.endsBeforeStart");
      }
    }
  }

  /** Who decided, when and why (a rejection's reason). */
  public record Decision(long staffId, String name, Instant at, String note) {}

  /** The stored announcement (the repository rebuilds the aggregate from it). */
  public record Stored(
      Long id,
      String number,
      long communityId,
      Content content,
      Status status,
      long writtenByStaffId,
      String writtenByName,
      Instant writtenAt,
      Decision decision,
      Instant withdrawnAt,
      int version) {}

  private final Long id;
  private final String number;
  private final long communityId;
  private Content content;
  private Status status;
  private final long writtenByStaffId;
  private final String writtenByName;
  private Instant writtenAt;
  private Decision decision;
  private Instant withdrawnAt;
  private final int version;
  private final List<Object> events = new ArrayList<>();

  private Announcement(Stored s) {
    this.id = s.id();
    this.number = s.number();
    this.communityId = s.communityId();
    this.content = s.content();
    this.status = s.status();
    this.writtenByStaffId = s.writtenByStaffId();
    this.writtenByName = s.writtenByName();
    this.writtenAt = s.writtenAt();
    this.decision = s.decision();
    this.withdrawnAt = s.withdrawnAt();
    this.version = s.version();
  }

  public static Announcement restore(Stored s) {
    return new Announcement(s);
  }

  /** Customer service writes an announcement; it waits for a supervisor's approval. */
  public static Announcement write(
      String number, long communityId, Content c, long staffId, String name, Instant now) {
    requireNotOver(c, now);
    return new Announcement(
        new Stored(
            null, number, communityId, c, Status.SUBMITTED, staffId, name, now, null, null, 0));
  }

  /** A waiting or rejected announcement is changed and submitted (again). */
  public void revise(Content c, Instant now) {
    if (status != Status.SUBMITTED && status != Status.REJECTED) {
      throw DomainException.rule("announcement.error.notRevisable", status.name());
    }
    requireNotOver(c, now);
    content = c;
    status = Status.SUBMITTED;
    decision = null;
    writtenAt = now;
  }

  /**
   * A supervisor or manager approves: from its start the residents of its buildings see it and are
   * told on their channels. The author cannot approve their own.
   */
  public void approve(long staffId, String name, Instant now) {
    requireSubmitted();
    requireOtherThanAuthor(staffId);
    requireNotOver(content, now);
    status = Status.APPROVED;
    decision = new Decision(staffId, name, now, null);
    events.add(
        new AnnouncementPublished(
            id,
            number,
            communityId,
            content.category(),
            content.title(),
            content.buildingIds(),
            content.startsAt(),
            content.endsAt(),
            now));
  }

  /** A supervisor or manager sends it back, with the reason. */
  public void reject(long staffId, String name, String reason, Instant now) {
    String why = Text.required("reason", reason, 500, "announcement.error.reasonRequired");
    requireSubmitted();
    requireOtherThanAuthor(staffId);
    status = Status.REJECTED;
    decision = new Decision(staffId, name, now, why);
  }

  /** An approved announcement is taken down before its end (the decision stays recorded). */
  public void withdraw(Instant now) {
    if (status != Status.APPROVED || !now.isBefore(content.endsAt())) {
      throw DomainException.rule("announcement.error.notWithdrawable");
    }
    status = Status.WITHDRAWN;
    withdrawnAt = now;
    events.add(new AnnouncementWithdrawn(id, number, communityId, now));
  }

  private void requireSubmitted() {
    if (status != Status.SUBMITTED) {
      throw DomainException.rule("announcement.error.notSubmitted", status.name());
    }
  }

  private void requireOtherThanAuthor(long staffId) {
    if (staffId == writtenByStaffId) {
      throw DomainException.forbidden("announcement.error.ownApproval");
    }
  }

  private static void requireNotOver(Content c, Instant now) {
    if (!c.endsAt().isAfter(now)) {
      throw DomainException.invalid("endsAt", "announcement.error.endsInPast");
    }
  }

  /** Where it stands at {@code now}. */
  public Phase phase(Instant now) {
    return switch (status) {
      case SUBMITTED -> Phase.AWAITING_APPROVAL;
      case REJECTED -> Phase.REJECTED;
      case WITHDRAWN -> Phase.WITHDRAWN;
      case APPROVED ->
          now.isBefore(content.startsAt())
              ? Phase.SCHEDULED
              : now.isBefore(content.endsAt()) ? Phase.RUNNING : Phase.ENDED;
    };
  }

  /** Whether residents of the building see it (while it runs). */
  public boolean concerns(long buildingId) {
    return content.wholeCommunity() || content.buildingIds().contains(buildingId);
  }

  public Stored stored() {
    return new Stored(
        id,
        number,
        communityId,
        content,
        status,
        writtenByStaffId,
        writtenByName,
        writtenAt,
        decision,
        withdrawnAt,
        version);
  }

  /** Events registered since it was loaded, to publish when it is saved. */
  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  public void clearDomainEvents() {
    events.clear();
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public long communityId() {
    return communityId;
  }

  public Content content() {
    return content;
  }

  public Status status() {
    return status;
  }

  public long writtenByStaffId() {
    return writtenByStaffId;
  }

  public int version() {
    return version;
  }

  /** What the audit trail records. */
  public java.util.Map<String, Object> snapshot() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("number", number);
    m.put("status", status.name());
    m.put("category", content.category().name());
    m.put("title", content.title());
    m.put("wholeCommunity", content.wholeCommunity());
    m.put("buildingIds", content.buildingIds().toString());
    m.put("startsAt", content.startsAt().toString());
    m.put("endsAt", content.endsAt().toString());
    if (decision != null && decision.note() != null) {
      m.put("decisionNote", decision.note());
    }
    return m;
  }
}
