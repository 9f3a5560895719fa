package com.wuye.center.home;

import com.wuye.center.deadline.DeadlineWorklist;
import com.wuye.center.emergency.CaseRow;
import com.wuye.center.emergency.EmergencyQueries;
import com.wuye.center.keycustody.KeyLoansDue;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 客服's worklist: open emergencies first; new intakes nobody has taken yet (complaints,
 * consultations, repairs, services), the longest waiting first; commitments and replies due today
 * or overdue; keys to be handed back today or overdue.
 */
@Component
class DeskWork {

  static final int PAGE = 20;

  /** The desk's own clocks: complaint commitments, inquiry replies, services, follow-up calls. */
  static final Set<String> DESK_CLOCKS =
      Set.of("complaint", "inquiry", "convenience_order", "emergency");

  private final DeadlineWorklist clocks;
  private final EmergencyQueries emergencies;
  private final KeyLoansDue keys;
  private final Clock clock;

  DeskWork(DeadlineWorklist clocks, EmergencyQueries emergencies, KeyLoansDue keys, Clock clock) {
    this.clocks = clocks;
    this.emergencies = emergencies;
    this.keys = keys;
    this.clock = clock;
  }

  Worklist of(CurrentUser user) {
    Duration untilTonight = untilEndOfDay(clock);
    List<WorkItem> open = emergencies(emergencies.openCases(user));
    DeadlineWorklist.Count waiting = clocks.unownedCount(user);
    DeadlineWorklist.Count due = clocks.dueSoonCount(user, DESK_CLOCKS, untilTonight);
    List<WorkItem> loans = keys.dueBy(user, clock.instant().plus(untilTonight), PAGE);
    List<Worklist.Count> counts =
        List.of(
            Worklist.Count.of(
                "count-unowned",
                "home.count.unowned",
                waiting.open(),
                "#unowned",
                waiting.overdue() > 0),
            Worklist.Count.of(
                "count-due-today", "home.count.dueToday", due.open(), "#due-today", false),
            Worklist.Count.of(
                "count-overdue",
                "home.count.overdue",
                due.overdue(),
                "#due-today",
                due.overdue() > 0),
            Worklist.Count.of(
                "count-open-emergencies",
                "home.count.openEmergencies",
                open.size(),
                "/staff/emergency",
                !open.isEmpty()),
            Worklist.Count.of(
                "count-keys",
                "home.count.keysDue",
                loans.size(),
                "#keys-due",
                loans.stream().anyMatch(WorkItem::overdue)));
    List<Worklist.Section> sections = new ArrayList<>();
    if (!open.isEmpty()) {
      sections.add(
          new Worklist.Section(
              "open-emergencies", "home.section.openEmergencies", open, "/staff/emergency"));
    }
    sections.add(
        new Worklist.Section("unowned", "home.section.unowned", clocks.unowned(user, PAGE), null));
    sections.add(
        new Worklist.Section(
            "due-today",
            "home.section.dueToday",
            clocks.dueSoon(user, DESK_CLOCKS, untilTonight, PAGE),
            null));
    if (!loans.isEmpty()) {
      sections.add(
          new Worklist.Section("keys-due", "home.section.keysDue", loans, "/staff/keycustody"));
    }
    return new Worklist(counts, List.copyOf(sections));
  }

  /** From now to midnight in the clock's zone (the business day). */
  static Duration untilEndOfDay(Clock clock) {
    Instant now = clock.instant();
    Instant midnight = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    return Duration.between(now, midnight);
  }

  static List<WorkItem> emergencies(List<CaseRow> rows) {
    return rows.stream()
        .map(
            c ->
                new WorkItem(
                    "emergency-" + c.id(),
                    c.choice() == null
                        ? "emergency.choice.none"
                        : "emergency.choice." + c.choice().name(),
                    c.number(),
                    c.unitLabel(),
                    c.calledAt(),
                    null,
                    true,
                    false,
                    "/staff/emergency/" + c.id(),
                    c.nextStep() == null ? null : "emergency.step." + c.nextStep().name(),
                    null))
        .toList();
  }
}
