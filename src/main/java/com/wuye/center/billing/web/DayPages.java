package com.wuye.center.billing.web;

import com.wuye.center.billing.DayClose;
import com.wuye.center.billing.DayReports;
import com.wuye.center.billing.Money;
import com.wuye.center.billing.Shifts;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cashier's day and its close (日清日结); sign-off and reopening by supervisors/managers. */
@Controller
class DayPages {

  private final DayClose close;
  private final DayReports reports;
  private final BillingExcel excel;
  private final Shifts shifts;

  DayPages(DayClose close, DayReports reports, BillingExcel excel, Shifts shifts) {
    this.close = close;
    this.reports = reports;
    this.excel = excel;
    this.shifts = shifts;
  }

  /**
   * A hand-over as typed (交班): the cash counted, why it differs, who takes it; named apart from the
   * day close's fields on the same page.
   */
  public record HandOverForm(String shiftCash, String shiftExplanation, Long handedTo) {

    Shifts.HandOver command() {
      return new Shifts.HandOver(Money.parse("countedCash", shiftCash), shiftExplanation, handedTo);
    }
  }

  /** The close as typed: amounts are typed text ("1,280.00"). */
  public record CloseForm(
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      String countedCash,
      String explanation,
      String bankDeposit,
      String depositReference) {

    DayClose.CloseCommand command() {
      return new DayClose.CloseCommand(
          Money.parse("countedCash", countedCash),
          explanation,
          Money.parse("bankDeposit", bankDeposit),
          depositReference);
    }

    String dayPage() {
      return "/staff/billing/day" + (date == null ? "" : "?date=" + date);
    }
  }

  public record ReopenForm(String reason) {}

  @GetMapping("/staff/billing/day")
  String day(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    CurrentUser user = Actors.require();
    DayReports.Day day = reports.day(user, cashier, date);
    model.addAttribute("day", day);
    boolean own = user.staffId() != null && user.staffId() == day.cashierId();
    model.addAttribute("own", own);
    model.addAttribute("takers", own && day.openShift() != null ? shifts.takers(user) : List.of());
    model.addAttribute("online", reports.online(day));
    model.addAttribute("canSignOff", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("canReopen", user.has(Role.MANAGER));
    return "billing/day";
  }

  @PostMapping("/staff/billing/day/close")
  String close(@Valid CloseForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("billing.day.closedSaved")
        .run(form.dayPage(), () -> close.close(Actors.require(), form.date(), form.command()));
  }

  @PostMapping("/staff/billing/shift/hand-over")
  String handOver(@Valid HandOverForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("billing.shift.handedOverSaved")
        .run("/staff/billing/day", () -> shifts.handOver(Actors.require(), form.command()));
  }

  @GetMapping("/staff/billing/closes")
  String closes(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("closes", reports.closes(user, 14));
    model.addAttribute("canReopen", user.has(Role.MANAGER));
    return "billing/closes";
  }

  @PostMapping("/staff/billing/closes/{id}/sign-off")
  String signOff(@PathVariable long id, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("billing.day.signedOffSaved")
        .run("/staff/billing/closes", () -> close.signOff(Actors.require(), id));
  }

  @PostMapping("/staff/billing/closes/{id}/reopen")
  String reopen(
      @PathVariable long id,
      @Valid ReopenForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("billing.day.reopenedSaved")
        .run("/staff/billing/closes", () -> close.reopen(Actors.require(), id, form.reason()));
  }

  @GetMapping("/staff/billing/day.xlsx")
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Locale locale) {
    DayReports.Day day = reports.day(Actors.require(), cashier, date);
    return BillingExcel.download(
        excel.dayReport(day, locale), "day-" + day.cashierId() + "-" + day.date() + ".xlsx");
  }
}
