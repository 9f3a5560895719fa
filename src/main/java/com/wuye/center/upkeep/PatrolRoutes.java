package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.upkeep.internal.PatrolRepository;
import com.wuye.center.upkeep.internal.RoundRepository;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrol routes (巡检路线), set up by supervisors: the checkpoints in walking order (PT-1), the
 * schedule (PT-2), the team and optionally a named walker. After a change, the rounds not yet begun
 * are generated again as the route is now; rounds begun keep what they started with.
 */
@Service
@Transactional
public class PatrolRoutes {

  static final String AUDIT = "upkeep_route";

  private final PatrolRepository repository;
  private final RoundRepository rounds;
  private final RoundPlanner planner;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Clock clock;

  PatrolRoutes(
      PatrolRepository repository,
      RoundRepository rounds,
      RoundPlanner planner,
      StaffDirectory staff,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.rounds = rounds;
    this.planner = planner;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** A route as typed: name, team, named walker (optional) and schedule. */
  public record Entry(
      String name,
      PatrolTeam team,
      Long assigneeStaffId,
      Set<DayOfWeek> days,
      LocalTime windowStart,
      LocalTime windowEnd,
      Integer everyMinutes) {

    PatrolSchedule schedule() {
      return new PatrolSchedule(
          days, windowStart, windowEnd, everyMinutes == null ? 0 : everyMinutes);
    }
  }

  /** Sets up a route (without checkpoints yet); returns its id. */
  public long create(CurrentUser user, long communityId, Entry entry) {
    UpkeepAccess.plan(user, communityId);
    PatrolRoute r =
        PatrolRoute.create(
            communityId,
            entry.name(),
            entry.team(),
            walker(communityId, entry.team(), entry.assigneeStaffId()),
            entry.schedule());
    long id;
    try {
      id = repository.insert(r, clock.instant());
    } catch (DuplicateKeyException e) {
      throw DomainException.invalid("name", "upkeep.error.nameTaken", r.name());
    }
    audit.record(AUDIT, id, "CREATED", null, snapshot(r));
    return id;
  }

  public void revise(CurrentUser user, long id, int version, Entry entry) {
    change(
        user,
        id,
        version,
        "REVISED",
        r ->
            r.revise(
                entry.name(),
                entry.team(),
                walker(r.communityId(), entry.team(), entry.assigneeStaffId()),
                entry.schedule()));
  }

  /** Adds a checkpoint of the route's community at the end of the walking order. */
  public void addCheckpoint(CurrentUser user, long id, int version, Long checkpointId) {
    change(
        user,
        id,
        version,
        "CHECKPOINT_ADDED",
        r -> {
          if (checkpointId == null
              || repository
                  .checkpoint(checkpointId)
                  .filter(c -> c.communityId() == r.communityId())
                  .isEmpty()) {
            throw DomainException.invalid("checkpointId", "upkeep.error.checkpointNotFound");
          }
          r.add(checkpointId);
        });
  }

  /** Moves a checkpoint one place earlier (delta -1) or later (+1). */
  public void moveCheckpoint(CurrentUser user, long id, int version, long checkpointId, int delta) {
    change(user, id, version, "CHECKPOINT_MOVED", r -> r.move(checkpointId, delta));
  }

  public void removeCheckpoint(CurrentUser user, long id, int version, long checkpointId) {
    change(user, id, version, "CHECKPOINT_REMOVED", r -> r.remove(checkpointId));
  }

  /** Starts or stops generating rounds; stopping removes the rounds not yet begun. */
  public void setActive(CurrentUser user, long id, int version, boolean active) {
    change(
        user,
        id,
        version,
        active ? "ACTIVATED" : "DEACTIVATED",
        active ? PatrolRoute::activate : PatrolRoute::deactivate);
  }

  private void change(
      CurrentUser user, long id, int version, String action, Consumer<PatrolRoute> edit) {
    PatrolRoute r = repository.requireRoute(id);
    UpkeepAccess.plan(user, r.communityId());
    if (r.version() != version) {
      throw DomainException.staleVersion();
    }
    Map<String, Object> before = snapshot(r);
    edit.accept(r);
    try {
      repository.save(r);
    } catch (DuplicateKeyException e) {
      throw DomainException.invalid("name", "upkeep.error.nameTaken", r.name());
    }
    audit.record(AUDIT, id, action, before, snapshot(r));
    Instant now = clock.instant();
    rounds.deleteNotBegun(id, now);
    planner.plan(repository.requireRoute(id), now);
  }

  /** A named walker: an active member of the team serving the community. */
  private Long walker(long communityId, PatrolTeam team, Long staffId) {
    if (staffId == null) {
      return null;
    }
    boolean ok =
        team != null
            && staff
                .find(staffId)
                .filter(s -> s.active() && s.has(team.role()))
                .filter(s -> s.communityIds().contains(communityId))
                .isPresent();
    if (!ok) {
      throw DomainException.invalid("assigneeStaffId", "upkeep.error.walker");
    }
    return staffId;
  }

  private static Map<String, Object> snapshot(PatrolRoute r) {
    PatrolSchedule s = r.schedule();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("team", r.team().name());
    m.put("assigneeStaffId", r.assigneeStaffId());
    m.put("days", s.daysMask());
    m.put("window", s.from() + "-" + s.until());
    m.put("everyMinutes", s.everyMinutes());
    m.put("active", r.active());
    m.put("checkpoints", r.checkpointIds());
    return m;
  }
}
