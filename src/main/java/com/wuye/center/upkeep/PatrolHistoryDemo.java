package com.wuye.center.upkeep;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.upkeep.internal.PatrolRepository;
import com.wuye.center.upkeep.internal.RoundRepository;
import com.wuye.center.upkeep.internal.UpkeepReads;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo company's rounds of the last three days, walked at their times: most complete; the first
 * night round missed entirely (its alert still open, escalating), one night round with the last
 * checkpoint missed (followed up by the supervisor), and the latest plant-room round with the
 * transformer too hot, which opened a repair order.
 */
@Component
class PatrolHistoryDemo {

  private static final int DAYS = 3;

  private final RoundPlanner planner;
  private final PatrolWalk walk;
  private final RoundClosing closing;
  private final PatrolAlerts alerts;
  private final PatrolRepository patrol;
  private final RoundRepository rounds;
  private final UpkeepReads reads;
  private final StaffDirectory staff;
  private final Clock clock;

  PatrolHistoryDemo(
      RoundPlanner planner,
      PatrolWalk walk,
      RoundClosing closing,
      PatrolAlerts alerts,
      PatrolRepository patrol,
      RoundRepository rounds,
      UpkeepReads reads,
      StaffDirectory staff,
      Clock clock) {
    this.planner = planner;
    this.walk = walk;
    this.closing = closing;
    this.alerts = alerts;
    this.patrol = patrol;
    this.rounds = rounds;
    this.reads = reads;
    this.staff = staff;
    this.clock = clock;
  }

  @EventListener
  @Order(20)
  void on(DemoDataLoaded e) {
    long c = e.communityId();
    Instant now = clock.instant();
    for (PatrolRoute r : patrol.routesOf(c)) {
      for (int k = DAYS; k >= 1; k--) {
        planner.plan(r, now.minus(Duration.ofDays(k)));
      }
    }
    List<UpkeepReads.RoundRow> past =
        reads.rounds(c, now.minus(Duration.ofDays(DAYS + 1)), now).stream()
            .filter(r -> !r.endsAt().isAfter(now) && r.status() == PatrolRound.Status.SCHEDULED)
            .toList();
    List<UpkeepReads.RoundRow> night =
        past.stream().filter(r -> r.team() == PatrolTeam.SECURITY).toList();
    List<UpkeepReads.RoundRow> plant =
        past.stream().filter(r -> r.team() == PatrolTeam.ENGINEERING).toList();
    Long missed = night.isEmpty() ? null : night.get(0).id();
    Long incomplete = night.size() < 3 ? null : night.get(2).id();
    Long hot = plant.isEmpty() ? null : plant.get(plant.size() - 1).id();
    var guards =
        List.of(
            UpkeepDemoData.as(staff, c, Role.SECURITY, "孙勇"),
            UpkeepDemoData.as(staff, c, Role.SECURITY, "钱磊"));
    var engineer = UpkeepDemoData.as(staff, c, Role.TECHNICIAN, "张建国");
    TreeSet<Instant> ends = new TreeSet<>();
    int n = 0;
    for (UpkeepReads.RoundRow r : past) {
      ends.add(r.endsAt());
      if (r.id() == (missed == null ? -1 : missed)) {
        continue;
      }
      var who = r.team() == PatrolTeam.SECURITY ? guards.get(n++ % 2) : engineer;
      List<PatrolRound.Stop> stops = rounds.require(r.id()).stops();
      int walked =
          r.id() == (incomplete == null ? -1 : incomplete) ? stops.size() - 1 : stops.size();
      for (int i = 0; i < walked; i++) {
        Checkpoint cp = patrol.requireCheckpoint(stops.get(i).checkpointId());
        Instant at = r.startsAt().plus(Duration.ofMinutes(10 + 9L * i));
        walk.visit(
            who,
            r.id(),
            new PatrolWalk.Visit(
                cp.code().value(),
                PatrolWalk.Method.CAMERA,
                readings(cp, r.id(), r.id() == (hot == null ? -1 : hot)),
                null),
            List.of(),
            at);
      }
    }
    for (Instant end : ends) {
      closing.closeEnded(end);
    }
    if (incomplete != null) {
      UpkeepReads.RoundRow r = reads.round(incomplete).orElseThrow();
      alerts.resolve(
          UpkeepDemoData.as(staff, c, Role.SUPERVISOR, "陈主管"),
          r.alertId(),
          0,
          "地下车库入口积水，保安绕行后未返回扫码",
          "已提醒当班保安；积水已报修排水",
          r.endsAt().plus(Duration.ofMinutes(45)));
    }
  }

  /** Readings within their range (varying a little by round), or the transformer too hot. */
  private static List<PatrolWalk.Reading> readings(Checkpoint cp, long round, boolean hot) {
    List<PatrolWalk.Reading> out = new ArrayList<>();
    for (ReadingSpec s : cp.specs()) {
      BigDecimal v;
      if (hot && s.kind() == ReadingKind.TEMPERATURE && s.min() == null) {
        v = new BigDecimal("92");
      } else if (s.min() != null && s.max() != null) {
        BigDecimal share = BigDecimal.valueOf(35 + (round * 7) % 30, 2);
        v = s.min().add(s.max().subtract(s.min()).multiply(share));
      } else if (s.min() != null) {
        v = s.min().multiply(new BigDecimal("1.4"));
      } else {
        v = s.max().multiply(new BigDecimal("0.7"));
      }
      out.add(new PatrolWalk.Reading(s.id(), v.setScale(2, RoundingMode.HALF_UP).toPlainString()));
    }
    return out;
  }
}
