package com.wuye.center.billing;

import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One-off charges raised at the counter: a deposit (装修押金, refundable) or another fee. */
@Service
@Transactional
public class OneOffCharges {

  static final Role[] CHARGE_RAISERS = {Role.CASHIER, Role.SUPERVISOR, Role.MANAGER};

  private final LedgerRepository ledger;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  OneOffCharges(LedgerRepository ledger, EstateDirectory estate, AuditTrail audit, Clock clock) {
    this.ledger = ledger;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  public record NewCharge(Billing.Item item, String description, BigDecimal amount) {}

  /** Raises the charge, due today; returns its id. */
  public long raise(CurrentUser user, long unitId, NewCharge c) {
    user.require(CHARGE_RAISERS);
    Estate.Unit unit = estate.unitFor(user, unitId);
    if (c.item() == null || !c.item().raisedAtCounter()) {
      throw DomainException.invalid("item", "billing.error.charge.item");
    }
    String description = Text.required("description", c.description(), 200);
    BigDecimal amount = Money.positive("amount", c.amount());
    LocalDate today = LocalDate.now(clock);
    long id =
        ledger
            .insertCharge(
                new LedgerRepository.NewCharge(
                    unit.communityId(),
                    unitId,
                    null,
                    c.item(),
                    description,
                    YearMonth.from(today),
                    null,
                    null,
                    amount,
                    today,
                    null,
                    null,
                    null,
                    null,
                    user.actorRef(),
                    clock.instant()))
            .orElseThrow();
    audit.record(
        "billing_charge",
        id,
        "CHARGED",
        null,
        Map.of("unitId", unitId, "item", c.item(), "amount", amount, "description", description));
    return id;
  }
}
