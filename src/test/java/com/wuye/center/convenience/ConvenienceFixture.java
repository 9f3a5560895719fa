package com.wuye.center.convenience;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Demo;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What convenience's tests need besides {@link Demo}: the demo catalog of 滨江花园, residents as the
 * services see them, fresh residents with portal logins in units of building 3 (so tests never
 * share a household), and the cancelling of orders a test left open.
 */
final class ConvenienceFixture {

  static final String PASSWORD = "Test#Pass2026";

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final EstateService estateService;
  private final StaffService staffService;
  private final Demo demo;

  ConvenienceFixture(
      JdbcClient jdbc,
      EstateDirectory estate,
      EstateService estateService,
      StaffService staffService,
      Demo demo) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.estateService = estateService;
    this.staffService = staffService;
    this.demo = demo;
  }

  /** A service of the demo catalog by its name. */
  long service(String name) {
    return jdbc.sql("SELECT id FROM convenience_service WHERE community_id = :c AND name = :n")
        .param("c", demo.community())
        .param("n", name)
        .query(Long.class)
        .single();
  }

  /** The current user of a resident's portal login, as its session would hold it. */
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
  void cancelOpenOrders(ServiceOrdering ordering, Instant now) {
    // the administrator: other tests leave orders in communities of their own too
    CurrentUser kefu = demo.staffUser("admin");
    jdbc.sql(
            "SELECT id FROM convenience_order WHERE status IN ('ORDERED', 'ASSIGNED') AND ordered_at <= :now")
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .list()
        .forEach(id -> ordering.cancel(kefu, id, "测试结束"));
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
            Demo.ADMIN, new EstateService.NewResident("测试住户", phone, "RESIDENT_ID", id));
    long unit = demo.unit(unitCode);
    estateService.moveIn(Demo.ADMIN, unit, resident, Estate.Relation.MEMBER, null);
    staffService.createResidentAccount(null, resident, phone, PASSWORD);
    return new Household(unit, unitCode, resident, phone);
  }
}
