package com.wuye.center.repair;

import com.wuye.center.repair.RepairViews.Row;
import com.wuye.center.repair.internal.BoardReads;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.WorkItem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The technician's worklist (issue 14): their open orders, emergencies first, then by due time (the
 * same read as "my orders", S3), each with its next step as a button: accept is done from the list;
 * arriving and completing open the order (they ask for the conduct checklist); a completed order
 * opens the resident's signature.
 */
@Service
@Transactional(readOnly = true)
public class RepairWorklist {

  private final BoardReads reads;
  private final Clock clock;

  RepairWorklist(BoardReads reads, Clock clock) {
    this.reads = reads;
    this.clock = clock;
  }

  public List<WorkItem> mine(CurrentUser user, int limit) {
    user.require(Role.TECHNICIAN);
    Instant now = clock.instant();
    return reads.mine(user.staffId(), limit).stream().map(r -> item(r, now)).toList();
  }

  private static WorkItem item(Row r, Instant now) {
    String link = RepairOrders.link(r.id());
    String action;
    String post = null;
    switch (r.status()) {
      case DISPATCHED -> {
        action = "repair.action.accept";
        post = link + "/accept";
      }
      case ACCEPTED -> action = "repair.next.arrive";
      case ON_SITE -> action = "repair.next.complete";
      case COMPLETED -> {
        action = "repair.action.sign";
        link = link + "/sign";
      }
      default -> action = "repair.action.open";
    }
    return new WorkItem(
        "repair-" + r.id(),
        "repair.status." + r.status().name(),
        r.number(),
        r.where(),
        r.reportedAt(),
        r.clockStopped() ? null : r.dueAt(),
        r.emergency(),
        !r.clockStopped() && r.overdue(now),
        link,
        action,
        post);
  }
}
