package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions and API tokens live in PostgreSQL and are read on every request; a read request writes
 * nothing (the last-access time is stored once a minute), and deleting a member's sessions stops
 * their token at the next request.
 */
@IntegrationTest
class SessionPersistenceIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired FindByIndexNameSessionRepository<? extends Session> sessions;

  @Test
  void aReadRequestLeavesTheStoredSessionAsItWas() {
    Api kefu = Api.login(port, "kefu");
    String before = row(kefu.token());

    assertThat(kefu.get("/api/v1/units").status()).isEqualTo(200);
    assertThat(kefu.get("/api/v1/units").status()).isEqualTo(200);

    assertThat(row(kefu.token())).isEqualTo(before);
  }

  @Test
  void theLastAccessIsStoredOnceItIsAMinuteOld() {
    Api kefu = Api.login(port, "kefu");
    jdbc.sql(
            "UPDATE spring_session SET last_access_time = last_access_time - 120000,"
                + " expiry_time = expiry_time - 120000 WHERE session_id = ?")
        .param(kefu.token())
        .update();
    long twoMinutesAgo = lastAccess(kefu.token());

    assertThat(kefu.get("/api/v1/units").status()).isEqualTo(200);

    assertThat(lastAccess(kefu.token())).isGreaterThanOrEqualTo(twoMinutesAgo + 110_000);
  }

  @Test
  void deletingAMembersSessionsRefusesTheirTokenAtTheNextRequest() {
    String username =
        new Demo(jdbc, estate, staff)
            .newStaff(
                "Session#2026x", Set.of(Role.CUSTOMER_SERVICE), Set.of(new Demo(jdbc).community()));
    Api member = Api.login(port, username, "Session#2026x");
    assertThat(member.get("/api/v1/units").status()).isEqualTo(200);

    sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);

    assertThat(member.get("/api/v1/units").status()).isEqualTo(401);
  }

  private String row(String token) {
    return jdbc.sql(
            "SELECT last_access_time || ' ' || expiry_time FROM spring_session WHERE session_id = ?")
        .param(token)
        .query(String.class)
        .single();
  }

  private long lastAccess(String token) {
    return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
        .param(token)
        .query(Long.class)
        .single();
  }
}
