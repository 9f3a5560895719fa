package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.internal.CustodyRepository;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two clerks hand out the same key at the same moment: the database lets exactly one through. */
@IntegrationTest
class KeyPickupConcurrencyIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;
  @Autowired CustodyRepository repository;

  @Test
  @DisplayName("CS-K5 the key row itself refuses a second hand-out from a stale read")
  void theDatabaseRefusesAStaleHandOut() {
    KeyCustodyFixture fx = new KeyCustodyFixture(port, estate, jdbc);
    long id = fx.deposit(fx.depositBody("1-1-101", 1, List.of()));
    fx.store(id, fx.cabinet(1).get(0));
    long keyId = fx.keyIds(id).get(0);
    // two clerks read the stored key at the same moment, both see it in the cabinet
    CustodyKey first = repository.key(keyId).orElseThrow();
    CustodyKey second = repository.key(keyId).orElseThrow();
    first.handOut();
    second.handOut();
    assertThat(repository.save(first)).isTrue();
    assertThat(repository.save(second)).isFalse();
    assertThat(repository.key(keyId).orElseThrow().state()).isEqualTo(CustodyKey.State.COLLECTED);
  }

  @Test
  @DisplayName("CS-K5 two pickups of the same key at the same moment: exactly one succeeds")
  void exactlyOneOfTwoConcurrentPickupsSucceeds() throws Exception {
    KeyCustodyFixture fx = new KeyCustodyFixture(port, estate, jdbc);
    Api kefu2 = Api.login(port, "kefu2");
    List<Long> slots = fx.cabinet(6);
    String familyId = KeyCustodyFixture.newId();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // several rounds: the last key of an entrustment (it closes) and one of two keys (it stays
      // open)
      for (int round = 0; round < 6; round++) {
        int keys = round % 2 == 0 ? 1 : 2;
        long id =
            fx.deposit(
                fx.depositBody(
                    "1-1-101", keys, List.of(KeyCustodyFixture.person("周家人", familyId))));
        fx.store(id, slots.get(round));
        long key = fx.keyIds(id).get(0);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (Api clerk : List.of(fx.kefu, kefu2)) {
          calls.add(
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return clerk.post(
                        "/api/v1/keycustody/entrustments/" + id + "/pickups",
                        KeyCustodyFixture.pickup(familyId, List.of(key)));
                  }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> f : calls) {
          Api.Response r = f.get(30, TimeUnit.SECONDS);
          statuses.add(r.status());
          if (r.status() != 201) {
            assertThat(r.json().get("detail").asString()).contains("已").contains("交付");
          }
        }
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
        assertThat(
                jdbc.sql(
                        "SELECT count(*) FROM keycustody_movement WHERE key_id = :k AND type = 'COLLECTED'")
                    .param("k", key)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
        assertThat(
                jdbc.sql("SELECT count(*) FROM keycustody_pickup WHERE entrustment_id = :e")
                    .param("e", id)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
