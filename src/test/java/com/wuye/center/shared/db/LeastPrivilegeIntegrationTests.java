package com.wuye.center.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.support.IntegrationTest;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app's own connection cannot bypass the append-only triggers: it owns nothing, is no
 * superuser, and has only SELECT and INSERT on the audit trail and the key chain of custody.
 */
@IntegrationTest
class LeastPrivilegeIntegrationTests {

  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("the app connects as a role that is no superuser and owns no table")
  void theAppsRoleOwnsNothing() {
    assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
        .isEqualTo(EmbeddedDatabase.APP_ROLE);
    assertThat(
            jdbc.sql(
                    "SELECT rolsuper OR rolcreaterole OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class)
                .single())
        .isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole"
                        + " OR relnamespace IN (SELECT oid FROM pg_namespace WHERE nspowner = current_user::regrole)")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName("the app's connection cannot switch off or bypass the append-only trigger")
  void theTriggerCannotBeBypassed() {
    long before = jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    assertThat(before).isPositive();

    refused("SET session_replication_role = replica", "permission denied to set parameter");
    refused("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update", "must be owner");
    refused("ALTER TABLE audit_log DISABLE TRIGGER ALL", "must be owner");
    refused("DROP TRIGGER audit_log_no_update ON audit_log", "must be owner");
    refused(
        "CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger"
            + " LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "permission denied");
    refused("UPDATE audit_log SET actor = 'someone else'", "permission denied for table");
    refused("DELETE FROM audit_log", "permission denied for table");
    refused("TRUNCATE audit_log", "permission denied for table");
    refused("UPDATE keycustody_movement SET actor = 'someone else'", "permission denied for table");
    refused("DELETE FROM keycustody_movement", "permission denied for table");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single())
        .isEqualTo(before);
  }

  /** Refused for lack of privilege (SQLSTATE 42501), before any trigger runs. */
  private void refused(String sql, String says) {
    assertThatThrownBy(() -> jdbc.sql(sql).update())
        .as(sql)
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(says)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
  }

  @Test
  @DisplayName(
      "every table is reachable by the app, and every append-only table only for reading and adding")
  void privilegesAreExactlyWhatTheAppNeeds() {
    List<String> appendOnly =
        jdbc.sql(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind = 'r' AND has_table_privilege(oid, 'INSERT')"
                    + " AND NOT has_table_privilege(oid, 'UPDATE') ORDER BY 1")
            .query(String.class)
            .list();
    assertThat(appendOnly).containsExactly("audit_log", "keycustody_movement");
    List<String> unreachable =
        jdbc.sql(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind = 'r' AND relname <> 'flyway_schema_history'"
                    + " AND NOT (has_table_privilege(oid, 'SELECT') AND has_table_privilege(oid, 'INSERT'))")
            .query(String.class)
            .list();
    assertThat(unreachable).isEmpty();
    assertThat(
            jdbc.sql("SELECT has_table_privilege('flyway_schema_history', 'SELECT')")
                .query(Boolean.class)
                .single())
        .isFalse();
  }
}
