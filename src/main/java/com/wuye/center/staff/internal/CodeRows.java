package com.wuye.center.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of one-time codes (activation of a resident's account, reset of a password): stored as a
 * hash, one live code per resident or account, used once, refused after too many wrong tries.
 */
@Repository
public class CodeRows {

  private final JdbcClient jdbc;

  CodeRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A live (neither used nor revoked) code; expired ones are live until replaced, never valid. */
  public record LiveCode(
      long id,
      String purpose,
      Long residentId,
      Long accountId,
      String codeHash,
      Instant expiresAt,
      int failedAttempts) {}

  /**
   * Revokes the live code of the resident (activation) or account (reset) and stores a new one.
   *
   * @return the new code's id
   */
  public long replace(
      String purpose,
      Long residentId,
      Long accountId,
      String codeHash,
      String issuedBy,
      Instant issuedAt,
      Instant expiresAt) {
    jdbc.sql(
            "UPDATE account_code SET revoked_at = :now WHERE used_at IS NULL AND revoked_at IS NULL"
                + " AND (resident_id = :r OR account_id = :a)")
        .param("now", Timestamp.from(issuedAt))
        .param("r", residentId)
        .param("a", accountId)
        .update();
    return jdbc.sql(
            "INSERT INTO account_code (purpose, resident_id, account_id, code_hash, issued_by,"
                + " issued_at, expires_at) VALUES (:p, :r, :a, :h, :by, :at, :exp) RETURNING id")
        .param("p", purpose)
        .param("r", residentId)
        .param("a", accountId)
        .param("h", codeHash)
        .param("by", issuedBy)
        .param("at", Timestamp.from(issuedAt))
        .param("exp", Timestamp.from(expiresAt))
        .query(Long.class)
        .single();
  }

  /** The live reset code of an account, if any. */
  public List<LiveCode> liveForAccount(long accountId) {
    return jdbc.sql(SELECT + " AND account_id = :a FOR UPDATE")
        .param("a", accountId)
        .query(CodeRows::map)
        .list();
  }

  /** The live activation codes of residents with this phone and no account yet. */
  public List<LiveCode> liveActivationsForPhone(String phone) {
    return jdbc.sql(
            SELECT
                + " AND purpose = 'ACTIVATION' AND resident_id IN (SELECT r.id FROM resident r"
                + " WHERE r.phone = :p AND NOT EXISTS (SELECT 1 FROM account a WHERE a.resident_id = r.id))"
                + " ORDER BY id FOR UPDATE")
        .param("p", phone)
        .query(CodeRows::map)
        .list();
  }

  /** Counts a wrong try; the code is revoked at the limit. */
  public void failed(long codeId, int limit, Instant now) {
    jdbc.sql(
            "UPDATE account_code SET failed_attempts = failed_attempts + 1,"
                + " revoked_at = CASE WHEN failed_attempts + 1 >= :limit THEN :now ELSE revoked_at END"
                + " WHERE id = :id")
        .param("limit", limit)
        .param("now", Timestamp.from(now))
        .param("id", codeId)
        .update();
  }

  public void used(long codeId, Instant now) {
    jdbc.sql("UPDATE account_code SET used_at = :now WHERE id = :id")
        .param("now", Timestamp.from(now))
        .param("id", codeId)
        .update();
  }

  private static final String SELECT =
      "SELECT id, purpose, resident_id, account_id, code_hash, expires_at, failed_attempts"
          + " FROM account_code WHERE used_at IS NULL AND revoked_at IS NULL";

  private static LiveCode map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new LiveCode(
        rs.getLong("id"),
        rs.getString("purpose"),
        rs.getObject("resident_id", Long.class),
        rs.getObject("account_id", Long.class),
        rs.getString("code_hash"),
        rs.getTimestamp("expires_at").toInstant(),
        rs.getInt("failed_attempts"));
  }
}
