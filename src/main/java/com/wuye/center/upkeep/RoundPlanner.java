package com.wuye.center.upkeep;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.upkeep.internal.PatrolRepository;
import com.wuye.center.upkeep.internal.RoundRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PT-2: generates each walkable route's rounds ahead from its schedule ({@code
 * wuye.upkeep.plan-ahead}, default 48 hours), with the route's checkpoints as they are at that
 * moment. Safe on several nodes at once: a route has one round per start (a unique constraint), so
 * a second node's insert is a no-op. The scheduled job calls {@link #planAhead()}; so do tests.
 */
@Service
public class RoundPlanner {

  private final PatrolRepository routes;
  private final RoundRepository rounds;
  private final Clock clock;
  private final Duration ahead;

  RoundPlanner(
      PatrolRepository routes,
      RoundRepository rounds,
      Clock clock,
      @Value("${wuye.upkeep.plan-ahead:48h}") Duration ahead) {
    this.routes = routes;
    this.rounds = rounds;
    this.clock = clock;
    this.ahead = ahead;
  }

  /** Generates the rounds of every walkable route; returns how many are new. */
  @Transactional
  public int planAhead() {
    int created = 0;
    for (PatrolRoute r : routes.activeRoutes()) {
      created += plan(r, clock.instant());
    }
    return created;
  }

  /** Generates one route's rounds (after it changed); returns how many are new. */
  int plan(PatrolRoute route, Instant now) {
    if (!route.walkable()) {
      return 0;
    }
    List<PatrolRound.Stop> stops = new ArrayList<>();
    List<Long> ids = route.checkpointIds();
    for (int i = 0; i < ids.size(); i++) {
      stops.add(new PatrolRound.Stop(ids.get(i), i + 1, null));
    }
    int created = 0;
    for (PatrolSchedule.Window w :
        route.schedule().windows(now, now.plus(ahead), ClockConfiguration.ZONE)) {
      PatrolRound round =
          PatrolRound.schedule(
              route.id(), route.communityId(), route.team(), route.assigneeStaffId(), w, stops);
      if (rounds.insertIfAbsent(round).isPresent()) {
        created++;
      }
    }
    return created;
  }
}
