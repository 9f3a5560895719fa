package com.wuye.center.billing.web;

import com.wuye.center.billing.Accounts;
import com.wuye.center.billing.Arrears;
import com.wuye.center.billing.Receipts;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Residents see their bills, payments and receipts, and the arrears reminders sent to them. */
@Controller
class BillingPortalPages {

  private final Accounts accounts;
  private final Receipts receipts;
  private final Arrears arrears;
  private final EstateDirectory estate;

  BillingPortalPages(
      Accounts accounts, Receipts receipts, Arrears arrears, EstateDirectory estate) {
    this.accounts = accounts;
    this.receipts = receipts;
    this.arrears = arrears;
    this.estate = estate;
  }

  record UnitBilling(
      Estate.Unit unit,
      com.wuye.center.billing.Billing.Account account,
      List<com.wuye.center.billing.Billing.Reminder> reminders) {}

  @GetMapping("/portal/billing")
  String portal(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute(
        "units",
        estate.unitsOfResident(user.residentId()).stream()
            .map(
                u ->
                    new UnitBilling(
                        u, accounts.account(user, u.id()), arrears.reminders(user, u.id())))
            .toList());
    return "billing/portal";
  }

  @GetMapping("/portal/billing/receipts/{id}")
  String receipt(@PathVariable long id, Model model) {
    model.addAttribute("receipt", receipts.receipt(Actors.require(), id));
    model.addAttribute("narrow", false);
    model.addAttribute("copy", 0);
    model.addAttribute("portal", true);
    return "billing/receipt-print";
  }

  @GetMapping("/portal/billing/reminders/{id}")
  String reminder(@PathVariable long id, Model model) {
    model.addAttribute("reminder", arrears.reminder(Actors.require(), id));
    model.addAttribute("portal", true);
    return "billing/reminder";
  }
}
