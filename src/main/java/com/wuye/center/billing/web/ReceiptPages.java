package com.wuye.center.billing.web;

import com.wuye.center.billing.Billing;
import com.wuye.center.billing.Receipts;
import com.wuye.center.billing.Voids;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Receipts: shown, printed and reprinted (补打); voids (红冲) asked for and decided. */
@Controller
class ReceiptPages {

  private final Receipts receipts;
  private final Voids voids;
  private final AuditTrail audit;

  ReceiptPages(Receipts receipts, Voids voids, AuditTrail audit) {
    this.receipts = receipts;
    this.voids = voids;
    this.audit = audit;
  }

  /** The paper: "a4" or "80mm". */
  public record PrintForm(String format) {

    Receipts.PrintFormat paper() {
      return "80mm".equalsIgnoreCase(format) || "MM80".equalsIgnoreCase(format)
          ? Receipts.PrintFormat.MM80
          : Receipts.PrintFormat.A4;
    }
  }

  public record VoidForm(String reason) {}

  public record DecisionForm(String note) {}

  @GetMapping("/staff/billing/receipts/{id}")
  String receipt(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("receipt", receipts.receipt(user, id));
    model.addAttribute("isCashier", user.has(Role.CASHIER));
    model.addAttribute("history", audit.history("billing_payment", id));
    return "billing/receipt";
  }

  @PostMapping("/staff/billing/receipts/{id}/print")
  String print(
      @PathVariable long id,
      @Valid PrintForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    Receipts.PrintFormat paper = form.paper();
    String page = paper == Receipts.PrintFormat.MM80 ? "80mm" : "a4";
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/billing/receipts/" + id)
        .saved(null)
        .run(() -> printed(id, paper, page));
  }

  private String printed(long id, Receipts.PrintFormat paper, String page) {
    receipts.recordPrint(Actors.require(), id, paper);
    return "/staff/billing/receipts/" + id + "/print?format=" + page;
  }

  /**
   * The print page of the latest recorded printing: a receipt is printed only through the POST
   * above, which records it, so a reprint always shows 补打.
   */
  @GetMapping("/staff/billing/receipts/{id}/print")
  String printPage(
      @PathVariable long id, @RequestParam(defaultValue = "a4") String format, Model model) {
    Billing.Receipt receipt = receipts.receipt(Actors.require(), id);
    if (receipt.printCount() == 0) {
      return "redirect:/staff/billing/receipts/" + id;
    }
    model.addAttribute("receipt", receipt);
    model.addAttribute("narrow", "80mm".equalsIgnoreCase(format));
    model.addAttribute("copy", receipt.printCount());
    return "billing/receipt-print";
  }

  @PostMapping("/staff/billing/receipts/{id}/void")
  String requestVoid(
      @PathVariable long id,
      @Valid VoidForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("billing.void.requested")
        .run(
            "/staff/billing/receipts/" + id,
            () -> voids.request(Actors.require(), id, form.reason()));
  }

  @GetMapping("/staff/billing/voids")
  String voids(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("voids", voids.pending(user));
    model.addAttribute("canDecide", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    return "billing/voids";
  }

  @PostMapping("/staff/billing/voids/{id}/approve")
  String approve(
      @PathVariable long id,
      @Valid DecisionForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("billing.void.approved")
        .run("/staff/billing/voids", () -> voids.approve(Actors.require(), id, form.note()));
  }

  @PostMapping("/staff/billing/voids/{id}/reject")
  String reject(
      @PathVariable long id,
      @Valid DecisionForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("billing.void.rejected")
        .run("/staff/billing/voids", () -> voids.reject(Actors.require(), id, form.note()));
  }
}
