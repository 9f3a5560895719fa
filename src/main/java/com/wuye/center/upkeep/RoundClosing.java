package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.upkeep.internal.RoundRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PT-6: closes the rounds whose window has closed — incomplete or missed when checkpoints were not
 * visited, each raising its alert ({@link PatrolAlerts}). Safe on several nodes at once: rounds are
 * taken with {@code FOR UPDATE SKIP LOCKED}, saved at the version read, and an alert is once per
 * round. The scheduled job calls {@link #closeEnded()}; so do tests, with a fixed clock.
 */
@Service
public class RoundClosing {

  private static final int BATCH = 100;

  private final RoundRepository rounds;
  private final PatrolAlerts alerts;
  private final AuditTrail audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  RoundClosing(
      RoundRepository rounds,
      PatrolAlerts alerts,
      AuditTrail audit,
      TransactionTemplate tx,
      Clock clock) {
    this.rounds = rounds;
    this.alerts = alerts;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** Closes every round whose window has closed; returns how many. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int closeEnded() {
    return closeEnded(clock.instant());
  }

  /** Closes the rounds whose window closed by {@code now} (batches join a caller's transaction). */
  int closeEnded(Instant now) {
    int closed = 0;
    while (true) {
      Integer n = tx.execute(s -> batch(now));
      closed += n == null ? 0 : n;
      if (n == null || n < BATCH) {
        return closed;
      }
    }
  }

  private int batch(Instant now) {
    List<Long> ids = rounds.lockEnded(now, BATCH);
    for (long id : ids) {
      PatrolRound round = rounds.require(id);
      String before = round.status().name();
      round.closeAtWindowEnd(now);
      rounds.save(round);
      audit.record(
          PatrolWalk.AUDIT,
          id,
          "CLOSED",
          Map.of("status", before),
          Map.of(
              "status",
              round.status().name(),
              "visited",
              round.visits().size(),
              "planned",
              round.stops().size()));
      alerts.open(round, now);
    }
    return ids.size();
  }
}
