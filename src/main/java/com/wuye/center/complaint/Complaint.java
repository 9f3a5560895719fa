package com.wuye.center.complaint;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A complaint and its handling as a state machine over the eight steps (CS-8). Steps are recorded
 * in order, once per round; "not satisfied" at step 7 starts a new round at step 6 and is counted;
 * the complaint closes only when steps 1–8 are recorded (step 8 may be waived by a supervisor with
 * a reason), with the thanks recorded (CS-C3) and, for a misunderstanding, the clarification or the
 * referral (CS-C2). The commitment registers {@link ComplaintCommitted} and closing {@link
 * ComplaintClosed}, published when the complaint is saved.
 *
 * <p>Why one class of about 500 lines: it is one state machine (the step order, the rounds, what
 * may close), and its rules read best side by side; a third of it is the field list and its
 * accessors. The use cases around it are the small classes ({@link ComplaintSteps} and the others).
 */
public final class Complaint {

  /** How the audit trail, deadline clocks and notifications name a complaint. */
  public static final String SUBJECT = "complaint";

  public enum Channel {
    PHONE,
    VISIT,
    WRITTEN,
    PORTAL
  }

  public enum Status {
    OPEN,
    CLOSED
  }

  /** How a complaint ends (CS-C2): put right, explained (a misunderstanding), or sent elsewhere. */
  public enum Outcome {
    RESOLVED,
    CLARIFIED,
    REFERRED
  }

  /** One recorded step: who, when, what was said or done. */
  public record StepRecord(
      ComplaintStep step,
      int round,
      String text,
      Instant promisedAt,
      Boolean satisfied,
      boolean waived,
      Long noticeId,
      long staffId,
      String actorName,
      Instant recordedAt) {}

  /** The closing (CS-C2, CS-C3). */
  public record Closing(
      Outcome outcome,
      String explanation,
      String referralBody,
      String referralContact,
      boolean residentTold,
      String thanks) {}

  private final Long id;
  private final String number;
  private final long communityId;
  private final long unitId;
  private final Channel channel;
  private final String categoryCode;
  private final String contactName;
  private final String contactPhone;
  private final String words;
  private final Instant receivedAt;
  private final Long takenByStaffId;
  private final Long filedByResidentId;
  private Long ownerStaffId;
  private Status status;
  private int round;
  private final List<StepRecord> steps;
  private Closing closing;
  private Instant closedAt;
  private Long closedByStaffId;
  private final int version;

  private final List<Object> events = new ArrayList<>();

  /** Rebuilds a stored complaint (the repository); new ones come from {@link #receive}. */
  @SuppressWarnings("checkstyle:ParameterNumber")
  public Complaint(
      Long id,
      String number,
      long communityId,
      long unitId,
      Channel channel,
      String categoryCode,
      String contactName,
      String contactPhone,
      String words,
      Instant receivedAt,
      Long takenByStaffId,
      Long filedByResidentId,
      Long ownerStaffId,
      Status status,
      int round,
      List<StepRecord> steps,
      Closing closing,
      Instant closedAt,
      Long closedByStaffId,
      int version) {
    this.id = id;
    this.number = number;
    this.communityId = communityId;
    this.unitId = unitId;
    this.channel = channel;
    this.categoryCode = categoryCode;
    this.contactName = contactName;
    this.contactPhone = contactPhone;
    this.words = words;
    this.receivedAt = receivedAt;
    this.takenByStaffId = takenByStaffId;
    this.filedByResidentId = filedByResidentId;
    this.ownerStaffId = ownerStaffId;
    this.status = status;
    this.round = round;
    this.steps = new ArrayList<>(steps);
    this.closing = closing;
    this.closedAt = closedAt;
    this.closedByStaffId = closedByStaffId;
    this.version = version;
  }

  /**
   * Intake (CS-C1): the resident's own words are required and kept verbatim, with the channel, the
   * unit, the contact and who took it (a staff member, or the resident through the portal).
   */
  public static Complaint receive(
      String number,
      long communityId,
      long unitId,
      Channel channel,
      String categoryCode,
      String contactName,
      String contactPhone,
      String words,
      Instant receivedAt,
      Long takenByStaffId,
      Long filedByResidentId) {
    if (channel == null) {
      throw DomainException.invalid("channel", "complaint.error.channel");
    }
    if (categoryCode == null || categoryCode.isBlank()) {
      throw DomainException.invalid("categoryCode", "complaint.error.category");
    }
    String name = Text.required("contactName", contactName, 50);
    verbatim("words", words, 4000, "complaint.error.wordsRequired");
    if (takenByStaffId == null && (channel != Channel.PORTAL || filedByResidentId == null)) {
      throw DomainException.invalid("channel", "complaint.error.channel");
    }
    if (takenByStaffId != null && channel == Channel.PORTAL) {
      throw DomainException.invalid("channel", "complaint.error.portalIsForResidents");
    }
    return new Complaint(
        null,
        number,
        communityId,
        unitId,
        channel,
        categoryCode,
        name,
        contactPhone,
        words,
        receivedAt,
        takenByStaffId,
        filedByResidentId,
        takenByStaffId,
        Status.OPEN,
        1,
        List.of(),
        null,
        null,
        null,
        0);
  }

  /**
   * The step the screen asks for next, or empty when all eight are recorded (or it is closed).
   * Steps 1–5 once; then 6, 7; "not satisfied" at 7 → 6 again (a new round); satisfied → 8.
   */
  public Optional<ComplaintStep> nextStep() {
    if (status == Status.CLOSED) {
      return Optional.empty();
    }
    StepRecord last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    if (last == null) {
      return Optional.of(ComplaintStep.THANKS);
    }
    return switch (last.step()) {
      case SATISFACTION ->
          Boolean.TRUE.equals(last.satisfied())
              ? Optional.of(ComplaintStep.PREVENTION)
              : Optional.of(ComplaintStep.CORRECTION);
      case PREVENTION -> Optional.empty();
      default -> Optional.of(ComplaintStep.of(last.step().number() + 1));
    };
  }

  /** The round the next step belongs to. */
  public int round() {
    return round;
  }

  /** The record of a step in a round, if any. */
  public Optional<StepRecord> recorded(ComplaintStep step, int inRound) {
    return steps.stream().filter(s -> s.step() == step && s.round() == inRound).findFirst();
  }

  /** Refuses with 409 when the step is already recorded in the current round (by anyone). */
  public void requireNotRecorded(ComplaintStep step) {
    int r = step.number() <= 5 ? 1 : round;
    recorded(step, r)
        .ifPresent(
            s -> {
              throw DomainException.conflict(
                  "complaint.error.stepAlreadyRecorded", step.number(), s.actorName());
            });
  }

  /**
   * Refuses unless the step is the one to record now: 409 if it is already recorded in this round
   * (someone else was quicker), 422 if it is out of order (earlier steps missing, or later).
   */
  public void requireNext(ComplaintStep step) {
    requireOpen();
    requireNotRecorded(step);
    ComplaintStep expected =
        nextStep().orElseThrow(() -> DomainException.rule("complaint.error.allStepsDone"));
    if (expected != step) {
      throw DomainException.rule("complaint.error.stepOrder", step.number(), expected.number());
    }
  }

  /**
   * Records the next step. Out of order or missing steps are refused (422); a step already recorded
   * in this round is a conflict (409). Step 4 needs the action and a promised time in the future
   * (CS-8.4); step 7 whether the resident is satisfied (CS-8.7); step 8 the published notice or,
   * only by a supervisor, a waiver with the reason as its text (CS-8.8).
   */
  public StepRecord record(
      ComplaintStep step,
      String text,
      Instant promisedAt,
      Boolean satisfied,
      boolean waived,
      boolean bySupervisor,
      Long noticeId,
      long staffId,
      String actorName,
      Instant now) {
    requireOpen();
    if (step == null) {
      throw DomainException.invalid("step", "complaint.error.noSuchStep");
    }
    requireNext(step);
    verbatim(
        step == ComplaintStep.PREVENTION && waived ? "reason" : "text",
        text,
        4000,
        "complaint.error.stepTextRequired");
    if (step == ComplaintStep.COMMITMENT) {
      if (promisedAt == null) {
        throw DomainException.invalid("promisedAt", "complaint.error.promisedAtRequired");
      }
      if (!promisedAt.isAfter(now)) {
        throw DomainException.invalid("promisedAt", "complaint.error.promisedAtPast");
      }
    } else {
      promisedAt = null;
    }
    if (step == ComplaintStep.SATISFACTION) {
      if (satisfied == null) {
        throw DomainException.invalid("satisfied", "complaint.error.satisfiedRequired");
      }
    } else {
      satisfied = null;
    }
    if (step == ComplaintStep.PREVENTION) {
      if (waived && !bySupervisor) {
        throw DomainException.forbidden("complaint.error.waiverSupervisorOnly");
      }
      if (!waived && noticeId == null) {
        throw DomainException.invalid("whatChanges", "complaint.error.noticeRequired");
      }
    } else if (waived) {
      throw DomainException.rule("complaint.error.onlyPreventionWaived");
    }
    int r = step.number() <= 5 ? 1 : round;
    StepRecord rec =
        new StepRecord(
            step,
            r,
            text,
            promisedAt,
            satisfied,
            waived,
            waived ? null : noticeId,
            staffId,
            actorName,
            now);
    steps.add(rec);
    if (step == ComplaintStep.COMMITMENT) {
      events.add(new ComplaintCommitted(id, number, communityId, text, promisedAt, now));
    }
    if (step == ComplaintStep.SATISFACTION && !satisfied) {
      round++;
    }
    if (ownerStaffId == null) {
      ownerStaffId = staffId;
    }
    return rec;
  }

  /** CS-C2: a named supervisor takes over; they become the owner. */
  public void escalateTo(long supervisorStaffId) {
    requireOpen();
    if (ownerStaffId != null && ownerStaffId == supervisorStaffId) {
      throw DomainException.rule("complaint.error.alreadyOwner");
    }
    ownerStaffId = supervisorStaffId;
  }

  /**
   * Corrective actions (repairs, departments; CS-8.6) are taken once the resident's needs are known
   * (step 5) and until the satisfaction check finds the resident satisfied (step 7).
   */
  public void requireCorrectionAllowed() {
    requireOpen();
    if (recorded(ComplaintStep.NEEDS, 1).isEmpty()) {
      throw DomainException.rule("complaint.error.correctionTooEarly");
    }
    if (!correctionOpen()) {
      throw DomainException.rule("complaint.error.correctionDone");
    }
  }

  /** Whether corrective actions may be added now (steps 6 and 7 of the current round). */
  public boolean correctionOpen() {
    ComplaintStep next = nextStep().orElse(null);
    return next == ComplaintStep.CORRECTION || next == ComplaintStep.SATISFACTION;
  }

  /** Steps still missing before the complaint may close (empty: it may close). */
  public List<ComplaintStep> missingSteps() {
    List<ComplaintStep> missing = new ArrayList<>();
    for (ComplaintStep s : ComplaintStep.values()) {
      boolean done =
          switch (s) {
            case CORRECTION -> recorded(s, round).isPresent();
            case SATISFACTION -> satisfiedStep().isPresent();
            case PREVENTION -> steps.stream().anyMatch(r -> r.step() == ComplaintStep.PREVENTION);
            default -> recorded(s, 1).isPresent();
          };
      if (!done) {
        missing.add(s);
      }
    }
    return missing;
  }

  private Optional<StepRecord> satisfiedStep() {
    return steps.stream()
        .filter(r -> r.step() == ComplaintStep.SATISFACTION && Boolean.TRUE.equals(r.satisfied()))
        .findFirst();
  }

  /**
   * Closes the complaint: all eight steps recorded (8 possibly waived), thanks given (CS-C3), and
   * the explanation of a clarification or the body, contact and "resident told" of a referral
   * (CS-C2). Registers {@link ComplaintClosed}.
   *
   * @param commitmentMet whether the commitment of step 4 was kept (null: no commitment clock ran)
   */
  public void close(Closing c, long staffId, Instant now, Boolean commitmentMet) {
    requireOpen();
    if (c == null || c.outcome() == null) {
      throw DomainException.invalid("outcome", "complaint.error.outcomeRequired");
    }
    boolean referred = c.outcome() == Outcome.REFERRED;
    String explanation =
        c.outcome() != Outcome.CLARIFIED
            ? null
            : Text.required(
                "explanation", c.explanation(), 4000, "complaint.error.explanationRequired");
    String body =
        !referred
            ? null
            : Text.required(
                "referralBody", c.referralBody(), 100, "complaint.error.referralBodyRequired");
    String contact =
        !referred
            ? null
            : Text.required(
                "referralContact",
                c.referralContact(),
                100,
                "complaint.error.referralContactRequired");
    if (referred && !c.residentTold()) {
      throw DomainException.invalid("residentTold", "complaint.error.residentToldRequired");
    }
    String thanks = Text.required("thanks", c.thanks(), 1000, "complaint.error.thanksRequired");
    List<ComplaintStep> missing = missingSteps();
    if (!missing.isEmpty()) {
      throw DomainException.rule(
          "complaint.error.stepsMissing",
          String.join("、", missing.stream().map(s -> String.valueOf(s.number())).toList()));
    }
    this.closing = new Closing(c.outcome(), explanation, body, contact, referred, thanks);
    this.status = Status.CLOSED;
    this.closedAt = now;
    this.closedByStaffId = staffId;
    events.add(
        new ComplaintClosed(
            id,
            number,
            communityId,
            c.outcome(),
            unsatisfiedCount(),
            commitmentMet,
            ownerStaffId,
            now));
  }

  /** Refuses (409) when the screen showed another version than the stored one. */
  public void requireVersion(Integer shown) {
    if (shown != null && shown != version) {
      throw DomainException.staleVersion();
    }
  }

  /** Events registered since the complaint was loaded, to publish when it is saved. */
  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  /** After publishing: the registered events are gone. */
  public void clearDomainEvents() {
    events.clear();
  }

  private void requireOpen() {
    if (status == Status.CLOSED) {
      throw DomainException.rule("complaint.error.closed");
    }
  }

  /** Required text kept exactly as typed (the resident's words, a step): checked, not trimmed. */
  private static String verbatim(String field, String value, int max, String blankKey) {
    Text.required(field, value, max, blankKey);
    if (value.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return value;
  }

  /** How many times the resident was not satisfied (CS-8.7). */
  public int unsatisfiedCount() {
    return round - 1;
  }

  /** The commitment of step 4, if recorded. */
  public Optional<StepRecord> commitment() {
    return recorded(ComplaintStep.COMMITMENT, 1);
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

  public long unitId() {
    return unitId;
  }

  public Channel channel() {
    return channel;
  }

  public String categoryCode() {
    return categoryCode;
  }

  public String contactName() {
    return contactName;
  }

  public String contactPhone() {
    return contactPhone;
  }

  public String words() {
    return words;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Long takenByStaffId() {
    return takenByStaffId;
  }

  public Long filedByResidentId() {
    return filedByResidentId;
  }

  public Long ownerStaffId() {
    return ownerStaffId;
  }

  public Status status() {
    return status;
  }

  public List<StepRecord> steps() {
    return List.copyOf(steps);
  }

  public Closing closing() {
    return closing;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public Long closedByStaffId() {
    return closedByStaffId;
  }

  public int version() {
    return version;
  }
}
