package com.wuye.center.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an area stores of an ID document it must recognise again but never show: a keyed fingerprint
 * (HMAC-SHA256 of "TYPE:NUMBER", so a leaked table cannot be reversed by trying every possible ID
 * number) next to the masked number. Each area keeps its own secret (a leak of one does not link
 * another's records): configured, or generated once and kept in the area's settings table, shared
 * by every app node. Never change a secret while its fingerprints are in use.
 */
public final class KeyedIdFingerprint {

  private static final Logger log = LoggerFactory.getLogger(KeyedIdFingerprint.class);

  private final Supplier<String> secret;
  private volatile SecretKeySpec key;

  private KeyedIdFingerprint(Supplier<String> secret) {
    this.secret = secret;
  }

  /**
   * The fingerprint of an area whose secret is the property {@code property} (environment {@code
   * env}) if set, else a random one kept under the name "id-secret" in {@code settingsTable} (a
   * constant of the area: name, value).
   */
  public static KeyedIdFingerprint of(
      JdbcClient jdbc, String configured, String property, String env, String settingsTable) {
    String given = configured == null ? "" : configured.trim();
    if (!given.isEmpty() && given.length() < 16) {
      throw new IllegalStateException(property + " must be at least 16 characters");
    }
    return new KeyedIdFingerprint(
        () -> given.isEmpty() ? stored(jdbc, property, env, settingsTable) : given);
  }

  /** Validates an ID as typed or scanned (spaces ignored); refusals name the caller's fields. */
  public static IdDocument parse(String typeField, String numberField, String type, String number) {
    try {
      return IdDocument.of(type, number == null ? null : number.replaceAll("\\s", ""));
    } catch (DomainException e) {
      String field = "idType".equals(e.field()) ? typeField : numberField;
      throw DomainException.invalid(field, e.messageKey(), e.args());
    }
  }

  /** The document's fingerprint, in hex. */
  public String of(IdDocument doc) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] h =
          mac.doFinal((doc.type().name() + ":" + doc.number()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Takes the secret now (at start, outside any caller's transaction). */
  public void load() {
    key();
  }

  private SecretKeySpec key() {
    SecretKeySpec k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(secret.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }
        k = key;
      }
    }
    return k;
  }

  private static String stored(JdbcClient jdbc, String property, String env, String table) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    jdbc.sql(
            "INSERT INTO "
                + table
                + " (name, value) VALUES ('id-secret', :v)"
                + " ON CONFLICT (name) DO NOTHING")
        .param("v", Base64.getEncoder().encodeToString(random))
        .update();
    log.warn(
        "{} is not set: ID numbers are fingerprinted with a secret kept in the database ({})."
            + " Set {} in production.",
        property,
        table,
        env);
    return jdbc.sql("SELECT value FROM " + table + " WHERE name = 'id-secret'")
        .query(String.class)
        .single();
  }
}
