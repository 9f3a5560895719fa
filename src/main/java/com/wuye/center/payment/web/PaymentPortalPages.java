package com.wuye.center.payment.web;

import com.wuye.center.payment.OnlinePayments;
import com.wuye.center.payment.PaymentOrder;
import com.wuye.center.payment.Provider;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.shared.web.QrCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's online payment: what each unit owes with a Pay button per provider, then the
 * WeChat Pay QR code to scan or the link to Alipay's cashier and, once the provider has told us,
 * the receipt.
 */
@Controller
class PaymentPortalPages {

  private final OnlinePayments payments;

  PaymentPortalPages(OnlinePayments payments) {
    this.payments = payments;
  }

  record PayForm(@NotNull Provider provider, @NotBlank String idempotencyKey) {}

  @GetMapping("/portal/payments")
  String list(Model model) {
    model.addAttribute("units", payments.units(Actors.require()));
    model.addAttribute("wechatOn", payments.wechatOn());
    model.addAttribute("alipayOn", payments.alipayOn());
    model.addAttribute("key", UUID.randomUUID().toString());
    return "payment/portal";
  }

  @PostMapping("/portal/payments/units/{unitId}")
  String pay(
      @PathVariable long unitId,
      @Valid PayForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/portal/payments")
        .saved(
            form.provider() == Provider.ALIPAY
                ? "payment.order.started.alipay"
                : "payment.order.started")
        .run(
            () -> {
              payments.start(Actors.require(), unitId, form.provider(), form.idempotencyKey());
              return "/portal/payments/units/" + unitId;
            });
  }

  @GetMapping("/portal/payments/units/{unitId}")
  String order(
      @PathVariable long unitId,
      @RequestHeader(name = "User-Agent", required = false) String agent,
      Model model) {
    OnlinePayments.UnitDue due = payments.unit(Actors.require(), unitId);
    model.addAttribute("due", due);
    PaymentOrder order = due.latest().orElse(null);
    model.addAttribute("order", order);
    if (order != null && order.provider() == Provider.ALIPAY) {
      boolean mobile = agent != null && agent.contains("Mobile");
      payments
          .alipayLink(Actors.require(), order, mobile)
          .ifPresent(link -> model.addAttribute("alipayLink", link));
    } else if (order != null
        && order.status() == PaymentOrder.Status.CREATED
        && order.payUrl() != null) {
      model.addAttribute(
          "qr",
          "data:image/png;base64,"
              + Base64.getEncoder().encodeToString(QrCodes.png(order.payUrl(), 240)));
    }
    return "payment/order";
  }
}
