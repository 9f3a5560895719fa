package com.wuye.center.billing.web;

import com.wuye.center.billing.Billing;
import com.wuye.center.billing.BillingService;
import com.wuye.center.billing.CashierService;
import com.wuye.center.billing.Money;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The counter: find a unit, its account, pay, receipts (print, reprint 补打), voids (红冲). */
@Controller
class CashierPages {

  private final CashierService cashier;
  private final BillingService billing;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  CashierPages(
      CashierService cashier,
      BillingService billing,
      EstateDirectory estate,
      AuditTrail audit,
      java.time.Clock clock) {
    this.cashier = cashier;
    this.billing = billing;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/staff/billing")
  String counter(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    user.require(CashierServiceRoles.VIEWERS);
    String query = q == null ? "" : q.trim();
    if (!query.isEmpty()) {
      int[] b = Paged.bounds(page, 20, 20);
      Paged<Estate.UnitRow> result = estate.searchUnits(user, null, query, b[0], b[1]);
      if (result.total() == 1) {
        return "redirect:/staff/billing/units/" + result.items().get(0).id();
      }
      model.addAttribute("result", result);
    }
    model.addAttribute("q", query);
    return "billing/counter";
  }

  @GetMapping("/staff/billing/units/{unitId}")
  String account(@PathVariable long unitId, Model model) {
    CurrentUser user = Actors.require();
    Billing.Account account = cashier.account(user, unitId);
    model.addAttribute("account", account);
    model.addAttribute("today", java.time.LocalDate.now(clock));
    model.addAttribute("isCashier", user.has(Role.CASHIER));
    model.addAttribute("canRaise", user.hasAny(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER));
    if (!model.containsAttribute("idempotencyKey")) {
      model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    }
    return "billing/account";
  }

  @PostMapping("/staff/billing/units/{unitId}/pay")
  String pay(
      @PathVariable long unitId,
      @RequestParam(name = "chargeId", required = false) List<Long> chargeIds,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) Billing.Channel channel,
      @RequestParam(required = false) String tendered,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String idempotencyKey,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      CashierService.PaymentResult r =
          cashier.pay(
              user,
              unitId,
              new CashierService.PayCommand(
                  chargeIds,
                  Money.parse("amount", amount),
                  channel,
                  Money.parse("tendered", tendered),
                  reference,
                  idempotencyKey,
                  null));
      // flash attributes live in the (JDBC) session: plain strings only
      Map<String, String> paid = new LinkedHashMap<>();
      paid.put("amountDue", r.amountDue().toPlainString());
      paid.put("amount", r.amount().toPlainString());
      paid.put("tendered", r.tendered().toPlainString());
      paid.put("change", r.change().toPlainString());
      redirect.addFlashAttribute("paid", paid);
      return "redirect:/staff/billing/receipts/" + r.paymentId();
    } catch (DomainException e) {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("amount", amount);
      typed.put("tendered", tendered);
      typed.put("reference", reference);
      typed.put("channel", channel == null ? "" : channel.name());
      typed.put("chargeIds", chargeIds == null ? List.of() : chargeIds);
      Flash.error(redirect, e, typed);
      // a refused submission may be corrected and sent again with the same key
      redirect.addFlashAttribute("idempotencyKey", idempotencyKey);
      return "redirect:/staff/billing/units/" + unitId;
    }
  }

  @PostMapping("/staff/billing/units/{unitId}/charges")
  String raise(
      @PathVariable long unitId,
      @RequestParam(required = false) Billing.Item item,
      @RequestParam(required = false) String description,
      @RequestParam(required = false) String amount,
      RedirectAttributes redirect) {
    try {
      billing.raiseCharge(
          Actors.require(),
          unitId,
          new BillingService.NewCharge(item, description, Money.parse("amount", amount)));
      Flash.saved(redirect, "billing.charge.raised");
    } catch (DomainException e) {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("chargeDescription", description);
      typed.put("chargeAmount", amount);
      Flash.error(redirect, e, typed);
    }
    return "redirect:/staff/billing/units/" + unitId;
  }

  @PostMapping("/staff/billing/charges/{chargeId}/refund")
  String refund(
      @PathVariable long chargeId,
      @RequestParam long unitId,
      @RequestParam(required = false) Billing.Channel channel,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String idempotencyKey,
      RedirectAttributes redirect) {
    try {
      var r = cashier.refundDeposit(Actors.require(), chargeId, channel, reference, idempotencyKey);
      return "redirect:/staff/billing/receipts/" + r.paymentId();
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of());
      return "redirect:/staff/billing/units/" + unitId;
    }
  }

  @GetMapping("/staff/billing/receipts/{id}")
  String receipt(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("receipt", cashier.receipt(user, id));
    model.addAttribute("isCashier", user.has(Role.CASHIER));
    model.addAttribute("history", audit.history("billing_payment", id));
    return "billing/receipt";
  }

  @PostMapping("/staff/billing/receipts/{id}/print")
  String print(@PathVariable long id, @RequestParam(defaultValue = "A4") String format) {
    CashierService.PrintFormat f =
        "80mm".equalsIgnoreCase(format) || "MM80".equalsIgnoreCase(format)
            ? CashierService.PrintFormat.MM80
            : CashierService.PrintFormat.A4;
    cashier.recordPrint(Actors.require(), id, f);
    return "redirect:/staff/billing/receipts/"
        + id
        + "/print?format="
        + (f == CashierService.PrintFormat.MM80 ? "80mm" : "a4");
  }

  /**
   * The print page of the latest recorded printing: a receipt is printed only through the POST
   * above, which records it, so a reprint always shows 补打.
   */
  @GetMapping("/staff/billing/receipts/{id}/print")
  String printPage(
      @PathVariable long id, @RequestParam(defaultValue = "a4") String format, Model model) {
    Billing.Receipt receipt = cashier.receipt(Actors.require(), id);
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
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    try {
      cashier.requestVoid(Actors.require(), id, reason);
      Flash.saved(redirect, "billing.void.requested");
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of("reason", reason == null ? "" : reason));
    }
    return "redirect:/staff/billing/receipts/" + id;
  }

  @GetMapping("/staff/billing/voids")
  String voids(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("voids", cashier.pendingVoids(user));
    model.addAttribute("canDecide", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    return "billing/voids";
  }

  @PostMapping("/staff/billing/voids/{id}/approve")
  String approve(
      @PathVariable long id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    try {
      cashier.approveVoid(Actors.require(), id, note);
      Flash.saved(redirect, "billing.void.approved");
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of());
    }
    return "redirect:/staff/billing/voids";
  }

  @PostMapping("/staff/billing/voids/{id}/reject")
  String reject(
      @PathVariable long id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    try {
      cashier.rejectVoid(Actors.require(), id, note);
      Flash.saved(redirect, "billing.void.rejected");
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of());
    }
    return "redirect:/staff/billing/voids";
  }

  /** Who may open the counter pages (reads); only cashiers take money. */
  static final class CashierServiceRoles {
    static final Role[] VIEWERS = {
      Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE
    };

    private CashierServiceRoles() {}
  }
}
