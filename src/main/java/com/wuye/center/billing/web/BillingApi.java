package com.wuye.center.billing.web;

import com.wuye.center.billing.ArrearsService;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.BillingService;
import com.wuye.center.billing.CashierService;
import com.wuye.center.billing.DayCloseService;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the cashier: accounts, payments, receipts, voids, the daily close, arrears. */
@RestController
@Tag(name = "Billing 收银")
class BillingApi {

  private final CashierService cashier;
  private final BillingService billing;
  private final DayCloseService days;
  private final ArrearsService arrears;
  private final EstateDirectory estate;
  private final com.wuye.center.billing.ReadingImport readingImport;

  BillingApi(
      com.wuye.center.billing.ReadingImport readingImport,
      CashierService cashier,
      BillingService billing,
      DayCloseService days,
      ArrearsService arrears,
      EstateDirectory estate) {
    this.readingImport = readingImport;
    this.cashier = cashier;
    this.billing = billing;
    this.days = days;
    this.arrears = arrears;
    this.estate = estate;
  }

  record Created(long id) {}

  record Reason(String reason) {}

  record Note(String note) {}

  record Rate(Billing.Item item, BigDecimal unitPrice, LocalDate validFrom) {}

  record Run(String period) {}

  record Refund(Billing.Channel channel, String reference, String idempotencyKey) {}

  record Remind(List<Long> unitIds) {}

  @GetMapping({"/api/v1/billing/units/{unitId}/account", "/api/v1/portal/billing/units/{unitId}"})
  @Operation(summary = "A unit's account: open charges, payments, prepaid balance, arrears")
  Billing.Account account(@PathVariable long unitId) {
    return cashier.account(Actors.require(), unitId);
  }

  @PostMapping("/api/v1/billing/units/{unitId}/payments")
  @Operation(
      summary =
          "Record a counter payment (cashiers only). The same Idempotency-Key (header or body) from"
              + " the same cashier returns the first result: 201 first, 200 on a retry")
  ResponseEntity<CashierService.PaymentResult> pay(
      @PathVariable long unitId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody CashierService.PayCommand body) {
    CashierService.PayCommand cmd =
        key == null
            ? body
            : new CashierService.PayCommand(
                body.chargeIds(),
                body.amount(),
                body.channel(),
                body.tendered(),
                body.reference(),
                key,
                body.payerName());
    CashierService.PaymentResult r = cashier.pay(Actors.require(), unitId, cmd);
    return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
  }

  @PostMapping("/api/v1/billing/units/{unitId}/charges")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Raise a one-off charge at the counter (DEPOSIT or OTHER)")
  Created raise(@PathVariable long unitId, @RequestBody BillingService.NewCharge body) {
    return new Created(billing.raiseCharge(Actors.require(), unitId, body));
  }

  @PostMapping("/api/v1/billing/charges/{chargeId}/refund")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Refund a paid deposit: a receipt of its own in the refund series")
  CashierService.PaymentResult refund(@PathVariable long chargeId, @RequestBody Refund body) {
    return cashier.refundDeposit(
        Actors.require(), chargeId, body.channel(), body.reference(), body.idempotencyKey());
  }

  @GetMapping({"/api/v1/billing/receipts/{id}", "/api/v1/portal/billing/receipts/{id}"})
  Billing.Receipt receipt(@PathVariable long id) {
    return cashier.receipt(Actors.require(), id);
  }

  @PostMapping("/api/v1/billing/receipts/{id}/void-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask to void (红冲) a receipt, with a reason; a supervisor decides")
  Created requestVoid(@PathVariable long id, @RequestBody Reason body) {
    return new Created(cashier.requestVoid(Actors.require(), id, body.reason()));
  }

  @GetMapping("/api/v1/billing/void-requests")
  List<Billing.VoidRecord> pendingVoids() {
    return cashier.pendingVoids(Actors.require());
  }

  @PostMapping("/api/v1/billing/void-requests/{id}/approve")
  void approveVoid(@PathVariable long id, @RequestBody(required = false) Note body) {
    cashier.approveVoid(Actors.require(), id, body == null ? null : body.note());
  }

  @PostMapping("/api/v1/billing/void-requests/{id}/reject")
  void rejectVoid(@PathVariable long id, @RequestBody(required = false) Note body) {
    cashier.rejectVoid(Actors.require(), id, body == null ? null : body.note());
  }

  @GetMapping("/api/v1/billing/day")
  @Operation(summary = "A cashier's day: totals per channel, payments, the close")
  DayCloseService.Day day(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) LocalDate date) {
    return days.day(Actors.require(), cashier, date);
  }

  @PostMapping("/api/v1/billing/day/close")
  @Operation(summary = "Close my day: cash counted, difference explained, bank deposit")
  DayCloseService.Day close(
      @RequestParam(required = false) LocalDate date,
      @RequestBody DayCloseService.CloseCommand body) {
    return days.close(Actors.require(), date, body);
  }

  @PostMapping("/api/v1/billing/day-closes/{id}/sign-off")
  void signOff(@PathVariable long id) {
    days.signOff(Actors.require(), id);
  }

  @PostMapping("/api/v1/billing/day-closes/{id}/reopen")
  @Operation(summary = "Reopen a closed day (managers only; the reason is recorded)")
  void reopen(@PathVariable long id, @RequestBody Reason body) {
    days.reopen(Actors.require(), id, body.reason());
  }

  @PostMapping("/api/v1/billing/communities/{id}/rates")
  @ResponseStatus(HttpStatus.CREATED)
  Created rate(@PathVariable long id, @RequestBody Rate body) {
    return new Created(
        billing.setRate(Actors.require(), id, body.item(), body.unitPrice(), body.validFrom()));
  }

  @PostMapping("/api/v1/billing/communities/{id}/runs")
  @Operation(summary = "Billing run for a period (YYYY-MM); a second run creates nothing new")
  BillingService.RunResult run(@PathVariable long id, @RequestBody Run body) {
    return billing.run(Actors.require(), id, body.period());
  }

  @PostMapping("/api/v1/billing/units/{unitId}/readings")
  @ResponseStatus(HttpStatus.CREATED)
  Created reading(@PathVariable long unitId, @RequestBody BillingService.NewReading body) {
    return new Created(billing.recordReading(Actors.require(), unitId, body));
  }

  @PostMapping(
      value = "/api/v1/billing/communities/{id}/readings/import",
      consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import meter readings from .xlsx, all or nothing; report per row")
  com.wuye.center.billing.ReadingImport.Report importReadings(
      @PathVariable long id,
      @RequestParam("file") org.springframework.web.multipart.MultipartFile file)
      throws java.io.IOException {
    return readingImport.importXlsx(Actors.require(), id, file.getInputStream());
  }

  @PostMapping("/api/v1/billing/units/{unitId}/parking")
  @ResponseStatus(HttpStatus.CREATED)
  Created parking(
      @PathVariable long unitId,
      @RequestParam String spaceCode,
      @RequestParam LocalDate starts,
      @RequestParam(required = false) LocalDate ends) {
    return new Created(billing.addParkingSpace(Actors.require(), unitId, spaceCode, starts, ends));
  }

  @GetMapping("/api/v1/billing/communities/{id}/arrears")
  @Operation(summary = "Arrears per unit and period, aged ≤30 / 31–90 / 90+ days")
  List<ArrearsService.UnitArrears> arrears(
      @PathVariable long id, @RequestParam(required = false) String q) {
    return arrears.arrears(Actors.require(), id, q);
  }

  @PostMapping("/api/v1/billing/communities/{id}/reminders")
  @ResponseStatus(HttpStatus.CREATED)
  List<Long> remind(@PathVariable long id, @RequestBody(required = false) Remind body) {
    return arrears.remind(Actors.require(), id, body == null ? null : body.unitIds());
  }

  @GetMapping("/api/v1/billing/communities/{id}/collection-rate")
  @Operation(summary = "收缴率 per month: collected ÷ billed")
  List<ArrearsService.CollectionRate> collection(
      @PathVariable long id, @RequestParam(required = false) String to) {
    return arrears.collectionRate(Actors.require(), id, to, 12);
  }

  @GetMapping("/api/v1/portal/billing")
  @Operation(summary = "My units' accounts (residents)")
  List<Billing.Account> mine() {
    CurrentUser user = Actors.require();
    return estate.unitsOfResident(user.residentId()).stream()
        .map(u -> cashier.account(user, u.id()))
        .toList();
  }
}
