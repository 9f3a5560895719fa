package com.wuye.center.convenience.web;

import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.ServiceOrdering;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** An order as typed: by staff recording a call, or by a resident in the portal. */
public record OrderForm(
    Long serviceId,
    Long unitId,
    String unitCode,
    String contactName,
    String contactPhone,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime wantedAt,
    BigDecimal quantity,
    BigDecimal price,
    ServiceOrder.Channel channel,
    String note) {

  ServiceOrdering.NewOrder order() {
    return new ServiceOrdering.NewOrder(
        serviceId,
        unitId,
        unitCode,
        contactName,
        contactPhone,
        wantedAt,
        quantity,
        price,
        channel,
        note);
  }

  /**
   * The listed price of the chosen service, filled in when no price was typed (staff read it out to
   * the caller; a resident orders at the price shown).
   */
  static void listedPrice(Map<String, Object> typed, List<Offering> offered) {
    Object id = typed.get("serviceId");
    Object price = typed.get("price");
    if (id == null || (price != null && !price.toString().isBlank())) {
      return;
    }
    offered.stream()
        .filter(o -> String.valueOf(o.id()).equals(id.toString()) && o.paid())
        .findFirst()
        .ifPresent(o -> typed.put("price", o.price().toPlainString()));
  }
}
