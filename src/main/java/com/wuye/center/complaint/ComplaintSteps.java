package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.shared.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-8 投诉处理八步骤: each step is recorded (who, when, what was said or done) in order, once per round:
 * CS-8.1 道谢, CS-8.2 why the complaint is welcome, CS-8.3 the apology, CS-8.5 what the resident
 * needs, CS-8.7 the satisfaction check ("not satisfied" goes back to step 6). Step 4 times the
 * promise ({@link Commitment}, CS-8.4), step 6 follows the corrective actions ({@link
 * CorrectiveActions}, CS-8.6), step 8 publishes the lesson ({@link Prevention}, CS-8.8).
 */
@Service
@Transactional
public class ComplaintSteps {

  /**
   * One step's input: what was said or done ({@code text}); step 4 the promised time; step 7
   * whether satisfied; step 8 what changes and the audience (no communities: the whole company).
   * {@code version}, if given, must be the version the screen showed.
   */
  public record StepInput(
      String text,
      Instant promisedAt,
      Boolean satisfied,
      String noticeTitle,
      String whatChanges,
      Set<Long> communityIds,
      Integer version) {
    public static StepInput text(String text) {
      return new StepInput(text, null, null, null, null, null, null);
    }
  }

  private final ComplaintStore store;
  private final Commitment commitment;
  private final Prevention prevention;
  private final Clock clock;

  ComplaintSteps(ComplaintStore store, Commitment commitment, Prevention prevention, Clock clock) {
    this.store = store;
    this.commitment = commitment;
    this.prevention = prevention;
    this.clock = clock;
  }

  /**
   * Records step {@code stepNumber} (1–8) in order. Step 4 starts the commitment clock; step 6
   * stops it (the action is done); "not satisfied" at step 7 sends the complaint back to step 6 and
   * the clock runs again with its original due time; step 8 publishes the lesson to all staff (or
   * the chosen communities).
   */
  public StepRecord record(CurrentUser user, long id, int stepNumber, StepInput in) {
    Complaint c = store.forChange(user, id);
    ComplaintStep step = ComplaintStep.of(stepNumber);
    c.requireNext(step);
    c.requireVersion(in.version());
    Long noticeId = step == ComplaintStep.PREVENTION ? prevention.publish(user, c, in) : null;
    int before = c.nextStep().map(ComplaintStep::number).orElse(0);
    Instant promisedAt =
        in.promisedAt() == null ? null : in.promisedAt().truncatedTo(ChronoUnit.SECONDS);
    StepRecord rec =
        c.record(
            step,
            in.text(),
            promisedAt,
            in.satisfied(),
            false,
            false,
            noticeId,
            user.staffId(),
            user.displayName(),
            clock.instant());
    store.save(c, rec, user);
    switch (step) {
      case COMMITMENT -> commitment.start(c, rec.promisedAt());
      case CORRECTION -> commitment.actionTaken(id);
      case SATISFACTION -> {
        if (!rec.satisfied()) {
          commitment.reopen(c);
        }
      }
      default -> {}
    }
    store.audit(id, "STEP_" + step.number(), Map.of("nextStep", before), audited(rec));
    return rec;
  }

  private static Map<String, Object> audited(StepRecord rec) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("step", rec.step().number());
    after.put("round", rec.round());
    if (rec.promisedAt() != null) {
      after.put("promisedAt", rec.promisedAt().toString());
    }
    if (rec.satisfied() != null) {
      after.put("satisfied", rec.satisfied());
    }
    if (rec.noticeId() != null) {
      after.put("noticeId", rec.noticeId());
    }
    return after;
  }
}
