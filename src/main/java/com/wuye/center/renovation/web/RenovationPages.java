package com.wuye.center.renovation.web;

import com.wuye.center.billing.Billing;
import com.wuye.center.renovation.DepositStandard;
import com.wuye.center.renovation.InspectionKind;
import com.wuye.center.renovation.RenovationAccess;
import com.wuye.center.renovation.RenovationApplication;
import com.wuye.center.renovation.RenovationQueries;
import com.wuye.center.renovation.RenovationQueries.Queue;
import com.wuye.center.renovation.Violation;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's renovation pages: the board (queues by what each role waits for) and one application
 * with the actions the user's role may take in its state.
 */
@Controller
class RenovationPages {

  private final RenovationQueries queries;
  private final DepositStandard standard;
  private final Clock clock;

  RenovationPages(RenovationQueries queries, DepositStandard standard, Clock clock) {
    this.queries = queries;
    this.standard = standard;
    this.clock = clock;
  }

  @GetMapping("/staff/renovations")
  String board(
      @RequestParam(required = false) Queue queue,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    Queue q = queue == null ? defaultQueue(user) : queue;
    int[] b = Paged.bounds(page, 20, 20);
    model.addAttribute("queue", q);
    model.addAttribute("queues", Queue.values());
    model.addAttribute("result", queries.list(user, null, q, b[0], b[1]));
    model.addAttribute("canApply", user.hasAny(RenovationAccess.DESK));
    return "renovation/board";
  }

  @GetMapping("/staff/renovations/{id}")
  String application(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    RenovationQueries.Details d = queries.details(user, id);
    RenovationApplication a = d.application();
    model.addAttribute("d", d);
    model.addAttribute("a", a);
    model.addAttribute("st", a.status().name());
    model.addAttribute("can", new Can(user));
    model.addAttribute("kinds", InspectionKind.values());
    model.addAttribute("categories", Violation.Category.values());
    model.addAttribute(
        "channels",
        Arrays.stream(Billing.Channel.values()).filter(Billing.Channel::atCounter).toList());
    model.addAttribute("standardDeposit", standard.deposit());
    model.addAttribute("standardFee", standard.wasteFee(a.unitId()));
    model.addAttribute("defaultDeadline", clock.instant().plus(Duration.ofDays(3)));
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    return "renovation/application";
  }

  @GetMapping("/staff/renovations/{id}/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
    var f = queries.file(Actors.require(), id, fileId);
    return Uploads.image(f.contentType(), f.data());
  }

  /** Where each role starts: what waits for them. */
  private static Queue defaultQueue(CurrentUser user) {
    if (user.has(Role.TECHNICIAN)) {
      return Queue.TO_REVIEW;
    }
    if (user.has(Role.SUPERVISOR)) {
      return Queue.TO_DECIDE;
    }
    if (user.has(Role.CASHIER)) {
      return Queue.DEPOSIT_DUE;
    }
    return Queue.ALL;
  }

  /** What the user's roles allow on the page (the use cases check again). */
  record Can(CurrentUser user) {
    public boolean review() {
      return user.hasAny(RenovationAccess.ENGINEERING);
    }

    public boolean decide() {
      return user.hasAny(RenovationAccess.DECIDERS);
    }

    public boolean desk() {
      return user.hasAny(RenovationAccess.DESK);
    }

    public boolean start() {
      return user.hasAny(RenovationAccess.STARTERS);
    }

    public boolean inspect() {
      return user.hasAny(RenovationAccess.ENGINEERING);
    }

    public boolean link() {
      return user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);
    }

    public boolean cashier() {
      return user.has(Role.CASHIER);
    }
  }
}
