package com.wuye.center.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The estate's and staff administration's page forms, posted as a browser posts them: a refused
 * form comes back with the message and what was typed (never a password); a saved one says so.
 */
@IntegrationTest
class EstatePagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  static Map.Entry<String, String> f(String name, Object value) {
    return Map.entry(name, String.valueOf(value));
  }

  @Test
  void movingInFromTheUnitPageKeepsWhatWasTypedWhenRefusedAndMovingOutIsConfirmed() {
    Demo demo = new Demo(jdbc, estate, staff);
    long unit = demo.newUnit(demo.newCommunity(), "1501", "88.5", null);
    Api api = Api.login(port, "admin");
    List<Map.Entry<String, String>> person =
        List.of(
            f("name", "吴新来"),
            f("phone", "1371234"),
            f("idType", "PASSPORT"),
            f("idNumber", "E" + System.nanoTime() % 10_000_000),
            f("relation", "TENANT"),
            f("date", "2026-03-01"));

    Api.Posted refused = api.form("/staff/units/" + unit + "/move-in", person);
    assertThat(refused.status()).isEqualTo(302);
    assertThat(refused.location()).endsWith("/staff/units/" + unit);
    String page = api.get("/staff/units/" + unit).body();
    assertThat(page)
        .contains("id=\"refused\"")
        .contains("data-field=\"phone\"")
        .contains("value=\"吴新来\"")
        .contains("value=\"1371234\"")
        .contains("value=\"2026-03-01\"");
    assertThat(api.get("/staff/units/" + unit).body()).doesNotContain("id=\"refused\"");

    var good = new java.util.ArrayList<>(person);
    good.set(1, f("phone", "13712345678"));
    assertThat(api.form("/staff/units/" + unit + "/move-in", good).status()).isEqualTo(302);
    page = api.get("/staff/units/" + unit).body();
    assertThat(page).contains("id=\"saved\"").contains("吴新来").contains("2026-03-01");

    long occupancy =
        jdbc.sql("SELECT id FROM occupancy WHERE unit_id = :u")
            .param("u", unit)
            .query(Long.class)
            .single();
    Api.Posted out =
        api.form("/staff/occupancies/" + occupancy + "/move-out", List.of(f("unitId", unit)));
    assertThat(out.location()).endsWith("/staff/units/" + unit);
    assertThat(api.get("/staff/units/" + unit).body()).contains("id=\"saved\"");
    assertThat(
            jdbc.sql("SELECT moved_out FROM occupancy WHERE id = :o")
                .param("o", occupancy)
                .query(LocalDate.class)
                .single())
        .isNotNull();
    // moving out twice is refused on the unit page, not with an error page
    out = api.form("/staff/occupancies/" + occupancy + "/move-out", List.of(f("unitId", unit)));
    assertThat(out.location()).endsWith("/staff/units/" + unit);
    assertThat(api.get("/staff/units/" + unit).body()).contains("id=\"refused\"");
  }

  @Test
  void theUnitPageIssuesAnActivationCodeNeverAPassword() {
    Api kefu = Api.login(port, "kefu");
    Demo demo = new Demo(jdbc);
    long unit = demo.unit("2-1-501");
    long resident =
        jdbc.sql(
                "SELECT resident_id FROM occupancy WHERE unit_id = :u AND moved_out IS NULL LIMIT 1")
            .param("u", unit)
            .query(Long.class)
            .single();
    assertThat(kefu.get("/staff/units/" + unit).body())
        .contains("/residents/" + resident + "/account-code")
        .doesNotContain("name=\"password\"");
    Api.Posted r =
        kefu.form("/staff/units/" + unit + "/residents/" + resident + "/account-code", List.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"slip-code\"").contains("业户账号开通码");
  }

  @Test
  void anAdministratorCreatesStaffWithoutChoosingTheirPasswordAndARefusalKeepsTheForm() {
    Api admin = Api.login(port, "admin");
    long bjhy = new Demo(jdbc).community();
    String username = Demo.unique("pg");
    List<Map.Entry<String, String>> fields =
        List.of(
            f("username", username),
            f("name", "新同事"),
            f("phone", ""),
            f("roles", Role.SECURITY),
            f("communityIds", bjhy),
            f("shiftLeader", "true"));
    assertThat(admin.get("/admin/staff").body()).doesNotContain("name=\"password\"");

    // no role chosen: refused, with the typed values
    Api.Posted refused =
        admin.form(
            "/admin/staff", fields.stream().filter(e -> !e.getKey().equals("roles")).toList());
    assertThat(refused.location()).endsWith("/admin/staff");
    String page = admin.get("/admin/staff").body();
    assertThat(page)
        .contains("id=\"refused\"")
        .contains("value=\"" + username + "\"")
        .contains("value=\"新同事\"");

    String member = admin.form("/admin/staff", fields).location();
    assertThat(member).matches(".*/admin/staff/\\d+");
    String memberPath = member.substring(member.indexOf("/admin/staff/"));
    assertThat(admin.get(memberPath).body()).contains("id=\"saved\"").contains("新同事");

    // the member sets their own password with the one-time code from the slip
    String slip = admin.form(memberPath + "/reset-code", List.of()).body();
    var code =
        java.util.regex.Pattern.compile("id=\"slip-code\"[^>]*>(\\d{4} \\d{4})<").matcher(slip);
    assertThat(code.find()).as(slip).isTrue();
    assertThat(
            Api.anonymous(port)
                .post(
                    "/api/v1/auth/activate",
                    Map.of("login", username, "code", code.group(1), "password", "Secret#2026x"))
                .status())
        .isEqualTo(200);
    Api created = Api.login(port, username, "Secret#2026x");
    assertThat(created.get("/api/v1/me").json().get("roles").toString()).contains("SECURITY");
    assertThat(
            jdbc.sql(
                    "SELECT shift_leader FROM staff s JOIN account a ON a.staff_id = s.id WHERE a.username = :u")
                .param("u", username)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void theImportPageShowsItsReportAfterTheRedirect() {
    Api kefu = Api.login(port, "kefu");
    long bjhy = new Demo(jdbc).community();
    String csv = "楼栋,单元,楼层,房号,建筑面积\n1,1,1,101,89.5\n";
    var r =
        kefu.postMultipart(
            "/staff/estate/import",
            "file",
            "units.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            Map.of("communityId", String.valueOf(bjhy), "mode", "VALIDATE"));
    assertThat(r.status()).isEqualTo(302);
    String page = kefu.get("/staff/estate/import").body();
    assertThat(page).contains("id=\"import-report\"").contains("1-1-101");

    var noFile =
        kefu.postMultipart(
            "/staff/estate/import",
            "file",
            "",
            new byte[0],
            Map.of("communityId", String.valueOf(bjhy), "mode", "ALL_OR_NOTHING"));
    assertThat(noFile.status()).isEqualTo(302);
    page = kefu.get("/staff/estate/import").body();
    assertThat(page).contains("id=\"refused\"").contains("data-field=\"file\"");
  }

  @Test
  void notificationButtonsGoBackWithoutAMessage() {
    Api kefu = Api.login(port, "kefu");
    Api.Posted r = kefu.form("/notifications/read-all", List.of());
    assertThat(r.location()).endsWith("/notifications");
    assertThat(kefu.get("/notifications").body()).doesNotContain("id=\"saved\"");
    // an unknown notification stays an error page
    assertThat(kefu.form("/notifications/999999999/read", List.of()).status()).isEqualTo(404);
  }
}
