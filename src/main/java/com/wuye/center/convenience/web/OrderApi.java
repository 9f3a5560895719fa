package com.wuye.center.convenience.web;

import com.wuye.center.convenience.OrderFulfilment;
import com.wuye.center.convenience.OrderQueries;
import com.wuye.center.convenience.OrderRow;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.ServiceOrdering;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff JSON API of convenience orders: record a call, assign, done, cancel. */
@RestController
@Tag(name = "Convenience 便民服务")
class OrderApi {

  private final ServiceOrdering ordering;
  private final OrderFulfilment fulfilment;
  private final OrderQueries queries;
  private final MessageSource messages;

  OrderApi(
      ServiceOrdering ordering,
      OrderFulfilment fulfilment,
      OrderQueries queries,
      MessageSource messages) {
    this.ordering = ordering;
    this.fulfilment = fulfilment;
    this.queries = queries;
    this.messages = messages;
  }

  record OrderCreated(long id, String number) {}

  record Assign(Long staffId) {}

  /** Named apart from the repair completion: the API document would show one for both. */
  @Schema(name = "ServiceOrderCompletion")
  record Complete(BigDecimal quantity, String workNote, Boolean early) {}

  record Cancel(String reason) {}

  @GetMapping("/api/v1/convenience/orders")
  @Operation(summary = "A community's orders, newest first")
  Paged<OrderRow> orders(
      @RequestParam long communityId,
      @RequestParam(required = false) ServiceOrder.Status status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    return queries.list(Actors.require(), communityId, status, b[0], b[1]);
  }

  @PostMapping("/api/v1/convenience/orders")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Record a call (CS-S3): unit, caller's name and phone, service, time wanted, listed price")
  OrderCreated place(@RequestBody ServiceOrdering.NewOrder body) {
    CurrentUser user = Actors.require();
    long id = ordering.place(user, body);
    return new OrderCreated(id, queries.details(user, id).order().number());
  }

  @GetMapping("/api/v1/convenience/orders/{id}")
  OrderView order(@PathVariable long id) {
    return OrderView.of(queries.details(Actors.require(), id), messages);
  }

  @PostMapping("/api/v1/convenience/orders/{id}/assign")
  OrderView assign(@PathVariable long id, @RequestBody Assign body) {
    fulfilment.assign(Actors.require(), id, body.staffId());
    return order(id);
  }

  @PostMapping("/api/v1/convenience/orders/{id}/complete")
  @Operation(
      summary =
          "Mark done (once); a paid service's charge goes to the unit's bill; before the booked day only with early=true")
  OrderView complete(@PathVariable long id, @RequestBody(required = false) Complete body) {
    Complete c = body == null ? new Complete(null, null, null) : body;
    fulfilment.complete(
        Actors.require(), id, c.quantity(), c.workNote(), Boolean.TRUE.equals(c.early()));
    return order(id);
  }

  @PostMapping("/api/v1/convenience/orders/{id}/cancel")
  OrderView cancel(@PathVariable long id, @RequestBody Cancel body) {
    ordering.cancel(Actors.require(), id, body.reason());
    return order(id);
  }
}
