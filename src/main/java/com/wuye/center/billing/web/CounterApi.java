package com.wuye.center.billing.web;

import com.wuye.center.billing.Accounts;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.CounterPayment;
import com.wuye.center.billing.OneOffCharges;
import com.wuye.center.billing.Receipts;
import com.wuye.center.billing.Voids;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the counter: accounts, payments, one-off charges, refunds, receipts, voids. */
@RestController
@Tag(name = "Billing 收银")
class CounterApi {

  private final Accounts accounts;
  private final CounterPayment counter;
  private final OneOffCharges charges;
  private final Receipts receipts;
  private final Voids voids;
  private final EstateDirectory estate;

  CounterApi(
      Accounts accounts,
      CounterPayment counter,
      OneOffCharges charges,
      Receipts receipts,
      Voids voids,
      EstateDirectory estate) {
    this.accounts = accounts;
    this.counter = counter;
    this.charges = charges;
    this.receipts = receipts;
    this.voids = voids;
    this.estate = estate;
  }

  record Created(long id) {}

  record Reason(String reason) {}

  record Note(String note) {}

  record Refund(Billing.Channel channel, String reference, String idempotencyKey) {}

  @GetMapping({"/api/v1/billing/units/{unitId}/account", "/api/v1/portal/billing/units/{unitId}"})
  @Operation(summary = "A unit's account: open charges, payments, prepaid balance, arrears")
  Billing.Account account(@PathVariable long unitId) {
    return accounts.account(Actors.require(), unitId);
  }

  @PostMapping("/api/v1/billing/units/{unitId}/payments")
  @Operation(
      summary =
          "Record a counter payment (cashiers only). The same Idempotency-Key (header or body) from"
              + " the same cashier returns the first result: 201 first, 200 on a retry")
  ResponseEntity<CounterPayment.PaymentResult> pay(
      @PathVariable long unitId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody CounterPayment.PayCommand body) {
    CounterPayment.PayCommand cmd =
        key == null
            ? body
            : new CounterPayment.PayCommand(
                body.chargeIds(),
                body.amount(),
                body.channel(),
                body.tendered(),
                body.reference(),
                key,
                body.payerName());
    CounterPayment.PaymentResult r = counter.pay(Actors.require(), unitId, cmd);
    return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
  }

  @PostMapping("/api/v1/billing/units/{unitId}/charges")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Raise a one-off charge at the counter (DEPOSIT or OTHER)")
  Created raise(@PathVariable long unitId, @RequestBody OneOffCharges.NewCharge body) {
    return new Created(charges.raise(Actors.require(), unitId, body));
  }

  @PostMapping("/api/v1/billing/charges/{chargeId}/refund")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Refund a paid deposit: a receipt of its own in the refund series")
  CounterPayment.PaymentResult refund(@PathVariable long chargeId, @RequestBody Refund body) {
    return counter.refundDeposit(
        Actors.require(), chargeId, body.channel(), body.reference(), body.idempotencyKey());
  }

  @GetMapping({"/api/v1/billing/receipts/{id}", "/api/v1/portal/billing/receipts/{id}"})
  Billing.Receipt receipt(@PathVariable long id) {
    return receipts.receipt(Actors.require(), id);
  }

  @PostMapping("/api/v1/billing/receipts/{id}/void-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask to void (红冲) a receipt, with a reason; a supervisor decides")
  Created requestVoid(@PathVariable long id, @RequestBody Reason body) {
    return new Created(voids.request(Actors.require(), id, body.reason()));
  }

  @GetMapping("/api/v1/billing/void-requests")
  List<Billing.VoidRecord> pendingVoids() {
    return voids.pending(Actors.require());
  }

  @PostMapping("/api/v1/billing/void-requests/{id}/approve")
  void approveVoid(@PathVariable long id, @RequestBody(required = false) Note body) {
    voids.approve(Actors.require(), id, body == null ? null : body.note());
  }

  @PostMapping("/api/v1/billing/void-requests/{id}/reject")
  void rejectVoid(@PathVariable long id, @RequestBody(required = false) Note body) {
    voids.reject(Actors.require(), id, body == null ? null : body.note());
  }

  @GetMapping("/api/v1/portal/billing")
  @Operation(summary = "My units' accounts (residents)")
  List<Billing.Account> mine() {
    CurrentUser user = Actors.require();
    return estate.unitsOfResident(user.residentId()).stream()
        .map(u -> accounts.account(user, u.id()))
        .toList();
  }
}
