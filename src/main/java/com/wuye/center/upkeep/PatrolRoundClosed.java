package com.wuye.center.upkeep;

import java.time.Instant;

/**
 * A patrol round ended: walked completely, or its window closed with checkpoints missed (PT-6). A
 * fact for reports (patrol completion per community, PT-7); registered by {@link PatrolRound}.
 *
 * @param outcome COMPLETED, INCOMPLETE (some checkpoints missed) or MISSED (none visited)
 */
public record PatrolRoundClosed(
    long roundId,
    long routeId,
    long communityId,
    PatrolTeam team,
    PatrolRound.Status outcome,
    int plannedCheckpoints,
    int visitedCheckpoints,
    Instant windowStart,
    Instant windowEnd,
    Instant closedAt) {

  public int missedCheckpoints() {
    return plannedCheckpoints - visitedCheckpoints;
  }

  public boolean completed() {
    return outcome == PatrolRound.Status.COMPLETED;
  }
}
