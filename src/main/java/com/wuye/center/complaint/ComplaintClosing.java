package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-C3 "向业户道谢，感谢支持与理解": a complaint closes with the thanks recorded, once all eight steps are
 * (step 8 possibly waived) — resolved, or, for a misunderstanding (CS-C2), clarified with the
 * explanation given or referred to an outside body with its contact, the resident told. The
 * commitment clock is settled, a resident who filed from the portal is told, and {@link
 * ComplaintClosed} goes out for the reports.
 */
@Service
@Transactional
public class ComplaintClosing {

  /** The closing as entered (CS-C2, CS-C3). */
  public record CloseInput(
      Outcome outcome,
      String explanation,
      String referralBody,
      String referralContact,
      Boolean residentTold,
      String thanks,
      Integer version) {}

  private final ComplaintStore store;
  private final Commitment commitment;
  private final Notifications notifications;
  private final Clock clock;

  ComplaintClosing(
      ComplaintStore store, Commitment commitment, Notifications notifications, Clock clock) {
    this.store = store;
    this.commitment = commitment;
    this.notifications = notifications;
    this.clock = clock;
  }

  public void close(CurrentUser user, long id, CloseInput in) {
    Complaint c = store.forChange(user, id);
    c.requireVersion(in.version());
    Instant now = clock.instant();
    Boolean met = commitment.settle(id);
    c.close(
        new Complaint.Closing(
            in.outcome(),
            in.explanation(),
            in.referralBody(),
            in.referralContact(),
            Boolean.TRUE.equals(in.residentTold()),
            in.thanks()),
        user.staffId(),
        now,
        met);
    store.save(c, user);
    Complaint.Closing k = c.closing();
    // the outcome is shown by its label in the closing section; the timeline says what was done
    store.timeline(id, "CLOSED", summary(k), user, now);
    store.audit(id, "CLOSED", Map.of("status", "OPEN"), audited(k));
    if (c.filedByResidentId() != null) {
      notifications.notifyResident(
          c.filedByResidentId(),
          Notifications.Message.of(
                  "complaint.notify.closed", "/portal/complaints/" + id, c.number())
              .from(Complaint.SUBJECT, id));
    }
  }

  private static String summary(Complaint.Closing k) {
    return switch (k.outcome()) {
      case RESOLVED -> k.thanks();
      case CLARIFIED -> k.explanation();
      case REFERRED -> k.referralBody() + "（" + k.referralContact() + "）";
    };
  }

  private static Map<String, Object> audited(Complaint.Closing k) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", "CLOSED");
    after.put("outcome", k.outcome().name());
    after.put("thanks", k.thanks());
    if (k.explanation() != null) {
      after.put("explanation", k.explanation());
    }
    if (k.referralBody() != null) {
      after.put("referralBody", k.referralBody());
      after.put("referralContact", k.referralContact());
      after.put("residentTold", k.residentTold());
    }
    return after;
  }
}
