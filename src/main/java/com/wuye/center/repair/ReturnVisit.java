package com.wuye.center.repair;

import com.wuye.center.repair.internal.ConfirmationRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer-service return visit (回访) that closes the loop: by phone or in person, a satisfied
 * resident closes the order ({@link RepairClosed}, what the reports count); otherwise it reopens.
 */
@Service
@Transactional
public class ReturnVisit {

  /** What the return visit found. */
  public record Report(String channel, Boolean satisfied, String note) {}

  private final RepairOrders orders;
  private final ConfirmationRepository answers;
  private final Reopening reopening;
  private final RepairClocks clocks;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ReturnVisit(
      RepairOrders orders,
      ConfirmationRepository answers,
      Reopening reopening,
      RepairClocks clocks,
      ApplicationEventPublisher events,
      Clock clock) {
    this.orders = orders;
    this.answers = answers;
    this.reopening = reopening;
    this.clocks = clocks;
    this.events = events;
    this.clock = clock;
  }

  /** Records the visit: a satisfied resident closes the order, otherwise it reopens. */
  public void record(CurrentUser user, long id, Report v, Integer version) {
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);
    Stored s = orders.load(user, id, version);
    RepairOrder o = s.order();
    String channel = v.channel() == null || v.channel().isBlank() ? "PHONE" : v.channel().trim();
    if (!Set.of("PHONE", "VISIT").contains(channel)) {
      throw DomainException.invalid("channel", "repair.error.visitChannel");
    }
    if (v.satisfied() == null) {
      throw DomainException.invalid("satisfied", "repair.error.satisfiedRequired");
    }
    boolean satisfied = v.satisfied();
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    int round = o.round();
    o.returnVisit(satisfied, v.note(), now);
    String note = Text.required("note", v.note(), 500);
    answers.insertReturnVisit(id, round, user.staffId(), channel, satisfied, note, now);
    RepairClocks.Due due = satisfied ? RepairClocks.Due.UNCHANGED : reopening.reopened(s, note);
    orders.save(user, s, satisfied ? "CLOSED" : "REOPENED", before, due, null, now);
    if (satisfied) {
      int[] rating = answers.rating(id).orElse(null);
      events.publishEvent(
          new RepairClosed(
              id,
              o.number(),
              o.communityId(),
              o.assigneeStaffId(),
              clocks.met(s.facts()),
              o.reopenCount(),
              rating == null ? null : rating[0],
              rating == null ? null : rating[1],
              now));
    }
  }
}
