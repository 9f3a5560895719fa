package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.FormLogin;
import com.wuye.center.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff account lifecycle (finding 4: accounts could be created only): edit, disable with the
 * member's sessions ending at their next request, enable, unlock, reset by code, change password,
 * duty roster; every change audited.
 */
@IntegrationTest
class StaffAdministrationIntegrationTests {

  static final String PASSWORD = "Member#Pass2026";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  Demo demo() {
    return new Demo(jdbc, estate, staff);
  }

  String newMember(Role role) {
    return demo().newStaff(PASSWORD, Set.of(role), Set.of(demo().community()));
  }

  long staffId(String username) {
    return demo().staffId(username);
  }

  Map<String, Object> member(Api admin, String username) {
    var json = admin.get("/api/v1/admin/staff/" + staffId(username)).json();
    Map<String, Object> edit = new HashMap<>();
    edit.put("name", json.get("name").asString());
    edit.put("roles", List.of(json.get("roles").get(0).asString()));
    edit.put("communityIds", List.of(json.get("communityIds").get(0).asLong()));
    edit.put("shiftLeader", false);
    edit.put("version", json.get("version").asInt());
    return edit;
  }

  List<String> audited(String username) {
    return jdbc.sql(
            "SELECT action FROM audit_log WHERE entity_type = 'staff' AND entity_id = :id ORDER BY id")
        .param("id", String.valueOf(staffId(username)))
        .query(String.class)
        .list();
  }

  @Test
  void disablingEndsTheMembersSessionCookieAndApiTokenAtTheirNextRequest() {
    String name = newMember(Role.CASHIER);
    Api token = Api.login(port, name, PASSWORD);
    FormLogin browser = new FormLogin(port);
    assertThat(browser.login(name, PASSWORD)).isEqualTo("/staff");
    assertThat(browser.get("/staff").statusCode()).isEqualTo(200);
    assertThat(token.get("/api/v1/me").status()).isEqualTo(200);

    Api admin = Api.login(port, "admin");
    assertThat(admin.post("/api/v1/admin/staff/" + staffId(name) + "/disable", null).status())
        .isEqualTo(204);

    assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
    var page = browser.get("/staff");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    var again =
        Api.anonymous(port)
            .post("/api/v1/auth/login", Map.of("username", name, "password", PASSWORD));
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.json().get("type").asString()).endsWith("login.failed");
    var listed = admin.get("/api/v1/admin/staff/" + staffId(name)).json();
    assertThat(listed.get("enabled").asBoolean()).isFalse();

    assertThat(admin.post("/api/v1/admin/staff/" + staffId(name) + "/enable", null).status())
        .isEqualTo(204);
    Api.login(port, name, PASSWORD);
    assertThat(audited(name)).containsSubsequence("CREATED", "DISABLED", "ENABLED");
  }

  @Test
  void editingRolesAndCommunitiesTakesEffectAtTheMembersNextRequest() {
    String name = newMember(Role.CASHIER);
    Api member = Api.login(port, name, PASSWORD);
    Api admin = Api.login(port, "admin");
    Map<String, Object> edit = member(admin, name);
    edit.put("roles", List.of("CASHIER", "CUSTOMER_SERVICE"));
    edit.put("phone", "13912345678");
    assertThat(admin.put("/api/v1/admin/staff/" + staffId(name), edit).status()).isEqualTo(204);
    assertThat(member.get("/api/v1/me").status()).isEqualTo(401);
    var me = Api.login(port, name, PASSWORD).get("/api/v1/me").json();
    assertThat(me.get("roles").toString()).contains("CUSTOMER_SERVICE");
    // the edit form carries the version it showed: a second save of the same form is stale
    assertThat(admin.put("/api/v1/admin/staff/" + staffId(name), edit).status()).isEqualTo(409);
    assertThat(audited(name)).contains("EDITED");
    String row =
        jdbc.sql(
                "SELECT after_state::text FROM audit_log WHERE entity_type = 'staff' AND entity_id = :id"
                    + " AND action = 'EDITED'")
            .param("id", String.valueOf(staffId(name)))
            .query(String.class)
            .single();
    assertThat(row).doesNotContain("13912345678");
  }

  @Test
  void aMemberSavedWithNoCommunityIsRefusedNamingTheField() {
    String name = newMember(Role.TECHNICIAN);
    Api admin = Api.login(port, "admin");
    Map<String, Object> edit = member(admin, name);
    edit.put("communityIds", List.of());
    var none = admin.put("/api/v1/admin/staff/" + staffId(name), edit);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("communityIds");

    Map<String, Object> created = new HashMap<>();
    created.put("username", Demo.unique("nocom"));
    created.put("password", PASSWORD);
    created.put("name", "无小区");
    created.put("roles", List.of("CASHIER"));
    created.put("communityIds", List.of());
    created.put("shiftLeader", false);
    var refused = admin.post("/api/v1/admin/staff", created);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString())
        .isEqualTo("communityIds");
    created.put("communityIds", java.util.Arrays.asList((Object) null));
    assertThat(admin.post("/api/v1/admin/staff", created).status()).isEqualTo(400);

    // an administrator has the company scope: no community needed
    created.put("roles", List.of("ADMIN"));
    created.put("communityIds", List.of());
    assertThat(admin.post("/api/v1/admin/staff", created).status()).isEqualTo(201);

    // and the page names the field too
    Api.Posted page =
        admin.form(
            "/admin/staff/" + staffId(name),
            List.of(
                Map.entry("name", "某师傅"),
                Map.entry("roles", "TECHNICIAN"),
                Map.entry("version", String.valueOf(edit.get("version")))));
    assertThat(page.location()).endsWith("/admin/staff/" + staffId(name));
    assertThat(admin.get("/admin/staff/" + staffId(name)).body())
        .contains("data-field=\"communityIds\"")
        .contains("请至少选择一个服务小区");
  }

  @Test
  void staffCreationFollowsThePasswordPolicy() {
    Api admin = Api.login(port, "admin");
    Map<String, Object> created = new HashMap<>();
    String username = Demo.unique("pw");
    created.put("username", username);
    created.put("name", "新同事");
    created.put("roles", List.of("CASHIER"));
    created.put("communityIds", List.of(demo().community()));
    created.put("shiftLeader", false);
    for (String weak : List.of("12345678", username, "password123")) {
      created.put("password", weak);
      var r = admin.post("/api/v1/admin/staff", created);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }
    created.put("password", PASSWORD);
    assertThat(admin.post("/api/v1/admin/staff", created).status()).isEqualTo(201);
  }

  @Test
  void anAdministratorUnlocksALockedLogin() {
    String name = newMember(Role.CASHIER);
    for (int i = 0; i < 5; i++) {
      Api.anonymous(port)
          .post("/api/v1/auth/login", Map.of("username", name + " ", "password", "wrong" + i));
    }
    assertThat(
            Api.anonymous(port)
                .post("/api/v1/auth/login", Map.of("username", name, "password", PASSWORD))
                .status())
        .isEqualTo(401);
    Api admin = Api.login(port, "admin");
    assertThat(admin.get("/api/v1/admin/staff/" + staffId(name)).json().get("locked").asBoolean())
        .isTrue();
    assertThat(
            Api.login(port, "jingli")
                .post("/api/v1/admin/staff/" + staffId(name) + "/unlock", null)
                .status())
        .isEqualTo(403);
    assertThat(admin.post("/api/v1/admin/staff/" + staffId(name) + "/unlock", null).status())
        .isEqualTo(204);
    Api.login(port, name, PASSWORD);
  }

  @Test
  void aResetCodeFromAnAdministratorLetsTheMemberSetANewPassword() {
    String name = newMember(Role.TECHNICIAN);
    Api old = Api.login(port, name, PASSWORD);
    Api admin = Api.login(port, "admin");
    var code = admin.post("/api/v1/admin/staff/" + staffId(name) + "/reset-code", null);
    assertThat(code.status()).isEqualTo(201);
    assertThat(code.json().get("purpose").asString()).isEqualTo("RESET");
    assertThat(code.json().get("login").asString()).isEqualTo(name);
    var set =
        Api.anonymous(port)
            .post(
                "/api/v1/auth/activate",
                Map.of(
                    "login",
                    name.toUpperCase(),
                    "code",
                    code.json().get("code").asString(),
                    "password",
                    "Fresh-Start-2027"));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("token").asString()).isNotBlank();
    assertThat(old.get("/api/v1/me").status()).isEqualTo(401);
    Api.login(port, name, "Fresh-Start-2027");
    assertThat(
            Api.login(port, "kefu")
                .post("/api/v1/admin/staff/" + staffId(name) + "/reset-code", null)
                .status())
        .isEqualTo(403);
  }

  @Test
  void everyoneChangesTheirOwnPasswordKeepingThisSessionAndEndingTheOthers() {
    String name = newMember(Role.SECURITY);
    Api here = Api.login(port, name, PASSWORD);
    Api elsewhere = Api.login(port, name, PASSWORD);
    var wrongCurrent =
        here.post(
            "/api/v1/account/password",
            Map.of("currentPassword", "not-it-at-all", "newPassword", "Night-Shift-2026"));
    assertThat(wrongCurrent.status()).isEqualTo(400);
    assertThat(wrongCurrent.json().get("errors").get(0).get("field").asString())
        .isEqualTo("currentPassword");
    var weak =
        here.post(
            "/api/v1/account/password",
            Map.of("currentPassword", PASSWORD, "newPassword", "qwertyuiop"));
    assertThat(weak.json().get("type").asString()).endsWith("error.password.common");
    assertThat(
            here.post(
                    "/api/v1/account/password",
                    Map.of("currentPassword", PASSWORD, "newPassword", "Night-Shift-2026"))
                .status())
        .isEqualTo(204);
    assertThat(here.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(elsewhere.get("/api/v1/me").status()).isEqualTo(401);
    Api.login(port, name, "Night-Shift-2026");

    // on the page: a mismatch goes back to the form (no password kept), then the change is saved
    String next = "Day-Shift-2027x";
    Api page = Api.login(port, name, "Night-Shift-2026");
    Api.Posted mismatch =
        page.form(
            "/account/password",
            List.of(
                Map.entry("currentPassword", "Night-Shift-2026"),
                Map.entry("newPassword", next),
                Map.entry("confirmPassword", next + "y")));
    assertThat(mismatch.location()).endsWith("/account/password");
    assertThat(page.get("/account/password").body())
        .contains("id=\"refused\"")
        .doesNotContain(next);
    Api.Posted saved =
        page.form(
            "/account/password",
            List.of(
                Map.entry("currentPassword", "Night-Shift-2026"),
                Map.entry("newPassword", next),
                Map.entry("confirmPassword", next)));
    assertThat(saved.location()).endsWith("/account/password");
    assertThat(page.get("/account/password").body()).contains("id=\"saved\"");
    assertThat(Api.login(port, name, next).get("/api/v1/me").status()).isEqualTo(200);

    // residents too, on the page
    Api resident = Api.login(port, "13800000002");
    assertThat(resident.get("/account/password").status()).isEqualTo(200);
  }

  @Test
  void supervisorsKeepTheDutyRosterOfTheirCommunitiesOnly() {
    String guard = newMember(Role.SECURITY);
    long id = staffId(guard);
    Api zhuguan = Api.login(port, "zhuguan");
    assertThat(
            zhuguan
                .put("/api/v1/staff/" + id + "/duty", Map.of("onDuty", false, "shiftLeader", true))
                .status())
        .isEqualTo(204);
    var row =
        zhuguan
            .get("/api/v1/staff/duty")
            .json()
            .valueStream()
            .filter(s -> s.get("id").asLong() == id)
            .findFirst()
            .orElseThrow();
    assertThat(row.get("onDuty").asBoolean()).isFalse();
    assertThat(row.get("shiftLeader").asBoolean()).isTrue();
    assertThat(audited(guard)).contains("DUTY_CHANGED", "SHIFT_LEADER_CHANGED");

    // a supervisor of another community may not; the guard may mark themselves back on duty
    var other = demo().newCommunity();
    String elsewhere = demo().newStaff(PASSWORD, Set.of(Role.SUPERVISOR), Set.of(other.id()));
    assertThat(
            Api.login(port, elsewhere, PASSWORD)
                .put("/api/v1/staff/" + id + "/duty", Map.of("onDuty", true))
                .status())
        .isEqualTo(403);
    assertThat(
            Api.login(port, guard, PASSWORD)
                .put("/api/v1/staff/" + id + "/duty", Map.of("onDuty", true))
                .status())
        .isEqualTo(204);
    assertThat(zhuguan.get("/staff/duty").body()).contains("duty-" + id);
  }

  @Test
  void theAdministratorsPagesListEditAndDisable() {
    String name = newMember(Role.CASHIER);
    Api admin = Api.login(port, "admin");
    assertThat(admin.get("/admin/staff?q=" + name).body()).contains(name).contains("edit-" + name);
    String page = admin.get("/admin/staff/" + staffId(name)).body();
    assertThat(page).contains("id=\"disable\"").contains("id=\"reset-code\"");
    Api.Posted disabled = admin.form("/admin/staff/" + staffId(name) + "/disable", List.of());
    assertThat(disabled.location()).endsWith("/admin/staff/" + staffId(name));
    assertThat(admin.get("/admin/staff/" + staffId(name)).body())
        .contains("id=\"enable\"")
        .contains("已停用");
    Api.Posted slip = admin.form("/admin/staff/" + staffId(name) + "/reset-code", List.of());
    assertThat(slip.status()).isEqualTo(302); // a disabled member gets no code from the page
  }
}
