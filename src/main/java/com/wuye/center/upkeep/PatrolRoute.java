package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * A patrol route (巡检路线): its checkpoints in walking order (PT-1), its schedule (PT-2), the team
 * that walks it and optionally one named walker. A route needs at least one checkpoint before
 * rounds are generated; an inactive route generates none.
 */
public final class PatrolRoute {

  private final Long id;
  private final long communityId;
  private String name;
  private PatrolTeam team;
  private Long assigneeStaffId;
  private PatrolSchedule schedule;
  private boolean active;
  private final List<Long> checkpointIds;
  private final int version;

  private PatrolRoute(
      Long id,
      long communityId,
      String name,
      PatrolTeam team,
      Long assigneeStaffId,
      PatrolSchedule schedule,
      boolean active,
      List<Long> checkpointIds,
      int version) {
    this.id = id;
    this.communityId = communityId;
    this.name = Text.required("name", name, 60);
    this.team = requireTeam(team);
    this.assigneeStaffId = assigneeStaffId;
    this.schedule = schedule;
    this.active = active;
    this.checkpointIds = new ArrayList<>(checkpointIds);
    this.version = version;
  }

  public static PatrolRoute create(
      long communityId,
      String name,
      PatrolTeam team,
      Long assigneeStaffId,
      PatrolSchedule schedule) {
    return new PatrolRoute(
        null, communityId, name, team, assigneeStaffId, schedule, true, List.of(), 0);
  }

  public static PatrolRoute restore(
      long id,
      long communityId,
      String name,
      PatrolTeam team,
      Long assigneeStaffId,
      PatrolSchedule schedule,
      boolean active,
      List<Long> checkpointIds,
      int version) {
    return new PatrolRoute(
        id, communityId, name, team, assigneeStaffId, schedule, active, checkpointIds, version);
  }

  /** New name, team, walker and schedule; rounds not yet generated follow them. */
  public void revise(String name, PatrolTeam team, Long assigneeStaffId, PatrolSchedule schedule) {
    this.name = Text.required("name", name, 60);
    this.team = requireTeam(team);
    this.assigneeStaffId = assigneeStaffId;
    this.schedule = schedule;
  }

  /** Adds a checkpoint at the end of the route; once. */
  public void add(long checkpointId) {
    if (checkpointIds.contains(checkpointId)) {
      throw DomainException.invalid("checkpointId", "upkeep.error.checkpointOnRoute");
    }
    if (checkpointIds.size() >= 50) {
      throw DomainException.invalid("checkpointId", "upkeep.error.routeFull", 50);
    }
    checkpointIds.add(checkpointId);
  }

  /** Moves a checkpoint one place earlier (-1) or later (+1) in the walking order. */
  public void move(long checkpointId, int delta) {
    int i = indexOf(checkpointId);
    int j = i + Integer.signum(delta);
    if (j < 0 || j >= checkpointIds.size()) {
      return;
    }
    checkpointIds.set(i, checkpointIds.get(j));
    checkpointIds.set(j, checkpointId);
  }

  public void remove(long checkpointId) {
    checkpointIds.remove(indexOf(checkpointId));
  }

  public void activate() {
    active = true;
  }

  public void deactivate() {
    active = false;
  }

  /** Whether rounds are generated for it: active with at least one checkpoint. */
  public boolean walkable() {
    return active && !checkpointIds.isEmpty();
  }

  private int indexOf(long checkpointId) {
    int i = checkpointIds.indexOf(checkpointId);
    if (i < 0) {
      throw DomainException.invalid("checkpointId", "upkeep.error.checkpointNotOnRoute");
    }
    return i;
  }

  private static PatrolTeam requireTeam(PatrolTeam team) {
    if (team == null) {
      throw DomainException.invalid("team", "upkeep.error.team");
    }
    return team;
  }

  public Long id() {
    return id;
  }

  public long communityId() {
    return communityId;
  }

  public String name() {
    return name;
  }

  public PatrolTeam team() {
    return team;
  }

  public Long assigneeStaffId() {
    return assigneeStaffId;
  }

  public PatrolSchedule schedule() {
    return schedule;
  }

  public boolean active() {
    return active;
  }

  public List<Long> checkpointIds() {
    return List.copyOf(checkpointIds);
  }

  public int version() {
    return version;
  }
}
