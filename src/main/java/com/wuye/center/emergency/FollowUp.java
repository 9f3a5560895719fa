package com.wuye.center.emergency;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.Status;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-E7, the follow-up visit (回访): when a case ends, the visit is scheduled within one week ({@link
 * EmergencyCase#FOLLOW_UP_WITHIN}) on a deadline clock, whose sweep tells the supervisors and then
 * the managers when it is overdue; the visit, recorded only after the end, stops the clock. A visit
 * not done by its due time, or done after it, is flagged overdue.
 */
@Service
@Transactional
public class FollowUp implements StepHandler {

  /** The purpose of the follow-up clock. */
  public static final String PURPOSE = "follow-up";

  /** When the visit is due, and whether it is (or was done) late. */
  record Due(Instant dueAt, boolean overdue) {}

  private final DeadlineClocks clocks;

  FollowUp(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  /** Starts the clock of a case that just ended, due when the case says. */
  public void schedule(EmergencyCase c, Actor by, Instant due) {
    clocks.start(
        new DeadlineClocks.Start(
            EmergencyCase.TYPE,
            String.valueOf(c.id()),
            PURPOSE,
            "急救回访 " + c.number() + " " + c.intake().unitLabel(),
            CaseNotices.link(c),
            c.communityId(),
            by.staffId(),
            c.endedAt(),
            Duration.between(c.endedAt(), due)));
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(StepType.FOLLOW_UP_DONE);
  }

  /** The visit: recorded on the case, and the clock stops. */
  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    c.recordFollowUp(r.note(), actor, now);
    stopClock(c);
  }

  /** Stops the case's clock if it still runs. */
  public void stopClock(EmergencyCase c) {
    clocks
        .find(EmergencyCase.TYPE, String.valueOf(c.id()), PURPOSE)
        .filter(v -> v.state() != DeadlineClock.State.STOPPED)
        .ifPresent(v -> clocks.stop(v.id()));
  }

  /** The visit of an ended case (null while it has not ended). */
  Due due(EmergencyCase c, Instant now) {
    if (c.status() != Status.ENDED) {
      return null;
    }
    return due(
        c, clocks.find(EmergencyCase.TYPE, String.valueOf(c.id()), PURPOSE).orElse(null), now);
  }

  /** The visits of the ended cases of a list, by case id. */
  Map<Long, Due> due(List<EmergencyCase> list, Instant now) {
    List<EmergencyCase> ended = list.stream().filter(c -> c.status() == Status.ENDED).toList();
    Map<String, ClockView> found =
        clocks.find(
            EmergencyCase.TYPE, PURPOSE, ended.stream().map(c -> String.valueOf(c.id())).toList());
    Map<Long, Due> out = new HashMap<>();
    ended.forEach(c -> out.put(c.id(), due(c, found.get(String.valueOf(c.id())), now)));
    return out;
  }

  private static Due due(EmergencyCase c, ClockView clock, Instant now) {
    Instant due = clock != null ? clock.dueAt() : c.endedAt().plus(EmergencyCase.FOLLOW_UP_WITHIN);
    Instant done = c.followUpDoneAt();
    return new Due(due, done == null ? now.isAfter(due) : done.isAfter(due));
  }
}
