package com.wuye.center.upkeep;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.upkeep.internal.AlertRepository;
import com.wuye.center.upkeep.internal.PatrolRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PT-6: a round closed with checkpoints missed raises one alert: the community's supervisors are
 * told at once which checkpoints of which round were missed, and the alert runs a deadline clock
 * ({@code wuye.upkeep.alert-follow-up}, default 2 hours) until a supervisor records the follow-up
 * (the cause, what was done). Not followed up in time, it escalates like every other deadline: the
 * supervisors at breach, the managers 4 hours later.
 */
@Service
@Transactional
public class PatrolAlerts {

  static final String AUDIT = "upkeep_alert";
  static final String PURPOSE = "follow-up";
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ClockConfiguration.ZONE);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ClockConfiguration.ZONE);

  private final AlertRepository repository;
  private final PatrolRepository routes;
  private final Notifications notifications;
  private final DeadlineClocks clocks;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration followUp;

  PatrolAlerts(
      AlertRepository repository,
      PatrolRepository routes,
      Notifications notifications,
      DeadlineClocks clocks,
      AuditTrail audit,
      Clock clock,
      @Value("${wuye.upkeep.alert-follow-up:2h}") Duration followUp) {
    this.repository = repository;
    this.routes = routes;
    this.notifications = notifications;
    this.clocks = clocks;
    this.audit = audit;
    this.clock = clock;
    this.followUp = followUp;
  }

  /** Opens the alert of a round closed with checkpoints missed (once per round). */
  void open(PatrolRound round, Instant now) {
    var missed = round.missed();
    PatrolAlert alert = PatrolAlert.open(round.id(), round.communityId(), missed.size(), now);
    repository
        .insertIfAbsent(alert)
        .ifPresent(
            id -> {
              String route = routes.requireRoute(round.routeId()).name();
              String window = DAY_TIME.format(round.startsAt()) + "–" + TIME.format(round.endsAt());
              String names =
                  missed.stream().map(PatrolRound.Stop::name).collect(Collectors.joining("、"));
              String link = link(id);
              notifications.notifyRole(
                  round.communityId(),
                  Role.SUPERVISOR,
                  Notifications.Message.of(
                          "upkeep.notify.missed", link, route, window, missed.size(), names)
                      .from(AUDIT, id));
              clocks.start(
                  new DeadlineClocks.Start(
                      AUDIT,
                      String.valueOf(id),
                      PURPOSE,
                      "巡检漏检 " + route + " " + window,
                      link,
                      round.communityId(),
                      null,
                      now,
                      followUp));
              audit.record(
                  AUDIT,
                  id,
                  "OPENED",
                  null,
                  Map.of("round", round.id(), "missed", names, "outcome", round.status().name()));
            });
  }

  /** A supervisor's follow-up of an alert: why the checkpoints were missed, what was done. */
  public void resolve(CurrentUser user, long alertId, int version, String cause, String action) {
    resolve(user, alertId, version, cause, action, clock.instant());
  }

  void resolve(
      CurrentUser user, long alertId, int version, String cause, String action, Instant at) {
    PatrolAlert a = repository.require(alertId);
    UpkeepAccess.plan(user, a.communityId());
    if (a.version() != version) {
      throw DomainException.staleVersion();
    }
    a.resolve(cause, action, user.staffId(), at);
    repository.save(a);
    clocks.find(AUDIT, String.valueOf(alertId), PURPOSE).ifPresent(c -> clocks.stop(c.id()));
    audit.record(
        AUDIT,
        alertId,
        "RESOLVED",
        Map.of("status", "OPEN"),
        Map.of("status", a.status().name(), "cause", a.cause()));
  }

  static String link(long alertId) {
    return "/staff/upkeep/alerts/" + alertId;
  }
}
