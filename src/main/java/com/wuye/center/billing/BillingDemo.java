package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo billing for 滨江花园: rates (property fee 2.50 元/m²·月, parking 300 元/月, water 4.10 元/m³,
 * electricity 0.60 元/kWh), the bills of last month and this month, and last month paid in cash at
 * the counter by some of building 2, so arrears and the collection rate have something to show.
 */
@Component
class BillingDemo {

  private static final Logger log = LoggerFactory.getLogger(BillingDemo.class);

  private final BillingService billing;
  private final CashierService cashier;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Clock clock;

  BillingDemo(
      BillingService billing,
      CashierService cashier,
      EstateDirectory estate,
      StaffDirectory staff,
      Clock clock) {
    this.billing = billing;
    this.cashier = cashier;
    this.estate = estate;
    this.staff = staff;
    this.clock = clock;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    long community = e.communityId();
    CurrentUser system =
        new CurrentUser(0, "system", "系统", 0L, null, Set.of(Role.ADMIN), Set.of(community));
    LocalDate since = LocalDate.of(2020, 1, 1);
    billing.setRate(system, community, Item.PROPERTY_FEE, new BigDecimal("2.50"), since);
    billing.setRate(system, community, Item.PARKING, new BigDecimal("300.00"), since);
    billing.setRate(system, community, Item.WATER, new BigDecimal("4.10"), since);
    billing.setRate(system, community, Item.ELECTRICITY, new BigDecimal("0.60"), since);
    YearMonth now = YearMonth.now(clock);
    var last = billing.run(system, community, now.minusMonths(1).toString());
    var current = billing.run(system, community, now.toString());
    List<StaffMember> cashiers = staff.withRole(community, Role.CASHIER);
    int paid = 0;
    if (!cashiers.isEmpty()) {
      StaffMember c = cashiers.get(0);
      CurrentUser counter =
          new CurrentUser(
              c.accountId() == null ? 0 : c.accountId(),
              "shouyin",
              c.name(),
              c.id(),
              null,
              Set.of(Role.CASHIER),
              Set.of(community));
      for (int floor = 1; floor <= 10; floor++) {
        var unit = estate.unitByCode(community, "2-1-" + floor + "01");
        if (unit.isEmpty()) {
          continue;
        }
        var open =
            cashier.account(counter, unit.get().id()).open().stream()
                .filter(ch -> ch.period().equals(now.minusMonths(1).toString()))
                .toList();
        if (open.isEmpty()) {
          continue;
        }
        BigDecimal due =
            open.stream().map(Billing.Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
        cashier.pay(
            counter,
            unit.get().id(),
            new CashierService.PayCommand(
                open.stream().map(Billing.Charge::id).toList(),
                due,
                floor % 3 == 0 ? Channel.WECHAT : Channel.CASH,
                floor % 3 == 0 ? null : due.setScale(-2, java.math.RoundingMode.UP),
                null,
                "demo-" + unit.get().id() + "-" + now.minusMonths(1),
                null));
        paid++;
      }
    }
    log.info(
        "Demo billing: {} + {} bills, {} paid at the counter",
        last.billsCreated(),
        current.billsCreated(),
        paid);
  }
}
