package com.wuye.center.messaging;

import com.wuye.center.announcement.AnnouncementPublished;
import com.wuye.center.announcement.AnnouncementWithdrawn;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An approved announcement goes to every resident of its buildings on their channels, held until it
 * starts (and, not being urgent, until their quiet hours end); recorded in the approval's
 * transaction. Withdrawn before it went out, what is still pending is cancelled.
 */
@Component
class AnnouncementMessages {

  static final String WITHDRAWN = "ANNOUNCEMENT_WITHDRAWN";

  private final Outbox outbox;
  private final EstateDirectory estate;

  AnnouncementMessages(Outbox outbox, EstateDirectory estate) {
    this.outbox = outbox;
    this.estate = estate;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(AnnouncementPublished e) {
    outbox.record(
        MessageRequest.of(
                MessageKind.ANNOUNCEMENT,
                "announcement:" + e.announcementId() + ":published",
                e.communityId())
            .about("announcement", e.announcementId())
            .to(
                estate.currentOccupantsOfBuildings(e.communityId(), e.buildingIds()).stream()
                    .map(
                        o ->
                            Recipient.resident(o.residentId(), o.residentName(), o.residentPhone()))
                    .toList())
            .arg(
                "community",
                estate.community(e.communityId()).map(Estate.Community::name).orElse(""))
            .label("category", "announcement.category." + e.category().name())
            .arg("title", e.title())
            .arg("startsAt", e.startsAt())
            .arg("endsAt", e.endsAt())
            .notBefore(e.startsAt())
            .link("/portal/announcements/" + e.announcementId()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(AnnouncementWithdrawn e) {
    outbox.cancelPending("announcement", String.valueOf(e.announcementId()), WITHDRAWN);
  }
}
