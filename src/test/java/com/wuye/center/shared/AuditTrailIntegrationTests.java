package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailIntegrationTests {

  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail audit;
  @LocalServerPort int port;

  @Test
  void theDatabaseRefusesToUpdateOrDeleteAuditEntries() {
    long before = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    assertThat(before).isPositive();

    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else'").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("audit_log is append-only: UPDATE is not allowed");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("audit_log is append-only: DELETE is not allowed");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("audit_log is append-only: TRUNCATE is not allowed");

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
