package com.wuye.center.repair;

import com.wuye.center.repair.internal.ConfirmationRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The technician's visit: accepts the job, arrives on site confirming EN-1 (work card worn), EN-2
 * (introduced self and purpose) and, indoors, EN-5 (floor protected), pauses the clock only for an
 * objective cause (EN-3) and resumes it, and completes confirming EN-4 (site cleaned, waste taken
 * away) and, indoors, EN-5 (site restored), with fees from the price list only (EN-6). The order
 * checks the checklist ({@link RepairOrder#arrive}, {@link RepairOrder#complete}); the items are
 * {@link ConductItem}.
 */
@Service
@Transactional
public class TechnicianVisit {

  /** The technician's completion: the checklist (EN-4, EN-5) and listed items with quantities. */
  public record Completion(
      Set<ConductItem> checklist, List<RepairFeePolicy.Requested> fees, String note) {}

  private final RepairOrders orders;
  private final RepairClocks clocks;
  private final ConfirmationRepository answers;
  private final RepairFees fees;
  private final RepairNotices notices;
  private final Clock clock;

  TechnicianVisit(
      RepairOrders orders,
      RepairClocks clocks,
      ConfirmationRepository answers,
      RepairFees fees,
      RepairNotices notices,
      Clock clock) {
    this.orders = orders;
    this.clocks = clocks;
    this.answers = answers;
    this.fees = fees;
    this.notices = notices;
    this.clock = clock;
  }

  /** The assigned technician takes the job. */
  public void accept(CurrentUser user, long id, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = orders.load(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().accept(user.staffId(), now);
    orders.save(user, s, "ACCEPTED", before, now);
  }

  /** On site: EN-1 work card, EN-2 introduced, EN-5 floor protection (indoor) confirmed. */
  public void arrive(CurrentUser user, long id, Set<ConductItem> checklist, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = orders.load(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().arrive(user.staffId(), checklist == null ? Set.of() : checklist, now);
    confirmed(s.order(), ConductItem.Stage.ARRIVAL, now);
    orders.save(user, s, "ARRIVED", before, clocks.arrived(s.facts()), null, now);
  }

  /** EN-3: pauses the clocks for an objective cause only (the cause is recorded). */
  public void pause(CurrentUser user, long id, String cause, String note, Integer version) {
    Stored s = orders.loadForWork(user, id, version);
    PauseCause c = PauseCause.of(cause);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().pause(c, note, now);
    RepairClocks.Due due = clocks.pause(s.facts(), c, Text.optional("note", note, 500));
    orders.save(user, s, "PAUSED", before, due, null, now);
  }

  /** The cause has cleared: the clocks run again, their due times moved by the pause. */
  public void resume(CurrentUser user, long id, Integer version) {
    Stored s = orders.loadForWork(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().resume(now);
    orders.save(user, s, "RESUMED", before, clocks.resume(s.facts()), null, now);
  }

  /**
   * Completion: EN-4 and (indoor) EN-5 confirmed, fees only from the price list or approved (EN-6);
   * the clocks stop and the resident is asked to confirm.
   */
  public RepairFeePolicy.Fees complete(CurrentUser user, long id, Completion c, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = orders.load(user, id, version);
    RepairOrder o = s.order();
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    RepairFeePolicy.Fees settled = fees.settle(s, c.fees());
    o.complete(
        user.staffId(), c.checklist() == null ? Set.of() : c.checklist(), settled, c.note(), now);
    fees.record(id, settled, user.actorRef(), now);
    confirmed(o, ConductItem.Stage.COMPLETION, now);
    orders.save(user, s, "COMPLETED", before, clocks.stop(s), null, now);
    notices.completed(s);
    return settled;
  }

  /** The technician's answers: every required item of the stage, as the order has checked. */
  private void confirmed(RepairOrder o, ConductItem.Stage stage, Instant now) {
    Map<ConductItem, Boolean> yes = new EnumMap<>(ConductItem.class);
    ConductItem.required(stage, o.indoor()).forEach(i -> yes.put(i, true));
    answers.insertConduct(o.id(), o.round(), "TECHNICIAN", yes, now);
  }
}
