package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.RoundRepository;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor cancels a round not yet begun, with a reason (a typhoon night, an area closed for
 * works); it counts neither as done nor as missed (PT-7).
 */
@Service
@Transactional
public class RoundCancelling {

  private final RoundRepository rounds;
  private final AuditTrail audit;
  private final Clock clock;

  RoundCancelling(RoundRepository rounds, AuditTrail audit, Clock clock) {
    this.rounds = rounds;
    this.audit = audit;
    this.clock = clock;
  }

  public void cancel(CurrentUser user, long roundId, int version, String reason) {
    PatrolRound round = rounds.lock(roundId);
    UpkeepAccess.plan(user, round.communityId());
    if (round.version() != version) {
      throw DomainException.staleVersion();
    }
    round.cancel(reason, clock.instant());
    rounds.save(round);
    audit.record(
        PatrolWalk.AUDIT,
        roundId,
        "CANCELLED",
        Map.of("status", "SCHEDULED"),
        Map.of("status", round.status().name(), "reason", round.cancelReason()));
  }
}
