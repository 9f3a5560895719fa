package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Item;
import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo billing for 滨江花园: rates (property fee 2.50 元/m²·月, parking 300 元/月, water 4.10 元/m³,
 * electricity 0.60 元/kWh), the bills of last month and this month, and last month paid at the
 * counter by some of building 2 ({@link CounterDemo}), so arrears and the collection rate have
 * something to show. With the demo history ({@code wuye.demo.history}): six months of bills, and
 * every unit pays up to a month of its own — most through last month, some months behind, a few
 * never — so the arrears ageing has every bucket.
 */
@Component
class BillingDemo {

  private static final Logger log = LoggerFactory.getLogger(BillingDemo.class);

  private final Rates rates;
  private final BillingRuns runs;
  private final CounterDemo counter;
  private final Clock clock;

  BillingDemo(Rates rates, BillingRuns runs, CounterDemo counter, Clock clock) {
    this.rates = rates;
    this.runs = runs;
    this.counter = counter;
    this.clock = clock;
  }

  /** With the demo history: six months of bills, paid with arrears of every age. */
  @Value("${wuye.demo.history:true}")
  private boolean history;

  @EventListener
  void on(DemoDataLoaded e) {
    long community = e.communityId();
    CurrentUser system =
        new CurrentUser(0, "system", "系统", 0L, null, Set.of(Role.ADMIN), Set.of(community));
    LocalDate since = LocalDate.of(2020, 1, 1);
    rates.setRate(system, community, Item.PROPERTY_FEE, new BigDecimal("2.50"), since);
    rates.setRate(system, community, Item.PARKING, new BigDecimal("300.00"), since);
    rates.setRate(system, community, Item.WATER, new BigDecimal("4.10"), since);
    rates.setRate(system, community, Item.ELECTRICITY, new BigDecimal("0.60"), since);
    long started = System.currentTimeMillis();
    YearMonth now = YearMonth.now(clock);
    if (history) {
      for (int m = 6; m >= 2; m--) {
        runs.run(system, community, now.minusMonths(m).toString());
      }
    }
    var last = runs.run(system, community, now.minusMonths(1).toString());
    var current = runs.run(system, community, now.toString());
    int paid =
        history
            ? counter.payHistory(community, now)
            : counter.payMonth(community, now.minusMonths(1));
    log.info(
        "Demo billing in {} ms: {} + {} bills{}, {} paid at the counter",
        System.currentTimeMillis() - started,
        last.billsCreated(),
        current.billsCreated(),
        history ? " (and four months before)" : "",
        paid);
  }
}
