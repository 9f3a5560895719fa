package com.wuye.center.billing;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test records of their own (the database is shared by every test): a fresh community with units,
 * and fresh staff logins, so closing a cashier's day never disturbs another test.
 */
final class BillingFixtures {

  static final String PASSWORD = "Billing#Test1";
  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

  static final CurrentUser ADMIN =
      new CurrentUser(0, "test-admin", "测试管理员", 0L, null, Set.of(Role.ADMIN), Set.of());

  private final EstateService estateService;
  private final EstateDirectory estate;
  private final StaffService staff;

  BillingFixtures(EstateService estateService, EstateDirectory estate, StaffService staff) {
    this.estateService = estateService;
    this.estate = estate;
    this.staff = staff;
  }

  static String unique(String prefix) {
    return prefix + SEQ.incrementAndGet();
  }

  record Community(long id, String code, long buildingId) {}

  /** A new community with one building. */
  Community community() {
    String code = unique("T");
    long id =
        estateService.createCommunity(
            ADMIN, new EstateService.NewCommunity(code, "测试花园" + code, null));
    long building = estateService.createBuilding(ADMIN, id, "1", null, 30);
    return new Community(id, code, building);
  }

  /** A unit with an owner who moved in on {@code movedIn}. */
  long unit(Community c, String room, String area, LocalDate movedIn) {
    long unit =
        estateService.createUnit(
            ADMIN,
            new EstateService.NewUnit(
                c.buildingId(),
                "1",
                Integer.parseInt(room.substring(0, room.length() - 2)),
                room,
                new BigDecimal(area),
                Estate.Usage.RESIDENTIAL));
    if (movedIn != null) {
      long n = SEQ.incrementAndGet();
      long resident =
          estateService.registerResident(
              ADMIN,
              new EstateService.NewResident(
                  "业主" + n, "139" + String.format("%08d", n % 100_000_000), "PASSPORT", "P" + n));
      estateService.moveIn(ADMIN, unit, resident, Estate.Relation.OWNER, movedIn);
    }
    return unit;
  }

  /** A staff login with the roles, serving the community; returns the username. */
  String staff(String prefix, long communityId, Role... roles) {
    String username = unique(prefix);
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            username, PASSWORD, "员工" + username, null, Set.of(roles), Set.of(communityId), false));
    return username;
  }

  long bjhy() {
    return estate.communities().stream()
        .filter(c -> c.code().equals("BJHY"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  long demoUnit(String code) {
    return estate.unitByCode(bjhy(), code).orElseThrow().id();
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
