package com.wuye.center.renovation.internal;

import com.wuye.center.billing.Accounts;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.CounterPayment;
import com.wuye.center.renovation.InspectionKind;
import com.wuye.center.renovation.RenovationApplication;
import com.wuye.center.renovation.SiteInspections;
import com.wuye.center.renovation.WorksStart;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo renovation in progress, once the demo company is committed and billing raised its
 * deposit charge (billing and this area hear each other's events on their own threads, so this
 * waits for them, a few seconds at most, on the first start only): the cashier takes the deposit
 * and the fee at the counter (the permit becomes valid when billing says the deposit is paid),
 * customer service registers the start of works, and engineering passes the hidden works
 * inspection. Acts only on the demo application still waiting for its deposit, so a restart does
 * nothing.
 */
@Component
@Order(20)
class RenovationDemoWorks implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RenovationDemoWorks.class);
  private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(15);

  private final ApplicationRepository repo;
  private final Accounts accounts;
  private final CounterPayment counter;
  private final WorksStart works;
  private final SiteInspections inspections;
  private final DemoUsers users;

  RenovationDemoWorks(
      ApplicationRepository repo,
      Accounts accounts,
      CounterPayment counter,
      WorksStart works,
      SiteInspections inspections,
      DemoUsers users) {
    this.repo = repo;
    this.accounts = accounts;
    this.counter = counter;
    this.works = works;
    this.inspections = inspections;
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) {
    var found =
        repo.idWithKey(RenovationDemoData.IN_PROGRESS_KEY)
            .flatMap(repo::load)
            .filter(s -> s.application().status() == RenovationApplication.Status.APPROVED);
    if (found.isEmpty()) {
      return;
    }
    RenovationApplication a = found.get().application();
    CurrentUser cashier = users.staff(a.communityId(), Role.CASHIER);
    // billing raises the charges after the demo's commit, on its own thread
    if (!waitFor(() -> due(cashier, a).size() == 2)) {
      log.warn("Demo renovation {}: no deposit charge yet; left approved", a.number());
      return;
    }
    List<Billing.Charge> due = due(cashier, a);
    var total =
        due.stream()
            .map(Billing.Charge::outstanding)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    counter.pay(
        cashier,
        a.unitId(),
        new CounterPayment.PayCommand(
            due.stream().map(Billing.Charge::id).toList(),
            total,
            Billing.Channel.WECHAT,
            null,
            "4200001999" + String.format("%08d", a.id()),
            "demo-renovation-" + a.id(),
            null));
    if (!waitFor(
        () ->
            repo.require(a.id()).application().status()
                == RenovationApplication.Status.PERMITTED)) {
      log.warn("Demo renovation {}: deposit paid, permit not yet valid", a.number());
      return;
    }
    works.start(users.staff(a.communityId(), Role.CUSTOMER_SERVICE), a.id(), null);
    inspections.inspect(
        users.staff(a.communityId(), Role.TECHNICIAN),
        a.id(),
        null,
        new SiteInspections.Visit(
            InspectionKind.HIDDEN_WORKS,
            true,
            InspectionKind.HIDDEN_WORKS.checklist(),
            "给水管打压 0.8MPa 保压 30 分钟无渗漏；电线穿管，强弱电分开。"),
        List.of());
    log.info("Demo renovation {} in progress: deposit paid, hidden works passed", a.number());
  }

  /** The demo application's charges on the unit's bill (deposit and fee), once raised. */
  private List<Billing.Charge> due(CurrentUser cashier, RenovationApplication a) {
    return accounts.account(cashier, a.unitId()).open().stream()
        .filter(c -> String.valueOf(a.id()).equals(c.sourceId()))
        .toList();
  }

  /** Waits up to {@link #WAIT} for what another module's listener does on its own thread. */
  private static boolean waitFor(java.util.function.BooleanSupplier done) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
