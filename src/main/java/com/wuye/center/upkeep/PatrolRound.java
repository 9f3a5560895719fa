package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One round of a patrol route in its window (巡检轮次). Its life: scheduled (generated ahead, PT-2) →
 * in progress (the first checkpoint scanned) → completed (the last one scanned); or, when the
 * window closes first, incomplete (some missed) or missed (none visited) — PT-6; a scheduled round
 * may be cancelled with a reason. It decides every scan (PT-3): only inside the window, only a
 * checkpoint of its route, each checkpoint once. It registers {@link PatrolRoundClosed} when it
 * ends; the repository publishes it on save.
 */
public final class PatrolRound {

  public enum Status {
    SCHEDULED,
    IN_PROGRESS,
    COMPLETED,
    INCOMPLETE,
    MISSED,
    CANCELLED;

    public boolean open() {
      return this == SCHEDULED || this == IN_PROGRESS;
    }
  }

  /** A checkpoint the round must visit, in walking order. */
  public record Stop(long checkpointId, int position, String name) {}

  /** A checkpoint scanned in this round. */
  public record Visit(long checkpointId, Instant at, long staffId) {}

  private final Long id;
  private final long routeId;
  private final long communityId;
  private final PatrolTeam team;
  private final Long assigneeStaffId;
  private final Instant startsAt;
  private final Instant endsAt;
  private Status status;
  private Instant startedAt;
  private Long startedByStaffId;
  private Instant closedAt;
  private String cancelReason;
  private final List<Stop> stops;
  private final List<Visit> visits;
  private final int version;
  private final List<Object> events = new ArrayList<>();

  /** Everything a round holds, as stored. */
  public record State(
      Long id,
      long routeId,
      long communityId,
      PatrolTeam team,
      Long assigneeStaffId,
      Instant startsAt,
      Instant endsAt,
      Status status,
      Instant startedAt,
      Long startedByStaffId,
      Instant closedAt,
      String cancelReason,
      List<Stop> stops,
      List<Visit> visits,
      int version) {}

  private PatrolRound(State s) {
    if (s.stops().isEmpty()) {
      throw DomainException.rule("upkeep.error.routeEmpty");
    }
    if (!s.endsAt().isAfter(s.startsAt())) {
      throw new IllegalArgumentException("a round's window ends after it starts");
    }
    this.id = s.id();
    this.routeId = s.routeId();
    this.communityId = s.communityId();
    this.team = s.team();
    this.assigneeStaffId = s.assigneeStaffId();
    this.startsAt = s.startsAt();
    this.endsAt = s.endsAt();
    this.status = s.status();
    this.startedAt = s.startedAt();
    this.startedByStaffId = s.startedByStaffId();
    this.closedAt = s.closedAt();
    this.cancelReason = s.cancelReason();
    this.stops = s.stops().stream().sorted(Comparator.comparingInt(Stop::position)).toList();
    this.visits = new ArrayList<>(s.visits());
    this.version = s.version();
  }

  /** A round of a route in one window of its schedule, visiting the route's checkpoints. */
  public static PatrolRound schedule(
      long routeId,
      long communityId,
      PatrolTeam team,
      Long assigneeStaffId,
      PatrolSchedule.Window window,
      List<Stop> stops) {
    return new PatrolRound(
        new State(
            null,
            routeId,
            communityId,
            team,
            assigneeStaffId,
            window.start(),
            window.end(),
            Status.SCHEDULED,
            null,
            null,
            null,
            null,
            stops,
            List.of(),
            0));
  }

  public static PatrolRound restore(State s) {
    return new PatrolRound(s);
  }

  /**
   * PT-3: whether the checkpoint may be scanned now; returns its stop. Refused: a closed round, too
   * early, the window over, a checkpoint not on this route, a checkpoint already scanned.
   */
  public Stop checkScan(long checkpointId, String checkpointName, Instant at) {
    if (!status.open()) {
      throw DomainException.rule("upkeep.error.roundClosed");
    }
    if (at.isBefore(startsAt)) {
      throw DomainException.rule("upkeep.error.roundNotYet");
    }
    if (!at.isBefore(endsAt)) {
      throw DomainException.rule("upkeep.error.roundWindowOver");
    }
    Stop stop =
        stops.stream()
            .filter(s -> s.checkpointId() == checkpointId)
            .findFirst()
            .orElseThrow(
                () -> DomainException.ruleOn("code", "upkeep.error.notOnRoute", checkpointName));
    Optional<Visit> earlier = visitOf(checkpointId);
    if (earlier.isPresent()) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "upkeep.error.alreadyScanned", "code", checkpointName);
    }
    return stop;
  }

  /**
   * Records a scan of a checkpoint by a staff member (PT-3); the first one starts the round, the
   * last one completes it.
   */
  public Stop visit(long checkpointId, String checkpointName, long staffId, Instant at) {
    Stop stop = checkScan(checkpointId, checkpointName, at);
    visits.add(new Visit(checkpointId, at, staffId));
    if (status == Status.SCHEDULED) {
      status = Status.IN_PROGRESS;
      startedAt = at;
      startedByStaffId = staffId;
    }
    if (visits.size() == stops.size()) {
      close(Status.COMPLETED, at);
    }
    return stop;
  }

  /**
   * PT-6: the window has closed with checkpoints not visited — incomplete if some were visited,
   * missed if none.
   */
  public void closeAtWindowEnd(Instant at) {
    if (!status.open()) {
      throw DomainException.rule("upkeep.error.roundClosed");
    }
    if (at.isBefore(endsAt)) {
      throw DomainException.rule("upkeep.error.roundStillOpen");
    }
    close(visits.isEmpty() ? Status.MISSED : Status.INCOMPLETE, at);
  }

  /** Cancels a round not yet started (e.g. the route changed), with a reason. */
  public void cancel(String reason, Instant at) {
    if (status != Status.SCHEDULED) {
      throw DomainException.rule("upkeep.error.roundNotCancellable");
    }
    cancelReason = Text.required("reason", reason, 200);
    status = Status.CANCELLED;
    closedAt = at;
  }

  private void close(Status outcome, Instant at) {
    status = outcome;
    closedAt = at;
    events.add(
        new PatrolRoundClosed(
            id == null ? 0 : id,
            routeId,
            communityId,
            team,
            outcome,
            stops.size(),
            visits.size(),
            startsAt,
            endsAt,
            at));
  }

  /** The checkpoints not visited, in walking order. */
  public List<Stop> missed() {
    return stops.stream().filter(s -> visitOf(s.checkpointId()).isEmpty()).toList();
  }

  public Optional<Visit> visitOf(long checkpointId) {
    return visits.stream().filter(v -> v.checkpointId() == checkpointId).findFirst();
  }

  /** The events registered since loading (published when saved). */
  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  public Long id() {
    return id;
  }

  public long routeId() {
    return routeId;
  }

  public long communityId() {
    return communityId;
  }

  public PatrolTeam team() {
    return team;
  }

  public Long assigneeStaffId() {
    return assigneeStaffId;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public Status status() {
    return status;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Long startedByStaffId() {
    return startedByStaffId;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public List<Stop> stops() {
    return stops;
  }

  public List<Visit> visits() {
    return List.copyOf(visits);
  }

  public int version() {
    return version;
  }
}
