package com.wuye.center.payment.web;

import com.wuye.center.payment.Reconciliation;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cashier's reconciliation of a day's online payments against the provider's statement. */
@Controller
class ReconciliationPages {

  private final Reconciliation reconciliation;

  ReconciliationPages(Reconciliation reconciliation) {
    this.reconciliation = reconciliation;
  }

  @GetMapping("/staff/payments/reconciliation")
  String day(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    model.addAttribute("date", date);
    try {
      model.addAttribute("day", reconciliation.wechat(Actors.require(), date));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      model.addAttribute("problem", e.messageKey());
    }
    return "payment/reconciliation";
  }
}
