package com.wuye.center.renovation.internal;

import com.wuye.center.renovation.WorkerId;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.KeyedIdFingerprint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * RN-9, workers' ID numbers as renovation keeps them: a keyed fingerprint and the masked number, as
 * key custody keeps its collectors' but with renovation's own secret ({@code
 * wuye.renovation.id-secret}, env {@code WUYE_RENOVATION_ID_SECRET}; else generated once and kept
 * in {@code renovation_setting}). Never change it while permits are in use: registered workers
 * would no longer match at the gate.
 */
@Component
public class WorkerIds {

  private final KeyedIdFingerprint fingerprint;

  WorkerIds(JdbcClient jdbc, @Value("${wuye.renovation.id-secret:}") String configured) {
    this.fingerprint =
        KeyedIdFingerprint.of(
            jdbc,
            configured,
            "wuye.renovation.id-secret",
            "WUYE_RENOVATION_ID_SECRET",
            "renovation_setting");
  }

  /** Takes the secret at start (before the demo data), outside any caller's transaction. */
  @EventListener(ContextRefreshedEvent.class)
  void ready() {
    fingerprint.load();
  }

  /** Validates an ID as typed (spaces ignored) and fingerprints it; refusals name the fields. */
  public WorkerId parse(String typeField, String numberField, String type, String number) {
    IdDocument doc = KeyedIdFingerprint.parse(typeField, numberField, type, number);
    return new WorkerId(doc.type(), fingerprint.of(doc), doc.masked());
  }
}
