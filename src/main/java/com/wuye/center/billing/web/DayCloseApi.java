package com.wuye.center.billing.web;

import com.wuye.center.billing.DayClose;
import com.wuye.center.billing.DayReports;
import com.wuye.center.billing.Shifts;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the cashier's day (日清日结): the day, its close, sign-off and reopening. */
@RestController
@Tag(name = "Billing 收银")
class DayCloseApi {

  private final DayClose close;
  private final DayReports reports;
  private final Shifts shifts;

  DayCloseApi(DayClose close, DayReports reports, Shifts shifts) {
    this.close = close;
    this.reports = reports;
    this.shifts = shifts;
  }

  record Reason(String reason) {}

  @GetMapping("/api/v1/billing/day")
  @Operation(summary = "A cashier's day: totals per channel, payments, the close")
  DayReports.Day day(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) LocalDate date) {
    return reports.day(Actors.require(), cashier, date);
  }

  @PostMapping("/api/v1/billing/day/close")
  @Operation(summary = "Close my day: cash counted, difference explained, bank deposit")
  DayReports.Day close(
      @RequestParam(required = false) LocalDate date, @RequestBody DayClose.CloseCommand body) {
    return close.close(Actors.require(), date, body);
  }

  @PostMapping("/api/v1/billing/shift/hand-over")
  @Operation(
      summary =
          "Hand over my open shift (交班): cash counted, difference explained, handed to a colleague;"
              + " the next payment opens the next shift")
  Shifts.ShiftLine handOver(@RequestBody Shifts.HandOver body) {
    return shifts.handOver(Actors.require(), body);
  }

  @PostMapping("/api/v1/billing/day-closes/{id}/sign-off")
  void signOff(@PathVariable long id) {
    close.signOff(Actors.require(), id);
  }

  @PostMapping("/api/v1/billing/day-closes/{id}/reopen")
  @Operation(summary = "Reopen a closed day (managers only; the reason is recorded)")
  void reopen(@PathVariable long id, @RequestBody Reason body) {
    close.reopen(Actors.require(), id, body.reason());
  }
}
