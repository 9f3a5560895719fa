package com.wuye.center.billing.web;

import com.wuye.center.billing.DayCloseService;
import com.wuye.center.billing.Money;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cashier's day and its close (日清日结); sign-off and reopening by supervisors/managers. */
@Controller
class DayPages {

  private final DayCloseService days;
  private final BillingExcel excel;

  DayPages(DayCloseService days, BillingExcel excel) {
    this.days = days;
    this.excel = excel;
  }

  @GetMapping("/staff/billing/day")
  String day(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    CurrentUser user = Actors.require();
    DayCloseService.Day day = days.day(user, cashier, date);
    model.addAttribute("day", day);
    model.addAttribute("own", user.staffId() != null && user.staffId() == day.cashierId());
    model.addAttribute("canSignOff", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("canReopen", user.has(Role.MANAGER));
    return "billing/day";
  }

  @PostMapping("/staff/billing/day/close")
  String close(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String countedCash,
      @RequestParam(required = false) String explanation,
      @RequestParam(required = false) String bankDeposit,
      @RequestParam(required = false) String depositReference,
      RedirectAttributes redirect) {
    try {
      days.close(
          Actors.require(),
          date,
          new DayCloseService.CloseCommand(
              Money.parse("countedCash", countedCash),
              explanation,
              Money.parse("bankDeposit", bankDeposit),
              depositReference));
      Flash.saved(redirect, "billing.day.closedSaved");
    } catch (DomainException e) {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("countedCash", countedCash);
      typed.put("explanation", explanation);
      typed.put("bankDeposit", bankDeposit);
      typed.put("depositReference", depositReference);
      Flash.error(redirect, e, typed);
    }
    return "redirect:/staff/billing/day" + (date == null ? "" : "?date=" + date);
  }

  @GetMapping("/staff/billing/closes")
  String closes(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("closes", days.closes(user, 14));
    model.addAttribute("canReopen", user.has(Role.MANAGER));
    return "billing/closes";
  }

  @PostMapping("/staff/billing/closes/{id}/sign-off")
  String signOff(@PathVariable long id, RedirectAttributes redirect) {
    try {
      days.signOff(Actors.require(), id);
      Flash.saved(redirect, "billing.day.signedOffSaved");
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of());
    }
    return "redirect:/staff/billing/closes";
  }

  @PostMapping("/staff/billing/closes/{id}/reopen")
  String reopen(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    try {
      days.reopen(Actors.require(), id, reason);
      Flash.saved(redirect, "billing.day.reopenedSaved");
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of("reason", reason == null ? "" : reason));
    }
    return "redirect:/staff/billing/closes";
  }

  @GetMapping("/staff/billing/day.xlsx")
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Locale locale) {
    DayCloseService.Day day = days.day(Actors.require(), cashier, date);
    return BillingExcel.download(
        excel.dayReport(day, locale), "day-" + day.cashierId() + "-" + day.date() + ".xlsx");
  }

  static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(body);
  }
}
