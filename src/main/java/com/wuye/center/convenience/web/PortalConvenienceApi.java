package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.ConvenienceOrders;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderRow;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
  private final ConvenienceOrders orders;
  private final MessageSource messages;

  PortalConvenienceApi(CatalogService catalog, ConvenienceOrders orders, MessageSource messages) {
    this.catalog = catalog;
    this.orders = orders;
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
  ConvenienceApi.OrderCreated place(@RequestBody ConvenienceOrders.NewOrder body) {
    CurrentUser user = Actors.require();
    long id = orders.place(user, body);
    return new ConvenienceApi.OrderCreated(id, orders.details(user, id).order().number());
  }

  @GetMapping("/api/v1/portal/convenience/orders")
  List<OrderRow> mine() {
    return orders.ofResident(Actors.require());
  }

  @GetMapping("/api/v1/portal/convenience/orders/{id}")
  OrderView order(@PathVariable long id) {
    return OrderView.of(
        orders.details(Actors.require(), id),
        messages.getMessage(
            "convenience.noTips", null, "convenience.noTips", LocaleContextHolder.getLocale()));
  }

  @PostMapping("/api/v1/portal/convenience/orders/{id}/confirm")
  @Operation(
      summary =
          "Confirm and rate a done service; say whether a tip was asked for (a yes goes to the manager)")
  OrderView confirm(@PathVariable long id, @RequestBody ConvenienceOrders.Confirmation body) {
    orders.confirm(Actors.require(), id, body);
    return order(id);
  }

  @PostMapping("/api/v1/portal/convenience/orders/{id}/cancel")
  OrderView cancel(@PathVariable long id, @RequestBody Cancel body) {
    orders.cancel(Actors.require(), id, body.reason());
    return order(id);
  }
}
