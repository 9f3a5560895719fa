package com.wuye.center.messaging.internal;

import com.wuye.center.messaging.ContactSettings;
import com.wuye.center.messaging.Language;
import com.wuye.center.messaging.MessageKind;
import com.wuye.center.messaging.QuietHours;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's messaging settings, their opt-outs and their pending WeChat bindings. */
@Repository
public class ContactRepository {

  private final JdbcClient jdbc;

  ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The settings of residents, by resident id (those who never saved anything are absent). */
  public Map<Long, ContactSettings> ofResidents(Collection<Long> residentIds) {
    return of("resident_id", residentIds);
  }

  /** The settings of staff members, by staff id. */
  public Map<Long, ContactSettings> ofStaff(Collection<Long> staffIds) {
    return of("staff_id", staffIds);
  }

  public ContactSettings ofResident(long residentId) {
    return ofResidents(List.of(residentId)).getOrDefault(residentId, ContactSettings.defaults());
  }

  private Map<Long, ContactSettings> of(String column, Collection<Long> ids) {
    Map<Long, ContactSettings> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Map<Long, Set<MessageKind>> optOuts = new HashMap<>();
    jdbc.sql(
            "SELECT c.id, o.kind FROM messaging_opt_out o JOIN messaging_contact c ON c.id = o.contact_id"
                + " WHERE c."
                + column
                + " = ANY(:ids)")
        .param("ids", ids.toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    optOuts
                        .computeIfAbsent(rs.getLong("id"), k -> EnumSet.noneOf(MessageKind.class))
                        .add(MessageKind.valueOf(rs.getString("kind"))));
    jdbc.sql("SELECT * FROM messaging_contact WHERE " + column + " = ANY(:ids)")
        .param("ids", ids.toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    out.put(
                        rs.getLong(column),
                        settings(rs, optOuts.getOrDefault(rs.getLong("id"), Set.of()))));
    return out;
  }

  private static ContactSettings settings(ResultSet rs, Set<MessageKind> optedOut)
      throws SQLException {
    LocalTime start = rs.getObject("quiet_start", LocalTime.class);
    LocalTime end = rs.getObject("quiet_end", LocalTime.class);
    Timestamp bound = rs.getTimestamp("wechat_bound_at");
    return new ContactSettings(
        rs.getLong("id"),
        Language.of(rs.getString("language")),
        rs.getString("email"),
        rs.getString("wechat_openid"),
        bound == null ? null : bound.toInstant(),
        start == null ? null : new QuietHours(start, end),
        optedOut,
        rs.getInt("version"));
  }

  /** The resident's contact row, created with the defaults if they have none; its id. */
  public long ensureResident(long residentId) {
    jdbc.sql(
            "INSERT INTO messaging_contact (resident_id) VALUES (:r)"
                + " ON CONFLICT (resident_id) WHERE resident_id IS NOT NULL DO NOTHING")
        .param("r", residentId)
        .update();
    return jdbc.sql("SELECT id FROM messaging_contact WHERE resident_id = :r")
        .param("r", residentId)
        .query(Long.class)
        .single();
  }

  /**
   * Saves language, e-mail, quiet hours and opt-outs if nobody changed them since {@code version}
   * was read (else 409).
   */
  public void save(long contactId, ContactSettings s, int version, Instant now) {
    int n =
        jdbc.sql(
                "UPDATE messaging_contact SET language = :lang, email = :email, quiet_start = :qs, quiet_end = :qe,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .param("lang", s.language().code())
            .param("email", s.email())
            .param("qs", s.quietHours() == null ? null : s.quietHours().start())
            .param("qe", s.quietHours() == null ? null : s.quietHours().end())
            .param("id", contactId)
            .param("v", version)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    jdbc.sql("DELETE FROM messaging_opt_out WHERE contact_id = :id")
        .param("id", contactId)
        .update();
    for (MessageKind k : s.optedOut()) {
      jdbc.sql(
              "INSERT INTO messaging_opt_out (contact_id, kind, created_at) VALUES (:id, :k, :now)")
          .param("id", contactId)
          .param("k", k.name())
          .param("now", Timestamp.from(now))
          .update();
    }
  }

  /** A binding QR code's scene, valid until {@code expiresAt}. */
  public void insertBinding(String token, long residentId, Instant now, Instant expiresAt) {
    jdbc.sql(
            "INSERT INTO messaging_wechat_binding (token, resident_id, created_at, expires_at)"
                + " VALUES (:t, :r, :now, :exp)")
        .param("t", token)
        .param("r", residentId)
        .param("now", Timestamp.from(now))
        .param("exp", Timestamp.from(expiresAt))
        .update();
  }

  /** Whether a binding's state is still usable (unused, not expired) at {@code now}. */
  public boolean bindingUsable(String token, Instant now) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM messaging_wechat_binding"
                + " WHERE token = :t AND used_at IS NULL AND expires_at > :now)")
        .param("t", token)
        .param("now", Timestamp.from(now))
        .query(Boolean.class)
        .single();
  }

  /** Uses a binding scene once, while valid; the resident it was for. */
  public Optional<Long> useBinding(String token, String openid, Instant now) {
    return jdbc.sql(
            "UPDATE messaging_wechat_binding SET used_at = :now, openid = :o"
                + " WHERE token = :t AND used_at IS NULL AND expires_at > :now RETURNING resident_id")
        .param("now", Timestamp.from(now))
        .param("o", openid)
        .param("t", token)
        .query(Long.class)
        .optional();
  }

  /** Binds the WeChat account to the resident (and to nobody else: an account moves with it). */
  public void bindWechat(long residentId, String openid, Instant now) {
    long contact = ensureResident(residentId);
    jdbc.sql(
            "UPDATE messaging_contact SET wechat_openid = NULL, wechat_bound_at = NULL, version = version + 1"
                + " WHERE wechat_openid = :o AND id <> :id")
        .param("o", openid)
        .param("id", contact)
        .update();
    jdbc.sql(
            "UPDATE messaging_contact SET wechat_openid = :o, wechat_bound_at = :now, version = version + 1"
                + " WHERE id = :id")
        .param("o", openid)
        .param("now", Timestamp.from(now))
        .param("id", contact)
        .update();
  }

  /** The account unfollowed, or the resident unbound it: no more WeChat messages to it. */
  public int unbindOpenid(String openid) {
    return jdbc.sql(
            "UPDATE messaging_contact SET wechat_openid = NULL, wechat_bound_at = NULL, version = version + 1"
                + " WHERE wechat_openid = :o")
        .param("o", openid)
        .update();
  }

  /** Sets the language and e-mail of a person's contact (demo records). */
  public void setLanguageAndEmail(long residentId, Language language, String email) {
    long contact = ensureResident(residentId);
    jdbc.sql(
            "UPDATE messaging_contact SET language = :l, email = :e, version = version + 1 WHERE id = :id")
        .param("l", language.code())
        .param("e", email)
        .param("id", contact)
        .update();
  }
}
