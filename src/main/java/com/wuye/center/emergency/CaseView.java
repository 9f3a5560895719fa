package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.CallerRelation;
import com.wuye.center.emergency.EmergencyCase.Status;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An emergency case as its page and the API show it: the intake (no diagnosis — only the caller's
 * words, CS-E3), the time since the call, who acknowledged the dispatch, the checklist of steps,
 * the timeline (every step and acknowledgement with its time), the response times and the
 * follow-up.
 *
 * @param actions the steps the current user may record now
 */
public record CaseView(
    long id,
    String number,
    long communityId,
    long unitId,
    String unitLabel,
    String contactPhone,
    String callerName,
    CallerRelation callerRelation,
    String callerWords,
    Choice choice,
    Status status,
    Instant calledAt,
    long secondsSinceCall,
    Long secondsToEnd,
    String takenBy,
    int version,
    List<String> guards,
    EmergencyCase.StandBy standBy,
    String entranceWaiter,
    List<String> carers,
    List<Ack> acknowledgements,
    List<ChecklistItem> checklist,
    StepType nextStep,
    List<TimelineEntry> timeline,
    ResponseTimes responseTimes,
    FollowUp followUp,
    Set<StepType> actions) {

  /**
   * Who was sent an assignment that must be acknowledged, for which step (the dispatch, a guard's
   * or carer's assignment, the manager's decision), and when they acknowledged it.
   */
  public record Ack(
      String name,
      String username,
      StepType forStep,
      Instant sentAt,
      Instant acknowledgedAt,
      Long afterSeconds) {
    public boolean acknowledged() {
      return acknowledgedAt != null;
    }
  }

  public record ChecklistItem(StepType step, boolean done, Instant at) {}

  /**
   * One line of the timeline: a recorded step, or an acknowledgement of an assignment ({@code step}
   * null, {@code acknowledgement} true, {@code actor} who acknowledged).
   */
  public record TimelineEntry(
      Instant at,
      StepType step,
      boolean acknowledgement,
      String actor,
      List<String> people,
      String code,
      String person,
      Boolean flag,
      List<String> items,
      String note) {}

  /**
   * The follow-up visit (CS-E7): due exactly a week after the end; overdue when not done in time.
   */
  public record FollowUp(Instant dueAt, boolean overdue, Instant doneAt, String note) {}

  public boolean can(StepType step) {
    return actions.contains(step);
  }

  public boolean open() {
    return status == Status.OPEN;
  }
}
