package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Personal data in the audit trail (issue 13, finding 8): no row carries a full mobile number, not
 * in the actor (a resident's username is a phone), the record id, or any text at any depth of the
 * before and after states.
 */
@IntegrationTest
class AuditMaskingIntegrationTests {

  /** A full mainland mobile number standing alone. */
  static final Pattern FULL_MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  @DisplayName("a resident whose username is a phone, phones nested in states: all masked")
  void phonesAreMaskedWherever() {
    CurrentUser resident =
        new CurrentUser(1, "13912345678", "业主", null, 7L, Set.of(Role.RESIDENT), Set.of());
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken((CurrentUser.Holder) () -> resident, ""));
    audit.record(
        "account",
        "13912345678",
        "LOGIN_NAME",
        Map.of("username", "13912345678"),
        Map.of(
            "username",
            "13812345678",
            "collectors",
            List.of(Map.of("name", "李四", "mobile", "13712345678")),
            "note",
            "请拨打 13612345678 联系"));
    var rows =
        jdbc.sql(
                "SELECT actor, entity_id, after_state::text AS after FROM audit_log"
                    + " WHERE entity_type = 'account' AND action = 'LOGIN_NAME'")
            .query()
            .listOfRows();
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(rows.size() - 1).get("actor").toString()).endsWith(":139****5678");
    assertThat(rows.get(rows.size() - 1).get("entity_id")).isEqualTo("139****5678");
    assertThat(rows.get(rows.size() - 1).get("after").toString())
        .contains("138****5678", "137****5678", "136****5678");
  }

  @Test
  @DisplayName("no audit row of any business flow carries a full phone")
  void noAuditRowCarriesAFullPhone() {
    Demo demo = new Demo(jdbc, estate, staff);
    var community = demo.newCommunity();
    demo.newUnit(community, "301", "90.00", java.time.LocalDate.of(2024, 3, 1));
    List<String> leaks =
        jdbc
            .sql(
                "SELECT id || ' ' || actor || ' ' || entity_id || ' ' ||"
                    + " coalesce(before_state::text, '') || ' ' || coalesce(after_state::text, '')"
                    + " FROM audit_log")
            .query(String.class)
            .list()
            .stream()
            .filter(row -> FULL_MOBILE.matcher(row).find())
            .toList();
    assertThat(leaks).isEmpty();
  }
}
