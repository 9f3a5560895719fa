package com.wuye.center.complaint;

import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A complaint and its handling as a state machine over the eight steps (CS-8). Steps are recorded
 * in order, once per round; "not satisfied" at step 7 starts a new round at step 6 and is counted;
 * the complaint closes only when steps 1–8 are recorded (step 8 may be waived by a supervisor with
 * a reason), with the thanks recorded (CS-C3) and, for a misunderstanding, the clarification or the
 * referral (CS-C2).
 */
public final class Complaint {

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

  @SuppressWarnings("checkstyle:ParameterNumber")
  private Complaint(
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
    if (contactName == null || contactName.isBlank()) {
      throw DomainException.invalid("contactName", "error.required");
    }
    if (contactName.strip().length() > 50) {
      throw DomainException.invalid("contactName", "error.tooLong", 50);
    }
    if (words == null || words.isBlank()) {
      throw DomainException.invalid("words", "complaint.error.wordsRequired");
    }
    if (words.length() > 4000) {
      throw DomainException.invalid("words", "error.tooLong", 4000);
    }
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
        contactName.strip(),
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

  /** Rebuilds a stored complaint. */
  @SuppressWarnings("checkstyle:ParameterNumber")
  public static Complaint restore(
      long id,
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
    return new Complaint(
        id,
        number,
        communityId,
        unitId,
        channel,
        categoryCode,
        contactName,
        contactPhone,
        words,
        receivedAt,
        takenByStaffId,
        filedByResidentId,
        ownerStaffId,
        status,
        round,
        steps,
        closing,
        closedAt,
        closedByStaffId,
        version);
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
    if (text == null || text.isBlank()) {
      throw DomainException.invalid(
          step == ComplaintStep.PREVENTION && waived ? "reason" : "text",
          "complaint.error.stepTextRequired");
    }
    if (text.length() > 4000) {
      throw DomainException.invalid("text", "error.tooLong", 4000);
    }
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
   * (CS-C2).
   */
  public void close(Closing c, long staffId, Instant now) {
    requireOpen();
    if (c == null || c.outcome() == null) {
      throw DomainException.invalid("outcome", "complaint.error.outcomeRequired");
    }
    if (c.outcome() == Outcome.CLARIFIED && blank(c.explanation())) {
      throw DomainException.invalid("explanation", "complaint.error.explanationRequired");
    }
    if (c.outcome() == Outcome.REFERRED) {
      if (blank(c.referralBody())) {
        throw DomainException.invalid("referralBody", "complaint.error.referralBodyRequired");
      }
      if (blank(c.referralContact())) {
        throw DomainException.invalid("referralContact", "complaint.error.referralContactRequired");
      }
      if (!c.residentTold()) {
        throw DomainException.invalid("residentTold", "complaint.error.residentToldRequired");
      }
      if (c.referralBody().strip().length() > 100 || c.referralContact().strip().length() > 100) {
        throw DomainException.invalid("referralBody", "error.tooLong", 100);
      }
    }
    if (blank(c.thanks())) {
      throw DomainException.invalid("thanks", "complaint.error.thanksRequired");
    }
    List<ComplaintStep> missing = missingSteps();
    if (!missing.isEmpty()) {
      throw DomainException.rule(
          "complaint.error.stepsMissing",
          String.join("、", missing.stream().map(s -> String.valueOf(s.number())).toList()));
    }
    this.closing =
        new Closing(
            c.outcome(),
            c.outcome() == Outcome.CLARIFIED ? c.explanation().strip() : null,
            c.outcome() == Outcome.REFERRED ? c.referralBody().strip() : null,
            c.outcome() == Outcome.REFERRED ? c.referralContact().strip() : null,
            c.outcome() == Outcome.REFERRED && c.residentTold(),
            c.thanks().strip());
    this.status = Status.CLOSED;
    this.closedAt = now;
    this.closedByStaffId = staffId;
  }

  private void requireOpen() {
    if (status == Status.CLOSED) {
      throw DomainException.rule("complaint.error.closed");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
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
