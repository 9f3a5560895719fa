package com.wuye.center.convenience;

import com.wuye.center.convenience.ServiceOrder.Channel;
import com.wuye.center.convenience.ServiceOrder.Status;
import java.math.BigDecimal;
import java.time.Instant;

/** A line of an order list; {@code overdue} when the time promise is breached. */
public record OrderRow(
    long id,
    String number,
    String unitCode,
    String serviceName,
    Instant wantedAt,
    Status status,
    Channel channel,
    String contactName,
    String assigneeName,
    BigDecimal chargeAmount,
    Integer rating,
    Instant dueAt,
    boolean overdue) {}
