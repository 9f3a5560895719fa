package com.wuye.center.convenience;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-S2 no tips: the resident confirms and rates a done service and answers "were you asked for a
 * tip?" — nothing in the system records a tip, only that answer; a yes opens an integrity case for
 * the community's managers at once ({@link IntegrityCases}). Only the resident confirms: staff are
 * refused, another household does not see the order.
 */
@Service
@Transactional
public class ResidentConfirmation {

  private final OrderJournal journal;
  private final EstateDirectory estate;
  private final OrderClock promise;
  private final IntegrityCases cases;
  private final Clock clock;

  ResidentConfirmation(
      OrderJournal journal,
      EstateDirectory estate,
      OrderClock promise,
      IntegrityCases cases,
      Clock clock) {
    this.journal = journal;
    this.estate = estate;
    this.promise = promise;
    this.cases = cases;
    this.clock = clock;
  }

  /** The resident's confirmation: the tip question answered, a rating of 1–5, a comment. */
  @Schema(name = "ServiceOrderConfirmation")
  public record Confirmation(Boolean tipAsked, Integer rating, String comment, String statement) {}

  public void confirm(CurrentUser user, long orderId, Confirmation c) {
    if (!user.isResident()) {
      throw DomainException.forbidden("convenience.error.confirmResidentOnly");
    }
    ServiceOrder order = journal.load(orderId);
    estate.checkUnitAccess(user, order.unitId());
    String comment = Text.optional("comment", c.comment(), 300);
    String statement = Text.optional("statement", c.statement(), 500);
    Map<String, Object> before = OrderJournal.snapshot(order);
    Instant now = clock.instant();
    order.confirm(
        user.residentId(), true, c.rating(), c.tipAsked(), comment, now, promise.met(orderId));
    String stars = "★".repeat(order.rating()) + (comment == null ? "" : " " + comment);
    journal.stepped(order, before, user, now, "CONFIRMED", stars);
    if (Boolean.TRUE.equals(order.tipAsked())) {
      cases.open(order, user.residentId(), statement, now);
    }
  }
}
