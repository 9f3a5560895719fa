package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.db.EmbeddedDatabase;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailIntegrationTests {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired AuditTrail audit;
  @LocalServerPort int port;

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAuditEntries() throws SQLException {
    long before = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    assertThat(before).isPositive();

    // the app's role may not change it (shared.db.LeastPrivilegeIntegrationTests); the trigger
    // refuses it to everyone else, the schema owner included
    try (Connection owner =
        DriverManager.getConnection(
            ((HikariDataSource) dataSource).getJdbcUrl(), EmbeddedDatabase.SUPERUSER, "")) {
      for (String op : List.of("UPDATE", "DELETE", "TRUNCATE")) {
        String sql =
            switch (op) {
              case "UPDATE" -> "UPDATE audit_log SET actor = 'someone else'";
              case "DELETE" -> "DELETE FROM audit_log";
              default -> "TRUNCATE audit_log";
            };
        assertThatThrownBy(() -> owner.createStatement().execute(sql))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("audit_log is append-only: " + op + " is not allowed");
      }
    }

    assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aMoveInAppearsInTheUnitsHistoryWithWhoAndWhat() {
    Api kefu = Api.login(port, "kefu");
    long unitId = new Demo(jdbc).unit("2-1-1501");
    var resident =
        kefu.post(
            "/api/v1/residents",
            Map.of(
                "name",
                "审计测试",
                "phone",
                "13512345678",
                "idType",
                "RESIDENT_ID",
                "idNumber",
                IdDocument.withCheckDigit("31010119900307123")));
    assertThat(resident.status()).isEqualTo(201);
    long residentId = resident.json().get("id").asLong();
    assertThat(
            kefu.post(
                    "/api/v1/units/" + unitId + "/occupants",
                    Map.of("residentId", residentId, "relation", "TENANT"))
                .status())
        .isEqualTo(201);

    var history = kefu.get("/api/v1/units/" + unitId + "/history").json();
    var last = history.get(history.size() - 1);
    assertThat(last.get("action").asString()).isEqualTo("MOVED_IN");
    assertThat(last.get("actor").asString()).contains("kefu");
    assertThat(last.get("after").get("residentId").asLong()).isEqualTo(residentId);

    // phones and ID numbers are masked in the audit trail itself
    var residentEntry = audit.history("resident", residentId).get(0);
    assertThat(residentEntry.after().get("phone")).isEqualTo("135****5678");
    assertThat(String.valueOf(residentEntry.after().get("idNumber"))).contains("*");
  }
}
