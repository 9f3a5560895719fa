package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderQueries;
import com.wuye.center.convenience.OrderRow;
import com.wuye.center.convenience.ResidentConfirmation;
import com.wuye.center.convenience.ServiceOrdering;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The resident's JSON API of convenience services. */
@RestController
@Tag(name = "Portal · Convenience 便民服务（业户）")
class PortalConvenienceApi {

  private final CatalogService catalog;
  private final ServiceOrdering ordering;
  private final ResidentConfirmation confirmation;
  private final OrderQueries queries;
  private final MessageSource messages;

  PortalConvenienceApi(
      CatalogService catalog,
      ServiceOrdering ordering,
      ResidentConfirmation confirmation,
      OrderQueries queries,
      MessageSource messages) {
    this.catalog = catalog;
    this.ordering = ordering;
    this.confirmation = confirmation;
    this.queries = queries;
    this.messages = messages;
  }

  record CommunityCatalog(long communityId, String community, List<Offering> services) {}

  record Cancel(String reason) {}

  @GetMapping("/api/v1/portal/convenience/services")
  @Operation(summary = "The services offered where I live")
  List<CommunityCatalog> services() {
    return catalog.forResident(Actors.require()).entrySet().stream()
        .map(
            e ->
                new CommunityCatalog(e.getKey().id(), e.getKey().name(), List.copyOf(e.getValue())))
        .toList();
  }

  @PostMapping("/api/v1/portal/convenience/orders")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Order a service for my unit, at its listed price")
  OrderApi.OrderCreated place(@RequestBody ServiceOrdering.NewOrder body) {
    CurrentUser user = Actors.require();
    long id = ordering.place(user, body);
    return new OrderApi.OrderCreated(id, queries.details(user, id).order().number());
  }

  @GetMapping("/api/v1/portal/convenience/orders")
  List<OrderRow> mine() {
    return queries.ofResident(Actors.require());
  }

  @GetMapping("/api/v1/portal/convenience/orders/{id}")
  OrderView order(@PathVariable long id) {
    return OrderView.of(queries.details(Actors.require(), id), messages);
  }

  @PostMapping("/api/v1/portal/convenience/orders/{id}/confirm")
  @Operation(
      summary =
          "Confirm and rate a done service; say whether a tip was asked for (a yes goes to the manager)")
  OrderView confirm(@PathVariable long id, @RequestBody ResidentConfirmation.Confirmation body) {
    confirmation.confirm(Actors.require(), id, body);
    return order(id);
  }

  @PostMapping("/api/v1/portal/convenience/orders/{id}/cancel")
  OrderView cancel(@PathVariable long id, @RequestBody Cancel body) {
    ordering.cancel(Actors.require(), id, body.reason());
    return order(id);
  }
}
