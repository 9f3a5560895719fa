package com.wuye.center.keycustody;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The resident whose keys were collected is told at once who collected them, how many and when (a
 * portal notification, whatever their preferences: the owner must know who has their keys). Sent
 * after the pickup committed; a resident without a portal login gets nothing here.
 */
@Component
class PickupNotice {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final Notifications notifications;

  PickupNotice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener
  void on(KeyHandedOut e) {
    notifications.notifyResident(
        e.depositorResidentId(),
        Notifications.Message.of(
                "keycustody.notify.handedOut",
                "/portal/keycustody",
                e.referenceNo(),
                e.collectorName(),
                e.keyCodes().size(),
                TIME.format(e.occurredAt()))
            .from(CustodyChain.AUDIT_ENTRUSTMENT, e.entrustmentId()));
  }
}
