package com.wuye.center.billing;

import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.Role;
import com.wuye.center.support.Demo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What billing's tests need besides {@link Demo}: staff logins of their own with a known password
 * (so closing a cashier's day never disturbs another test), and the charge a repair asks for.
 */
final class BillingFixtures {

  static final String PASSWORD = "Billing#Test1";

  private BillingFixtures() {}

  /** A staff login with the roles, serving the community; returns the username. */
  static String staff(Demo demo, long communityId, Role... roles) {
    return demo.newStaff(PASSWORD, Set.of(roles), Set.of(communityId));
  }

  /** What the repair area publishes when a repair with listed fees is confirmed. */
  static ChargeRequested repairCharge(long communityId, long unitId, String sourceId) {
    return new ChargeRequested(
        "repair",
        sourceId,
        "BX-" + sourceId,
        communityId,
        unitId,
        "更换水龙头",
        List.of(
            new ChargeRequested.Line(
                "水龙头", "个", BigDecimal.ONE, new BigDecimal("45.00"), new BigDecimal("45.00")),
            new ChargeRequested.Line(
                "人工费", "次", BigDecimal.ONE, new BigDecimal("30.50"), new BigDecimal("30.50"))),
        new BigDecimal("75.50"),
        Instant.now());
  }

  static void publish(
      TransactionTemplate tx, ApplicationEventPublisher events, ChargeRequested event) {
    tx.executeWithoutResult(s -> events.publishEvent(event));
  }
}
