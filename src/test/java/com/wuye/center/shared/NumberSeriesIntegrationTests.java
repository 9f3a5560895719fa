package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NumberSeriesIntegrationTests {

  @Autowired NumberSeries numbers;
  @Autowired TransactionTemplate tx;

  @Test
  void aGapFreeNumberIsGivenAgainWhenTheCallerRollsBack() {
    String series = "T-" + UUID.randomUUID();
    assertThat((long) tx.execute(s -> numbers.next(series))).isEqualTo(1L);
    tx.executeWithoutResult(
        s -> {
          assertThat(numbers.next(series)).isEqualTo(2);
          s.setRollbackOnly();
        });
    assertThat((long) tx.execute(s -> numbers.next(series))).isEqualTo(2L);
  }

  @Test
  void aUniqueNumberIsNeverGivenTwiceEvenAfterARollbackOrUnderConcurrency() throws Exception {
    String series = "U-" + UUID.randomUUID();
    tx.executeWithoutResult(
        s -> {
          assertThat(numbers.nextUnique(series)).isEqualTo(1);
          s.setRollbackOnly();
        });
    assertThat((long) tx.execute(s -> numbers.nextUnique(series))).isEqualTo(2L);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        all.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < 10; k++) {
                    seen.add(tx.execute(s -> numbers.nextUnique(series)));
                  }
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(seen).hasSize(80).allMatch(n -> n >= 3 && n <= 82);
  }
}
