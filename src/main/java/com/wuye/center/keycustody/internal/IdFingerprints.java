package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.IdFingerprint;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.KeyedIdFingerprint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns an ID document into what key custody stores: a keyed fingerprint and the masked number,
 * with key custody's own secret ({@code wuye.keycustody.id-secret}, env {@code
 * WUYE_KEYCUSTODY_ID_SECRET}; else generated once and kept in {@code keycustody_setting}).
 */
@Component
public class IdFingerprints {

  private final KeyedIdFingerprint fingerprint;

  IdFingerprints(JdbcClient jdbc, @Value("${wuye.keycustody.id-secret:}") String configured) {
    this.fingerprint =
        KeyedIdFingerprint.of(
            jdbc,
            configured,
            "wuye.keycustody.id-secret",
            "WUYE_KEYCUSTODY_ID_SECRET",
            "keycustody_setting");
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    fingerprint.load();
  }

  /** Validates an ID typed or scanned by staff (spaces ignored) and fingerprints it. */
  public IdFingerprint parse(String typeField, String numberField, String type, String number) {
    return of(KeyedIdFingerprint.parse(typeField, numberField, type, number));
  }

  public IdFingerprint of(IdDocument doc) {
    return new IdFingerprint(doc.type(), fingerprint.of(doc), doc.masked());
  }
}
