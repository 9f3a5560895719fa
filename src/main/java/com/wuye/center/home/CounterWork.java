package com.wuye.center.home;

import com.wuye.center.billing.Billing;
import com.wuye.center.billing.DayReports;
import com.wuye.center.shared.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 收银's worklist: the day's state (open / closed / signed off), today's takings in total and by
 * channel, receipts waiting for a void decision; the counter and the day close one tap away.
 */
@Component
class CounterWork {

  private final DayReports days;

  CounterWork(DayReports days) {
    this.days = days;
  }

  Worklist of(CurrentUser user) {
    DayReports.Day day = days.day(user, null, null);
    List<Worklist.Count> counts = new ArrayList<>();
    counts.add(
        new Worklist.Count(
            "count-day-state",
            "home.count.dayState",
            null,
            "billing.dayStatus." + day.status().name(),
            "/staff/billing/day",
            false));
    counts.add(
        new Worklist.Count(
            "count-takings",
            "home.count.takings",
            "¥" + day.total().toPlainString(),
            null,
            "/staff/billing/day",
            false));
    for (Map.Entry<Billing.Channel, DayReports.ChannelTotal> e : day.totals().entrySet()) {
      if (e.getValue().count() > 0) {
        counts.add(
            new Worklist.Count(
                "count-channel-" + e.getKey().name(),
                "billing.channel." + e.getKey().name(),
                "¥" + e.getValue().amount().toPlainString() + " · " + e.getValue().count(),
                null,
                "/staff/billing/day",
                false));
      }
    }
    counts.add(
        Worklist.Count.of(
            "count-pending-voids",
            "home.count.pendingVoids",
            day.pendingVoids(),
            "/staff/billing/day",
            day.pendingVoids() > 0));
    return new Worklist(
        List.copyOf(counts),
        List.of(),
        List.of(
            new Worklist.Action("go-counter", "home.action.takePayment", "/staff/billing"),
            new Worklist.Action("go-day", "home.action.closeDay", "/staff/billing/day")));
  }
}
