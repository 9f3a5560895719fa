package com.wuye.center.renovation.internal;

import com.wuye.center.renovation.WorkerId;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * RN-9, workers' ID numbers as renovation keeps them: a keyed fingerprint (HMAC-SHA256 of
 * "TYPE:NUMBER", so a leaked table cannot be reversed by trying every resident ID number) and the
 * masked number — as key custody keeps its collectors'. The secret comes from {@code
 * wuye.renovation.id-secret} (env {@code WUYE_RENOVATION_ID_SECRET}); without one, a random secret
 * is generated once and kept in the database, shared by every app node. Never change it while
 * permits are in use: registered workers would no longer match at the gate.
 */
@Component
public class WorkerIds {

  private static final Logger log = LoggerFactory.getLogger(WorkerIds.class);
  private static final String SETTING = "id-secret";

  private final JdbcClient jdbc;
  private final String configured;
  private volatile SecretKeySpec key;

  WorkerIds(JdbcClient jdbc, @Value("${wuye.renovation.id-secret:}") String configured) {
    this.jdbc = jdbc;
    this.configured = configured == null ? "" : configured.trim();
    if (!this.configured.isEmpty() && this.configured.length() < 16) {
      throw new IllegalStateException("wuye.renovation.id-secret must be at least 16 characters");
    }
  }

  /** Takes the secret at start (before the demo data), outside any caller's transaction. */
  @EventListener(ContextRefreshedEvent.class)
  void ready() {
    key();
  }

  /** Validates an ID as typed (spaces ignored) and fingerprints it; refusals name the fields. */
  public WorkerId parse(String typeField, String numberField, String type, String number) {
    IdDocument doc;
    try {
      doc = IdDocument.of(type, number == null ? null : number.replaceAll("\\s", ""));
    } catch (DomainException e) {
      String field = "idType".equals(e.field()) ? typeField : numberField;
      throw DomainException.invalid(field, e.messageKey(), e.args());
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] h =
          mac.doFinal((doc.type().name() + ":" + doc.number()).getBytes(StandardCharsets.UTF_8));
      return new WorkerId(doc.type(), HexFormat.of().formatHex(h), doc.masked());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = new SecretKeySpec(secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }
        k = key;
      }
    }
    return k;
  }

  private String secret() {
    if (!configured.isEmpty()) {
      return configured;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    jdbc.sql(
            "INSERT INTO renovation_setting (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING")
        .param("n", SETTING)
        .param("v", Base64.getEncoder().encodeToString(random))
        .update();
    log.warn(
        "wuye.renovation.id-secret is not set: workers' ID numbers are fingerprinted with a secret"
            + " kept in the database. Set WUYE_RENOVATION_ID_SECRET in production.");
    return jdbc.sql("SELECT value FROM renovation_setting WHERE name = :n")
        .param("n", SETTING)
        .query(String.class)
        .single();
  }
}
