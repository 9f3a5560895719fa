package com.wuye.center.convenience.web;

import com.wuye.center.convenience.OrderDetails;
import com.wuye.center.convenience.OrderQueries;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.TimelineEntry;
import com.wuye.center.shared.Actors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An order in the JSON API. There is no tip in it (CS-S2): {@code noTips} is the notice that staff
 * accept none, {@code tipAsked} the resident's answer (shown to the resident and managers only).
 */
record OrderView(
    long id,
    String number,
    ServiceOrder.Status status,
    String community,
    String unitCode,
    long serviceId,
    String service,
    BigDecimal unitPrice,
    String priceUnit,
    BigDecimal quantity,
    BigDecimal estimatedAmount,
    BigDecimal chargeAmount,
    int promiseMinutes,
    boolean noisy,
    ServiceOrder.Channel channel,
    String contactName,
    String contactPhone,
    Instant wantedAt,
    String note,
    String assignee,
    Instant assignedAt,
    Instant completedAt,
    String completedBy,
    String workNote,
    Instant dueAt,
    boolean promiseBreached,
    Instant confirmedAt,
    Integer rating,
    String comment,
    Boolean tipAsked,
    Long integrityCaseId,
    String noTips,
    List<TimelineEntry> timeline) {

  /** The order with the notice that staff accept no tips, in the user's language. */
  static OrderView of(OrderDetails d, MessageSource messages) {
    return of(
        d,
        messages.getMessage(
            "convenience.noTips", null, "convenience.noTips", LocaleContextHolder.getLocale()));
  }

  static OrderView of(OrderDetails d, String noTips) {
    ServiceOrder o = d.order();
    return new OrderView(
        o.id(),
        o.number(),
        o.status(),
        d.unit().communityName(),
        d.unit().code(),
        o.listing().serviceId(),
        o.listing().serviceName(),
        o.listing().unitPrice(),
        o.listing().priceUnit(),
        o.quantity(),
        o.estimatedAmount(),
        o.chargeAmount(),
        o.listing().promiseMinutes(),
        o.listing().noisy(),
        o.channel(),
        o.contactName(),
        Actors.current().map(u -> OrderQueries.contactPhone(u, o)).orElse(o.contactPhone()),
        o.wantedAt(),
        o.note(),
        d.assigneeName(),
        o.assignedAt(),
        o.completedAt(),
        d.completedByName(),
        o.workNote(),
        d.clock() == null ? null : d.clock().dueAt(),
        d.clock() != null && d.clock().breached(),
        o.confirmedAt(),
        o.rating(),
        o.comment(),
        d.tipAsked(),
        d.integrityCaseId(),
        noTips,
        d.timeline());
  }
}
