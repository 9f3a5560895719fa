package com.wuye.center.shared.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Least privilege in the database: after every migration run (as the schema owner), the app's own
 * role gets exactly what it needs on every table the migrations made — SELECT, INSERT, UPDATE,
 * DELETE, USAGE on the sequences, MAINTAIN (ANALYZE, VACUUM; PostgreSQL 17) — and on the
 * append-only audit trail and key chain of custody only SELECT and INSERT. It owns nothing, so it
 * can neither switch the triggers off ({@code ALTER TABLE … DISABLE TRIGGER}: owner only) nor
 * bypass them ({@code session_replication_role}: superuser only). New tables of later migrations
 * are covered by the next start.
 *
 * <p>The app's role is {@link EmbeddedDatabase#APP_ROLE} in embedded mode; with an external
 * database it is {@code wuye.db.app-role} (default: {@code spring.datasource.username}), and the
 * migrations run as {@code spring.flyway.user} (see ops/db-roles.sql). When both are the same user
 * nothing is granted and a warning says so.
 */
@Component
class AppRoleGrants implements Callback {

  private static final Logger log = LoggerFactory.getLogger(AppRoleGrants.class);
  private static final long LOCK = 0x77757965L; // one grant run at a time across nodes

  private final String appRole;

  AppRoleGrants(Environment env, ObjectProvider<EmbeddedDatabase> embedded) {
    this.appRole =
        embedded.getIfAvailable() != null
            ? EmbeddedDatabase.APP_ROLE
            : env.getProperty(
                "wuye.db.app-role", env.getProperty("spring.datasource.username", ""));
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public String getCallbackName() {
    return "wuyeAppRoleGrants";
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      grant(context.getConnection(), appRole);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not grant the app's role " + appRole + " its privileges: " + e.getMessage(), e);
    }
  }

  /**
   * The append-only tables the app's role may only read and add to: the audit trail and the key
   * chain of custody. (The other tables whose triggers refuse UPDATE and DELETE keep those
   * privileges, and their triggers refuse; the role cannot switch a trigger off either way.)
   */
  static final List<String> APPEND_ONLY = List.of("audit_log", "keycustody_movement");

  static List<String> appendOnlyTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    for (String t : APPEND_ONLY) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT to_regclass(" + literal("public." + t) + ") IS NOT NULL")) {
        rs.next();
        if (rs.getBoolean(1)) {
          tables.add(t);
        }
      }
    }
    return tables;
  }

  static void grant(Connection c, String role) throws SQLException {
    String owner;
    boolean roleExists;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_user, EXISTS (SELECT FROM pg_roles WHERE rolname = "
                    + literal(role)
                    + ")")) {
      rs.next();
      owner = rs.getString(1);
      roleExists = rs.getBoolean(2);
    }
    if (role == null || role.isBlank() || role.equals(owner)) {
      log.warn(
          "The app connects to the database as {}, the user that runs the migrations and owns"
              + " the schema: it could switch off the append-only triggers of the audit trail."
              + " Give the app a role of its own (README, 'Database roles'; ops/db-roles.sql).",
          owner);
      return;
    }
    if (!roleExists) {
      log.warn("The app's database role {} does not exist; no privileges granted", role);
      return;
    }
    String r = identifier(role);
    List<String> appendOnly = appendOnlyTables(c);
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
      s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      s.execute("GRANT USAGE ON SCHEMA " + identifier(schema(c)) + " TO " + r);
      String in = " IN SCHEMA " + identifier(schema(c));
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES" + in + " TO " + r);
      s.execute("REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES" + in + " FROM " + r);
      if (c.getMetaData().getDatabaseMajorVersion() >= 17) {
        // ANALYZE after a bulk load (and VACUUM): changes no row, switches off no trigger
        s.execute("GRANT MAINTAIN ON ALL TABLES" + in + " TO " + r);
      }
      s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES" + in + " TO " + r);
      s.execute(
          "REVOKE ALL ON TABLE " + identifier(schema(c)) + ".flyway_schema_history FROM " + r);
      for (String t : appendOnly) {
        s.execute("REVOKE UPDATE, DELETE ON TABLE " + identifier(t) + " FROM " + r);
      }
    }
    log.info(
        "Database role {}: DML on the app's tables; SELECT and INSERT only on {}",
        role,
        appendOnly);
  }

  private static String schema(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + (value == null ? "" : value.replace("'", "''")) + "'";
  }
}
