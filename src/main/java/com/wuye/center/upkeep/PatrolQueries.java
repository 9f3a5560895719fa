package com.wuye.center.upkeep;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import com.wuye.center.upkeep.internal.PatrolRepository;
import com.wuye.center.upkeep.internal.RoundRepository;
import com.wuye.center.upkeep.internal.UpkeepReads;
import com.wuye.center.upkeep.internal.UpkeepReads.ReadingRow;
import com.wuye.center.upkeep.internal.UpkeepReads.RoundRow;
import com.wuye.center.upkeep.internal.UpkeepReads.StopRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of patrols for pages and the API: routes, checkpoints, rounds with their visits, alerts.
 */
@Service
@Transactional(readOnly = true)
public class PatrolQueries {

  private final PatrolRepository patrol;
  private final RoundRepository rounds;
  private final UpkeepReads reads;
  private final StaffDirectory staff;
  private final DeadlineClocks clocks;
  private final Clock clock;

  PatrolQueries(
      PatrolRepository patrol,
      RoundRepository rounds,
      UpkeepReads reads,
      StaffDirectory staff,
      DeadlineClocks clocks,
      Clock clock) {
    this.patrol = patrol;
    this.rounds = rounds;
    this.reads = reads;
    this.staff = staff;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** A route with its named walker's name. */
  public record RouteRow(PatrolRoute route, String assigneeName, int checkpoints) {}

  /** A route with its checkpoints in order, the ones that may be added, and its next rounds. */
  public record RouteView(
      PatrolRoute route,
      String assigneeName,
      List<Checkpoint> checkpoints,
      List<Checkpoint> addable,
      List<RoundRow> upcoming,
      List<StaffMember> walkers) {}

  /** A checkpoint visit as the round page shows it. */
  public record StopView(StopRow stop, List<ReadingRow> readings, List<Long> photoIds) {

    public boolean visited() {
      return stop.visitId() != null;
    }

    public boolean outOfRange() {
      return readings.stream().anyMatch(r -> !r.inRange());
    }
  }

  /** A round with its checkpoints in walking order. */
  public record RoundView(RoundRow round, List<StopView> stops, boolean walkable, Instant now) {

    public Optional<StopView> next() {
      return stops.stream().filter(s -> !s.visited()).findFirst();
    }
  }

  /** An alert with its round's missed checkpoints and its follow-up clock. */
  public record AlertView(UpkeepReads.AlertRow alert, List<StopRow> missed, ClockView clock) {}

  public List<RouteRow> routes(CurrentUser user, long communityId) {
    UpkeepAccess.read(user, communityId);
    return patrol.routesOf(communityId).stream()
        .map(r -> new RouteRow(r, name(r.assigneeStaffId()), r.checkpointIds().size()))
        .toList();
  }

  public RouteView route(CurrentUser user, long routeId) {
    PatrolRoute r = patrol.requireRoute(routeId);
    UpkeepAccess.read(user, r.communityId());
    List<Checkpoint> on = patrol.checkpointsById(r.checkpointIds());
    Map<Long, Checkpoint> byId =
        on.stream().collect(java.util.stream.Collectors.toMap(Checkpoint::id, c -> c));
    List<Checkpoint> ordered = r.checkpointIds().stream().map(byId::get).toList();
    List<Checkpoint> addable =
        patrol.checkpointsOf(r.communityId()).stream()
            .filter(c -> !r.checkpointIds().contains(c.id()))
            .toList();
    return new RouteView(
        r,
        name(r.assigneeStaffId()),
        ordered,
        addable,
        reads.roundsOfRoute(routeId, clock.instant(), 8),
        walkers(r.communityId()));
  }

  /** The guards and engineers of a community a route may name as its walker. */
  public List<StaffMember> walkers(CurrentUser user, long communityId) {
    UpkeepAccess.read(user, communityId);
    return walkers(communityId);
  }

  private List<StaffMember> walkers(long communityId) {
    return List.of(Role.SECURITY, Role.TECHNICIAN).stream()
        .flatMap(role -> staff.withRole(communityId, role).stream())
        .distinct()
        .toList();
  }

  /** A visit's photo, for staff of its community. */
  public RoundRepository.Photo photo(CurrentUser user, long photoId) {
    RoundRepository.Photo p =
        rounds
            .photo(photoId)
            .orElseThrow(() -> DomainException.notFound("upkeep.error.photoNotFound"));
    UpkeepAccess.read(user, p.communityId());
    return p;
  }

  public List<Checkpoint> checkpoints(CurrentUser user, long communityId) {
    UpkeepAccess.read(user, communityId);
    return patrol.checkpointsOf(communityId);
  }

  public Checkpoint checkpoint(CurrentUser user, long checkpointId) {
    Checkpoint c = patrol.requireCheckpoint(checkpointId);
    UpkeepAccess.read(user, c.communityId());
    return c;
  }

  /** The community's rounds of a day (local). */
  public List<RoundRow> rounds(CurrentUser user, long communityId, LocalDate day) {
    UpkeepAccess.read(user, communityId);
    return reads.rounds(communityId, Days.start(day), Days.start(day.plusDays(1)));
  }

  /** The rounds of a day the user walks: named for them, or for their team. */
  public List<RoundRow> roundsFor(CurrentUser user, LocalDate day) {
    user.require(UpkeepAccess.READERS.toArray(Role[]::new));
    return reads.roundsFor(
        user.staffId(),
        teams(user),
        user.communityIds(),
        Days.start(day),
        Days.start(day.plusDays(1)));
  }

  public RoundView round(CurrentUser user, long roundId) {
    RoundRow r =
        reads
            .round(roundId)
            .orElseThrow(() -> DomainException.notFound("upkeep.error.roundNotFound"));
    UpkeepAccess.read(user, r.communityId());
    Map<Long, List<ReadingRow>> readings = reads.readings(roundId);
    Map<Long, List<Long>> photos = reads.photos(roundId);
    List<StopView> stops =
        reads.stops(roundId).stream()
            .map(
                s ->
                    new StopView(
                        s,
                        s.visitId() == null
                            ? List.of()
                            : readings.getOrDefault(s.visitId(), List.of()),
                        s.visitId() == null
                            ? List.of()
                            : photos.getOrDefault(s.visitId(), List.of())))
            .toList();
    Instant now = clock.instant();
    boolean walkable =
        r.open()
            && !now.isBefore(r.startsAt())
            && now.isBefore(r.endsAt())
            && (user.hasAny(r.team().role(), Role.SUPERVISOR)
                || java.util.Objects.equals(r.assigneeStaffId(), user.staffId()));
    return new RoundView(r, stops, walkable, now);
  }

  public List<UpkeepReads.AlertRow> alerts(CurrentUser user, long communityId, boolean openOnly) {
    UpkeepAccess.read(user, communityId);
    return reads.alerts(communityId, openOnly, 200);
  }

  public AlertView alert(CurrentUser user, long alertId) {
    UpkeepReads.AlertRow a =
        reads
            .alert(alertId)
            .orElseThrow(() -> DomainException.notFound("upkeep.error.alertNotFound"));
    UpkeepAccess.read(user, a.communityId());
    List<StopRow> missed =
        reads.stops(a.roundId()).stream().filter(s -> s.visitId() == null).toList();
    ClockView c =
        clocks.find(PatrolAlerts.AUDIT, String.valueOf(alertId), PatrolAlerts.PURPOSE).orElse(null);
    return new AlertView(a, missed, c);
  }

  static Set<PatrolTeam> teams(CurrentUser user) {
    Set<PatrolTeam> teams = EnumSet.noneOf(PatrolTeam.class);
    for (PatrolTeam t : PatrolTeam.values()) {
      if (user.has(t.role())) {
        teams.add(t);
      }
    }
    return teams;
  }

  private String name(Long staffId) {
    return staffId == null ? null : staff.find(staffId).map(StaffMember::name).orElse(null);
  }
}
