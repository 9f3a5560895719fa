package com.wuye.center.home;

import com.wuye.center.deadline.DeadlineWorklist;
import com.wuye.center.emergency.EmergencyQueries;
import com.wuye.center.repair.IntegrityCases;
import com.wuye.center.report.Reports;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * 主管 / 经理's worklist: work nobody has taken (with its escalation), breaches and near-breaches (due
 * within the hour) of every kind, open emergencies, open integrity cases (managers) and the
 * residents' satisfaction today against the last 30 days.
 */
@Component
class OverseerWork {

  static final Duration NEAR = Duration.ofHours(1);
  static final int PAGE = 20;

  private final DeadlineWorklist clocks;
  private final EmergencyQueries emergencies;
  private final IntegrityCases integrity;
  private final Reports reports;

  OverseerWork(
      DeadlineWorklist clocks,
      EmergencyQueries emergencies,
      IntegrityCases integrity,
      Reports reports) {
    this.clocks = clocks;
    this.emergencies = emergencies;
    this.integrity = integrity;
    this.reports = reports;
  }

  Worklist of(CurrentUser user) {
    DeadlineWorklist.Count unowned = clocks.unownedCount(user);
    DeadlineWorklist.Count near = clocks.dueSoonCount(user, null, NEAR);
    var open = DeskWork.emergencies(emergencies.openCases(user));
    List<Worklist.Count> counts = new ArrayList<>();
    counts.add(
        Worklist.Count.of(
            "count-unowned",
            "home.count.unowned",
            unowned.open(),
            "#unowned",
            unowned.overdue() > 0));
    counts.add(
        Worklist.Count.of(
            "count-breaches",
            "home.count.breaches",
            near.overdue(),
            "#breaches",
            near.overdue() > 0));
    counts.add(
        Worklist.Count.of(
            "count-near",
            "home.count.nearBreaches",
            near.open() - near.overdue(),
            "#breaches",
            false));
    counts.add(
        Worklist.Count.of(
            "count-open-emergencies",
            "home.count.openEmergencies",
            open.size(),
            "/staff/emergency",
            !open.isEmpty()));
    if (user.has(Role.MANAGER)) {
      long cases = integrity.list(user).stream().filter(c -> "OPEN".equals(c.status())).count();
      counts.add(
          Worklist.Count.of(
              "count-integrity",
              "home.count.integrity",
              cases,
              "/staff/repairs/integrity",
              cases > 0));
    }
    counts.add(satisfaction(user, 1, "count-satisfaction-today", "home.count.satisfactionToday"));
    counts.add(satisfaction(user, 30, "count-satisfaction-30", "home.count.satisfaction30"));
    List<Worklist.Section> sections = new ArrayList<>();
    if (!open.isEmpty()) {
      sections.add(
          new Worklist.Section(
              "open-emergencies", "home.section.openEmergencies", open, "/staff/emergency"));
    }
    sections.add(
        new Worklist.Section(
            "unowned", "home.section.unownedEscalated", clocks.unowned(user, PAGE), null));
    sections.add(
        new Worklist.Section(
            "breaches", "home.section.breaches", clocks.dueSoon(user, null, NEAR, PAGE), null));
    return new Worklist(List.copyOf(counts), List.copyOf(sections));
  }

  /** The residents' service rating over the last days (weighted by confirmations), or "—". */
  private Worklist.Count satisfaction(CurrentUser user, int days, String id, String label) {
    double sum = 0;
    long n = 0;
    for (Reports.CommunityLine l : reports.summary(user, null, days).communities()) {
      if (l.avgService() != null && l.repairsConfirmed() > 0) {
        sum += l.avgService() * l.repairsConfirmed();
        n += l.repairsConfirmed();
      }
    }
    String value = n == 0 ? "—" : String.format(Locale.ROOT, "%.1f", sum / n);
    return new Worklist.Count(id, label, value, null, "/staff/reports", false);
  }
}
