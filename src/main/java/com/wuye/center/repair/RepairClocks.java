package com.wuye.center.repair;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.repair.internal.RepairRepository.Facts;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * EN-3, the order's deadline clocks (module deadline keeps the time): the resolve clock, due 24
 * hours after reporting unless the category says otherwise, and for emergencies an arrival clock;
 * they pause only for an objective cause ({@link PauseCause}) and the pause moves the due time by
 * its length; a reopen keeps the original due time. Every change of the order's clocks goes through
 * here, the arrival clock's through {@link #arrival} only. Issue 14: an order nobody has dispatched
 * also has an acceptance clock ({@code wuye.acceptance.repair}, 30 minutes) that tells the
 * supervisors, then the managers; dispatching it (or cancelling it) stops that clock.
 */
@Component
class RepairClocks {

  static final String RESOLVE = RepairOrder.RESOLVE_CLOCK;
  static final String ARRIVE = "arrive";

  /** The clocks' due times after a change (null: unchanged). */
  record Due(Instant resolve, Instant arrive) {
    static final Due UNCHANGED = new Due(null, null);
  }

  /** The clocks of a new order. */
  record Started(long resolveClockId, Long arriveClockId, Instant dueAt, Instant arriveDueAt) {}

  private static final Predicate<DeadlineClock.State> ALWAYS = s -> true;

  private final DeadlineClocks clocks;
  private final AcceptanceClocks acceptance;

  RepairClocks(DeadlineClocks clocks, AcceptanceClocks acceptance) {
    this.clocks = clocks;
    this.acceptance = acceptance;
  }

  /** Starts the resolve clock and, for an emergency, the arrival clock. */
  Started start(
      long id, String number, long communityId, Instant now, Duration target, Duration arrive) {
    long resolve = clocks.start(start(id, RESOLVE, "报修单 " + number, communityId, now, target));
    acceptance.start(
        AcceptanceClocks.Kind.REPAIR,
        RepairOrder.SUBJECT,
        id,
        "报修单 " + number,
        RepairOrders.link(id),
        communityId,
        now);
    if (arrive == null) {
      return new Started(resolve, null, now.plus(target), null);
    }
    long arrival =
        clocks.start(start(id, ARRIVE, "紧急报修单 " + number + " 到场", communityId, now, arrive));
    return new Started(resolve, arrival, now.plus(target), now.plus(arrive));
  }

  private static DeadlineClocks.Start start(
      long id, String purpose, String label, long communityId, Instant now, Duration target) {
    return new DeadlineClocks.Start(
        RepairOrder.SUBJECT,
        String.valueOf(id),
        purpose,
        label,
        RepairOrders.link(id),
        communityId,
        null,
        now,
        target);
  }

  /** The technician the clocks warn at 80 %. */
  void assign(Stored s, long technicianId) {
    acceptance.taken(AcceptanceClocks.Kind.REPAIR, RepairOrder.SUBJECT, s.order().id());
    Facts f = s.facts();
    clocks.assign(f.resolveClockId(), technicianId);
    arrival(f, ALWAYS, id -> clocks.assign(id, technicianId));
  }

  /** The technician is on site: the arrival clock stops. */
  Due arrived(Facts f) {
    return new Due(null, stopArrival(f));
  }

  /** EN-3: both clocks stop running for an objective cause. */
  Due pause(Facts f, PauseCause cause, String note) {
    Instant due = clocks.pause(f.resolveClockId(), cause.name(), note).dueAt();
    return new Due(
        due,
        arrival(
            f, s -> s == DeadlineClock.State.RUNNING, id -> clocks.pause(id, cause.name(), note)));
  }

  /** The cause has cleared: the clocks run again, their due times moved by the pause. */
  Due resume(Facts f) {
    Instant due = clocks.resume(f.resolveClockId()).dueAt();
    return new Due(due, arrival(f, s -> s == DeadlineClock.State.PAUSED, id -> clocks.resume(id)));
  }

  /** Completed or cancelled: both clocks stop. */
  Due stop(Stored s) {
    acceptance.taken(AcceptanceClocks.Kind.REPAIR, RepairOrder.SUBJECT, s.order().id());
    Facts f = s.facts();
    return new Due(clocks.stop(f.resolveClockId()).dueAt(), stopArrival(f));
  }

  /** Not satisfied: the resolve clock runs again with its original due time. */
  Due reopen(Facts f, String note) {
    return new Due(clocks.reopen(f.resolveClockId(), note).dueAt(), null);
  }

  /** Whether the order was resolved within its time (for the reports). */
  boolean met(Facts f) {
    return clocks.view(f.resolveClockId()).met();
  }

  List<DeadlineClock.Event> events(long clockId) {
    return clocks.events(clockId);
  }

  List<DeadlineClocks.Escalation> escalations(List<Long> clockIds) {
    return clocks.escalations(clockIds);
  }

  private Instant stopArrival(Facts f) {
    return arrival(f, s -> s != DeadlineClock.State.STOPPED, id -> clocks.stop(id));
  }

  /**
   * Changes the arrival clock, if the order has one (emergencies) and it is in a state the change
   * applies to.
   *
   * @return the arrival clock's due time after the change, or null if it did not change
   */
  private Instant arrival(
      Facts f, Predicate<DeadlineClock.State> when, LongFunction<ClockView> change) {
    Long id = f.arriveClockId();
    if (id == null || (when != ALWAYS && !when.test(clocks.view(id).state()))) {
      return null;
    }
    return change.apply(id).dueAt();
  }
}
