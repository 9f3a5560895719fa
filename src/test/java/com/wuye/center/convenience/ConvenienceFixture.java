package com.wuye.center.convenience;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import com.wuye.center.staff.StaffService;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test helpers on the demo company 滨江花园: the demo catalog, users as services see them, and fresh
 * residents with portal logins in units of building 3 (so tests never share a household).
 */
final class ConvenienceFixture {

  static final String PASSWORD = "Test#Pass2026";

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final EstateService estateService;
  private final StaffDirectory staff;
  private final StaffService staffService;

  ConvenienceFixture(
      JdbcClient jdbc,
      EstateDirectory estate,
      EstateService estateService,
      StaffDirectory staff,
      StaffService staffService) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.estateService = estateService;
    this.staff = staff;
    this.staffService = staffService;
  }

  long community() {
    return estate.communities().stream()
        .filter(c -> c.code().equals("BJHY"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  Estate.Unit unit(String code) {
    return estate.unitByCode(community(), code).orElseThrow();
  }

  long service(String name) {
    return jdbc.sql("SELECT id FROM convenience_service WHERE community_id = :c AND name = :n")
        .param("c", community())
        .param("n", name)
        .query(Long.class)
        .single();
  }

  long staffId(String username) {
    return jdbc.sql("SELECT staff_id FROM account WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  CurrentUser staffUser(String username) {
    StaffMember m = staff.find(staffId(username)).orElseThrow();
    return new CurrentUser(
        m.accountId(), username, m.name(), m.id(), null, m.roles(), m.communityIds());
  }

  CurrentUser residentUser(String username) {
    var row =
        jdbc.sql("SELECT id, resident_id FROM account WHERE lower(username) = lower(:u)")
            .param("u", username)
            .query()
            .singleRow();
    long residentId = ((Number) row.get("resident_id")).longValue();
    return new CurrentUser(
        ((Number) row.get("id")).longValue(),
        username,
        estate.resident(residentId).orElseThrow().name(),
        null,
        residentId,
        Set.of(Role.RESIDENT),
        Set.of());
  }

  /**
   * Cancels the orders a test left open (placed up to the business clock's now), so that their
   * deadline clocks stop: the database is shared, and other areas' tests sweep every running clock.
   */
  void cancelOpenOrders(ConvenienceOrders orders, java.time.Instant now) {
    CurrentUser kefu = staffUser("kefu");
    jdbc.sql(
            "SELECT id FROM convenience_order WHERE status IN ('ORDERED', 'ASSIGNED') AND ordered_at <= :now")
        .param("now", java.sql.Timestamp.from(now))
        .query(Long.class)
        .list()
        .forEach(id -> orders.cancel(kefu, id, "测试结束"));
  }

  /** A household of its own: a fresh resident (with a portal login) moved into a unit. */
  record Household(long unitId, String unitCode, long residentId, String phone) {}

  Household newHousehold() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String code = "3-" + (1 + r.nextInt(2)) + "-" + (1 + r.nextInt(25)) + "0" + (1 + r.nextInt(2));
    return newHousehold(code);
  }

  Household newHousehold(String unitCode) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    CurrentUser admin = new CurrentUser(0, "test", "测试", 0L, null, Set.of(Role.ADMIN), Set.of());
    String phone = "139" + String.format("%08d", r.nextInt(100_000_000));
    String id =
        IdDocument.withCheckDigit(
            "110105"
                + (1960 + r.nextInt(40))
                + "0"
                + (1 + r.nextInt(9))
                + "1"
                + r.nextInt(10)
                + String.format("%03d", r.nextInt(1000)));
    long resident =
        estateService.registerResident(
            admin, new EstateService.NewResident("测试住户", phone, "RESIDENT_ID", id));
    Estate.Unit unit = unit(unitCode);
    estateService.moveIn(admin, unit.id(), resident, Estate.Relation.MEMBER, null);
    staffService.createResidentAccount(null, resident, phone, PASSWORD);
    return new Household(unit.id(), unitCode, resident, phone);
  }
}
