package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's account as the counter and the resident see it: what is owed, paid and prepaid. */
@Service
@Transactional(readOnly = true)
public class Accounts {

  /** Who may read accounts and receipts at the service center (residents see their own). */
  static final Role[] VIEWERS = {
    Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE
  };

  private final LedgerRepository ledger;
  private final EstateDirectory estate;
  private final Clock clock;

  Accounts(LedgerRepository ledger, EstateDirectory estate, Clock clock) {
    this.ledger = ledger;
    this.estate = estate;
    this.clock = clock;
  }

  /** Refuses staff who may not read accounts; residents pass (their units are checked). */
  public static void requireViewer(CurrentUser user) {
    if (!user.isResident()) {
      user.require(VIEWERS);
    }
  }

  public Billing.Account account(CurrentUser user, long unitId) {
    requireViewer(user);
    Estate.Unit unit = estate.unitFor(user, unitId);
    List<Charge> open = ledger.charges(unitId, true, 500);
    LocalDate today = LocalDate.now(clock);
    BigDecimal outstanding =
        open.stream().map(Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal arrears =
        open.stream()
            .filter(c -> c.item() != Item.DEPOSIT && c.dueDate().isBefore(today))
            .map(Charge::outstanding)
            .reduce(Money.ZERO, BigDecimal::add);
    return new Billing.Account(
        unitId,
        unit.communityId(),
        unit.communityName(),
        unit.code(),
        ownerName(estate, unitId),
        open,
        ledger.charges(unitId, false, 100),
        ledger.payments(unitId, 100),
        outstanding,
        arrears,
        ledger.prepaid(unitId),
        List.of());
  }

  /** The name of the unit's first current occupant (the payer named on receipts). */
  static String ownerName(EstateDirectory estate, long unitId) {
    return estate.currentOccupants(unitId).stream()
        .findFirst()
        .map(Estate.Occupancy::residentName)
        .orElse(null);
  }
}
