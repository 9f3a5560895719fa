package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Demo payments: the community's cashier takes a month's bills of 2-1-101 … 2-1-1001 at the
 * counter, every third by WeChat, the others in cash rounded up to the next 100 元 (change given).
 */
@Component
class CounterDemo {

  private final Accounts accounts;
  private final CounterPayment counter;
  private final EstateDirectory estate;
  private final StaffDirectory staff;

  CounterDemo(
      Accounts accounts, CounterPayment counter, EstateDirectory estate, StaffDirectory staff) {
    this.accounts = accounts;
    this.counter = counter;
    this.estate = estate;
    this.staff = staff;
  }

  /** Pays the month's open charges of the demo units; returns how many units paid. */
  int payMonth(long community, YearMonth month) {
    CurrentUser cashier = cashier(community);
    if (cashier == null) {
      return 0;
    }
    int paid = 0;
    for (int floor = 1; floor <= 10; floor++) {
      var unit = estate.unitByCode(community, "2-1-" + floor + "01");
      if (unit.isEmpty()) {
        continue;
      }
      var open =
          accounts.account(cashier, unit.get().id()).open().stream()
              .filter(ch -> ch.period().equals(month.toString()))
              .toList();
      if (open.isEmpty()) {
        continue;
      }
      BigDecimal due =
          open.stream().map(Billing.Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
      boolean wechat = floor % 3 == 0;
      counter.pay(
          cashier,
          unit.get().id(),
          new CounterPayment.PayCommand(
              open.stream().map(Billing.Charge::id).toList(),
              due,
              wechat ? Channel.WECHAT : Channel.CASH,
              wechat ? null : due.setScale(-2, RoundingMode.UP),
              wechat
                  ? "4200002026" + String.format("%08d", unit.get().id()) + month.getMonthValue()
                  : null,
              "demo-" + unit.get().id() + "-" + month,
              null));
      paid++;
    }
    return paid;
  }

  /**
   * The history's payments: every unit settles its open charges up to a month of its own — most
   * through last month, some a few months behind, a few not at all — so the collection rate and the
   * arrears ageing have every bucket. Deterministic (by the unit's code); returns how many paid.
   */
  int payHistory(long community, YearMonth current) {
    CurrentUser cashier = cashier(community);
    if (cashier == null) {
      return 0;
    }
    int paid = 0;
    for (var b : estate.buildings(community)) {
      for (var unit : estate.unitsOfBuilding(b.id())) {
        int h = Math.floorMod(unit.code().hashCode() * 31 + 7, 100);
        int behind = h < 72 ? 1 : h < 82 ? 2 : h < 90 ? 3 : h < 95 ? 5 : 99;
        if (behind == 99) {
          continue;
        }
        String through = current.minusMonths(behind).toString();
        var open =
            accounts.account(cashier, unit.id()).open().stream()
                .filter(ch -> ch.period().compareTo(through) <= 0)
                .toList();
        if (open.isEmpty()) {
          continue;
        }
        BigDecimal due =
            open.stream().map(Billing.Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
        boolean wechat = h % 3 == 0;
        counter.pay(
            cashier,
            unit.id(),
            new CounterPayment.PayCommand(
                open.stream().map(Billing.Charge::id).toList(),
                due,
                wechat ? Channel.WECHAT : Channel.CASH,
                wechat ? null : due.setScale(-2, RoundingMode.UP),
                // WeChat at the counter names its transaction (CA rule since online payment)
                wechat
                    ? "4200002025" + String.format("%08d", unit.id()) + through.substring(5)
                    : null,
                "demo-history-" + unit.id() + "-" + through,
                null));
        paid++;
      }
    }
    return paid;
  }

  private CurrentUser cashier(long community) {
    List<StaffMember> cashiers = staff.withRole(community, Role.CASHIER);
    if (cashiers.isEmpty()) {
      return null;
    }
    StaffMember c = cashiers.get(0);
    return new CurrentUser(
        c.accountId() == null ? 0 : c.accountId(),
        "shouyin",
        c.name(),
        c.id(),
        null,
        Set.of(Role.CASHIER),
        Set.of(community));
  }
}
