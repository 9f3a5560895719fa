package com.wuye.center.renovation;

import java.time.Instant;
import java.util.Map;

/**
 * An inspection of a renovation in progress (RN-11): which kind, when it is due (a deadline clock
 * runs until the first visit), and whether it passed. Each visit is kept.
 */
public final class Inspection {

  public enum Status {
    DUE,
    PASSED,
    FAILED
  }

  /**
   * One visit of an inspector: the checklist answered item by item, findings, passed or not; the id
   * is set when stored (photos are then attached to it).
   */
  public static final class Visit {
    private final InspectionKind kind;
    private final Instant at;
    private final long inspectorId;
    private final String inspectorName;
    private final Map<String, Boolean> checklist;
    private final String findings;
    private final boolean passed;
    private final boolean first;
    private Long id;

    Visit(
        InspectionKind kind,
        Instant at,
        long inspectorId,
        String inspectorName,
        Map<String, Boolean> checklist,
        String findings,
        boolean passed,
        boolean first) {
      this.kind = kind;
      this.at = at;
      this.inspectorId = inspectorId;
      this.inspectorName = inspectorName;
      this.checklist = Map.copyOf(checklist);
      this.findings = findings;
      this.passed = passed;
      this.first = first;
    }

    /** The inspection's first visit: its deadline clock stops now. */
    public boolean first() {
      return first;
    }

    public void stored(long id) {
      this.id = id;
    }

    public Long id() {
      return id;
    }

    public InspectionKind kind() {
      return kind;
    }

    public Instant at() {
      return at;
    }

    public long inspectorId() {
      return inspectorId;
    }

    public String inspectorName() {
      return inspectorName;
    }

    public Map<String, Boolean> checklist() {
      return checklist;
    }

    public String findings() {
      return findings;
    }

    public boolean passed() {
      return passed;
    }
  }

  private Long id;
  private final InspectionKind kind;
  private final Instant dueAt;
  private Long clockId;
  private Status status;
  private boolean visited;
  private boolean changed;

  public Inspection(
      Long id, InspectionKind kind, Instant dueAt, Long clockId, Status status, boolean visited) {
    this.id = id;
    this.kind = kind;
    this.dueAt = dueAt;
    this.clockId = clockId;
    this.status = status;
    this.visited = visited;
  }

  static Inspection scheduled(InspectionKind kind, Instant dueAt) {
    return new Inspection(null, kind, dueAt, null, Status.DUE, false);
  }

  /** Records the outcome of a visit; true if it is the first visit (the clock then stops). */
  boolean visited(boolean passed) {
    boolean first = !visited;
    visited = true;
    status = passed ? Status.PASSED : Status.FAILED;
    changed = true;
    return first;
  }

  /** The repository gives a new inspection its id. */
  public void stored(long id) {
    this.id = id;
  }

  /** Its deadline clock started. */
  public void clockStarted(long clockId) {
    this.clockId = clockId;
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  public boolean changed() {
    return changed;
  }

  public Long id() {
    return id;
  }

  public InspectionKind kind() {
    return kind;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Long clockId() {
    return clockId;
  }

  public Status status() {
    return status;
  }

  public boolean wasVisited() {
    return visited;
  }
}
