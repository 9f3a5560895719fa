package com.wuye.center.billing.web;

import com.wuye.center.billing.Billing;
import com.wuye.center.billing.BillingRuns;
import com.wuye.center.billing.Money;
import com.wuye.center.billing.Rates;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing setup of a community: rates and the monthly billing run (meter readings: ReadingPages).
 */
@Controller
class SetupPages {

  private final Rates rates;
  private final BillingRuns runs;
  private final EstateDirectory estate;
  private final Clock clock;

  SetupPages(Rates rates, BillingRuns runs, EstateDirectory estate, Clock clock) {
    this.rates = rates;
    this.runs = runs;
    this.estate = estate;
    this.clock = clock;
  }

  public record RateForm(
      Billing.Item item,
      String unitPrice,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {}

  public record RunForm(String period) {}

  static String setup(long community) {
    return "/staff/billing/setup?community=" + community;
  }

  @GetMapping("/staff/billing/setup")
  String setup(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    long c = CommunityChoice.choose(estate, user, community, model);
    model.addAttribute("rates", rates.rates(user, c));
    model.addAttribute("thisMonth", YearMonth.now(clock).toString());
    model.addAttribute("canRun", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    model.addAttribute("canRate", user.hasAny(Role.MANAGER, Role.ADMIN));
    boolean setsUp = user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CASHIER);
    model.addAttribute("titleKey", setsUp ? "billing.nav.setup" : "billing.nav.readings");
    return "billing/setup";
  }

  @PostMapping("/staff/billing/setup/rates")
  String rate(
      @RequestParam long community,
      @Valid RateForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            setup(community),
            () ->
                rates.setRate(
                    Actors.require(),
                    community,
                    form.item(),
                    Money.parse("unitPrice", form.unitPrice()),
                    form.validFrom()));
  }

  @PostMapping("/staff/billing/setup/run")
  String run(
      @RequestParam long community,
      @Valid RunForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(setup(community))
        .saved(null)
        .run(() -> ran(runs.run(Actors.require(), community, form.period()), redirect, community));
  }

  private static String ran(BillingRuns.RunResult r, RedirectAttributes redirect, long community) {
    FormSubmission.saved(redirect, "billing.run.done", r.period(), r.billsCreated(), r.total());
    return setup(community);
  }
}
