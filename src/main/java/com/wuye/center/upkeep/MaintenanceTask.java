package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A maintenance task of a plan on its due day (保养任务). Its life: planned (generated ahead, PM-1) →
 * due (its day has come: in the worklist, on the deadline clock, PM-2) → done with every checklist
 * item answered (PM-3), on time or late (PM-5); planned or due tasks may be cancelled with a reason
 * (PM-6). Done early, from planned, is on time. It registers {@link MaintenanceTaskDue} and {@link
 * MaintenanceTaskDone}; the repository publishes them on save.
 */
public final class MaintenanceTask {

  public enum Status {
    PLANNED,
    DUE,
    DONE,
    CANCELLED;

    public boolean open() {
      return this == PLANNED || this == DUE;
    }
  }

  /** An answer to a checklist item: fine, fixed on the spot, or a fault (a repair order). */
  public enum Result {
    OK,
    FIXED,
    FAULT
  }

  /** A checklist item with its answer (null until done). */
  public record Item(
      int position,
      String text,
      Result result,
      String note,
      Long repairOrderId,
      String repairOrderNumber) {}

  /** What the engineer answers for one item. */
  public record Answer(Result result, String note) {}

  /** Everything a task holds, as stored. */
  public record State(
      Long id,
      long planId,
      long equipmentId,
      long communityId,
      String title,
      LocalDate dueOn,
      Instant dueAt,
      Long assigneeStaffId,
      Status status,
      Instant releasedAt,
      Instant doneAt,
      Long doneByStaffId,
      Boolean onTime,
      String note,
      String cancelReason,
      List<Item> items,
      int version) {}

  private final Long id;
  private final long planId;
  private final long equipmentId;
  private final long communityId;
  private final String title;
  private final LocalDate dueOn;
  private final Instant dueAt;
  private final Long assigneeStaffId;
  private Status status;
  private Instant releasedAt;
  private Instant doneAt;
  private Long doneByStaffId;
  private Boolean onTime;
  private String note;
  private String cancelReason;
  private final List<Item> items;
  private final int version;
  private final List<Object> events = new ArrayList<>();

  private MaintenanceTask(State s) {
    if (s.items().isEmpty()) {
      throw DomainException.invalid("checklist", "upkeep.error.checklistEmpty");
    }
    this.id = s.id();
    this.planId = s.planId();
    this.equipmentId = s.equipmentId();
    this.communityId = s.communityId();
    this.title = s.title();
    this.dueOn = s.dueOn();
    this.dueAt = s.dueAt();
    this.assigneeStaffId = s.assigneeStaffId();
    this.status = s.status();
    this.releasedAt = s.releasedAt();
    this.doneAt = s.doneAt();
    this.doneByStaffId = s.doneByStaffId();
    this.onTime = s.onTime();
    this.note = s.note();
    this.cancelReason = s.cancelReason();
    this.items = new ArrayList<>(s.items());
    this.version = s.version();
  }

  /** A task of a plan, planned for its due day, with the plan's checklist as it is now. */
  public static MaintenanceTask plan(
      long planId,
      long equipmentId,
      long communityId,
      String title,
      LocalDate dueOn,
      Instant dueAt,
      Long assigneeStaffId,
      List<String> checklist) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < checklist.size(); i++) {
      items.add(new Item(i + 1, checklist.get(i), null, null, null, null));
    }
    return new MaintenanceTask(
        new State(
            null,
            planId,
            equipmentId,
            communityId,
            title,
            dueOn,
            dueAt,
            assigneeStaffId,
            Status.PLANNED,
            null,
            null,
            null,
            null,
            null,
            null,
            items,
            0));
  }

  public static MaintenanceTask restore(State s) {
    return new MaintenanceTask(s);
  }

  /** PM-2: its due day has come; it is due until {@code dueAt}. */
  public void release(Instant at) {
    if (status != Status.PLANNED) {
      throw DomainException.rule("upkeep.error.taskNotPlanned");
    }
    status = Status.DUE;
    releasedAt = at;
    events.add(
        new MaintenanceTaskDue(
            requireId(), communityId, equipmentId, title, assigneeStaffId, dueOn, dueAt));
  }

  /**
   * PM-3: done, with an answer for every checklist item (by position); a fault needs a note. On
   * time when done by the due time (PM-5).
   */
  public void complete(Map<Integer, Answer> answers, String note, long staffId, Instant at) {
    if (status == Status.DONE) {
      throw DomainException.conflict("upkeep.error.taskDone");
    }
    if (!status.open()) {
      throw DomainException.rule("upkeep.error.taskClosed");
    }
    List<Item> answered = new ArrayList<>();
    for (Item item : items) {
      String field = "items[" + (item.position() - 1) + "]";
      Answer a = answers.get(item.position());
      if (a == null || a.result() == null) {
        throw DomainException.invalid(
            field + ".result", "upkeep.error.itemUnanswered", item.text());
      }
      String itemNote = Text.optional(field + ".note", a.note(), 300);
      if (a.result() == Result.FAULT && itemNote == null) {
        throw DomainException.invalid(field + ".note", "upkeep.error.faultNote", item.text());
      }
      answered.add(new Item(item.position(), item.text(), a.result(), itemNote, null, null));
    }
    items.clear();
    items.addAll(answered);
    this.note = Text.optional("note", note, 500);
    this.status = Status.DONE;
    this.doneAt = at;
    this.doneByStaffId = staffId;
    this.onTime = !at.isAfter(dueAt);
    events.add(
        new MaintenanceTaskDone(
            requireId(),
            communityId,
            equipmentId,
            staffId,
            dueOn,
            dueAt,
            at,
            onTime,
            (int) faults().count()));
  }

  /** The repair order opened for a faulty item (PM-3). */
  public void linkRepair(int position, long repairOrderId, String repairOrderNumber) {
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.position() == position) {
        if (item.result() != Result.FAULT) {
          throw new IllegalStateException("only a fault opens a repair order");
        }
        items.set(
            i,
            new Item(
                position,
                item.text(),
                item.result(),
                item.note(),
                repairOrderId,
                repairOrderNumber));
        return;
      }
    }
    throw new IllegalArgumentException("no checklist item " + position);
  }

  /** Cancels a task not yet done, with a reason (PM-6: e.g. the equipment was retired). */
  public void cancel(String reason) {
    if (!status.open()) {
      throw DomainException.rule("upkeep.error.taskClosed");
    }
    cancelReason = Text.required("reason", reason, 200);
    status = Status.CANCELLED;
  }

  /** Whether it is past its due time and still not done. */
  public boolean overdue(Instant now) {
    return status.open() && now.isAfter(dueAt);
  }

  public java.util.stream.Stream<Item> faults() {
    return items.stream().filter(i -> i.result() == Result.FAULT);
  }

  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  private long requireId() {
    if (id == null) {
      throw new IllegalStateException("a task is stored before it is released or done");
    }
    return id;
  }

  public Long id() {
    return id;
  }

  public long planId() {
    return planId;
  }

  public long equipmentId() {
    return equipmentId;
  }

  public long communityId() {
    return communityId;
  }

  public String title() {
    return title;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Long assigneeStaffId() {
    return assigneeStaffId;
  }

  public Status status() {
    return status;
  }

  public Instant releasedAt() {
    return releasedAt;
  }

  public Instant doneAt() {
    return doneAt;
  }

  public Long doneByStaffId() {
    return doneByStaffId;
  }

  public Boolean onTime() {
    return onTime;
  }

  public String note() {
    return note;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public List<Item> items() {
    return List.copyOf(items);
  }

  public int version() {
    return version;
  }
}
