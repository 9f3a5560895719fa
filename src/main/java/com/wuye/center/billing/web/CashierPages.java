package com.wuye.center.billing.web;

import com.wuye.center.billing.Accounts;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.CounterPayment;
import com.wuye.center.billing.Money;
import com.wuye.center.billing.OneOffCharges;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The counter: find a unit, its account, pay (唱收唱付), raise a one-off charge, refund a deposit. */
@Controller
class CashierPages {

  private final Accounts accounts;
  private final CounterPayment counter;
  private final OneOffCharges charges;
  private final EstateDirectory estate;
  private final Clock clock;

  CashierPages(
      Accounts accounts,
      CounterPayment counter,
      OneOffCharges charges,
      EstateDirectory estate,
      Clock clock) {
    this.accounts = accounts;
    this.counter = counter;
    this.charges = charges;
    this.estate = estate;
    this.clock = clock;
  }

  /**
   * The payment form: the charges ticked, the amount paid, the channel, the cash tendered and the
   * key that makes a resubmission the same payment. Amounts are typed text ("1,280.00", "¥80").
   */
  public record PayForm(
      List<Long> chargeId,
      String amount,
      Billing.Channel channel,
      String tendered,
      String reference,
      String idempotencyKey) {

    CounterPayment.PayCommand command() {
      return new CounterPayment.PayCommand(
          chargeId,
          Money.parse("amount", amount),
          channel,
          Money.parse("tendered", tendered),
          reference,
          idempotencyKey,
          null);
    }

    /** 唱收唱付 on the receipt page: flash attributes live in the session, plain strings only. */
    static Map<String, String> shown(CounterPayment.PaymentResult r) {
      Map<String, String> paid = new LinkedHashMap<>();
      paid.put("amountDue", r.amountDue().toPlainString());
      paid.put("amount", r.amount().toPlainString());
      paid.put("tendered", r.tendered().toPlainString());
      paid.put("change", r.change().toPlainString());
      return paid;
    }
  }

  /** A one-off charge; typed back under its own names, apart from the payment form's. */
  public record ChargeForm(Billing.Item item, String description, String amount) {

    OneOffCharges.NewCharge command() {
      return new OneOffCharges.NewCharge(item, description, Money.parse("amount", amount));
    }

    Map<String, String> typed() {
      Map<String, String> typed = new LinkedHashMap<>();
      typed.put("chargeDescription", description);
      typed.put("chargeAmount", amount);
      return typed;
    }
  }

  public record RefundForm(
      Long unitId, Billing.Channel channel, String reference, String idempotencyKey) {}

  @GetMapping("/staff/billing")
  String counter(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    Accounts.requireViewer(user);
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
    model.addAttribute("account", accounts.account(user, unitId));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("isCashier", user.has(Role.CASHIER));
    model.addAttribute("canRaise", user.hasAny(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER));
    // a refused payment may be corrected and sent again with its key (typed['idempotencyKey'])
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    return "billing/account";
  }

  @PostMapping("/staff/billing/units/{unitId}/pay")
  String pay(
      @PathVariable long unitId,
      @Valid PayForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/billing/units/" + unitId)
        .saved(null)
        .run(
            () -> {
              var r = counter.pay(Actors.require(), unitId, form.command());
              redirect.addFlashAttribute("paid", PayForm.shown(r));
              return "/staff/billing/receipts/" + r.paymentId();
            });
  }

  @PostMapping("/staff/billing/units/{unitId}/charges")
  String raise(
      @PathVariable long unitId,
      @Valid ChargeForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    String account = "/staff/billing/units/" + unitId;
    return FormSubmission.of(binding, redirect, form.typed())
        .saved("billing.charge.raised")
        .run(account, () -> charges.raise(Actors.require(), unitId, form.command()));
  }

  @PostMapping("/staff/billing/charges/{chargeId}/refund")
  String refund(
      @PathVariable long chargeId,
      @Valid RefundForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, Map.of())
        .onRefusal("/staff/billing/units/" + form.unitId())
        .saved(null)
        .run(() -> "/staff/billing/receipts/" + refund(chargeId, form).paymentId());
  }

  private CounterPayment.PaymentResult refund(long chargeId, RefundForm form) {
    return counter.refundDeposit(
        Actors.require(), chargeId, form.channel(), form.reference(), form.idempotencyKey());
  }
}
