package com.wuye.center.inquiry;

import com.wuye.center.inquiry.internal.InquiryRepository;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-Q1 the written reply reaches the resident: how the reply letter was delivered (handed over,
 * put in the mailbox, posted, or through the portal) and on which day, recorded once for an
 * answered written consultation.
 */
@Service
@Transactional
public class ReplyDelivery {

  public enum Method {
    HANDED_OVER,
    MAILBOX,
    POST,
    PORTAL
  }

  /** How and when the reply letter went out, and who recorded it. */
  public record Delivery(Method method, LocalDate deliveredOn, String actorName, Instant at) {}

  private final InquiryStore store;
  private final InquiryRepository repository;
  private final Clock clock;

  ReplyDelivery(InquiryStore store, InquiryRepository repository, Clock clock) {
    this.store = store;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Records the delivery: only for a written consultation that is answered; the day not in the
   * future; once (a second record is a conflict, 409).
   */
  public void record(CurrentUser user, long id, Method method, LocalDate deliveredOn) {
    Inquiry q = store.forChange(user, id, null);
    if (q.kind() != Inquiry.Kind.WRITTEN) {
      throw DomainException.rule("inquiry.error.letterWrittenOnly");
    }
    if (q.status() != Inquiry.Status.ANSWERED) {
      throw DomainException.rule("inquiry.error.noReplyYet");
    }
    if (method == null) {
      throw DomainException.invalid("method", "inquiry.error.deliveryMethodRequired");
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    LocalDate day = deliveredOn == null ? today : deliveredOn;
    if (day.isAfter(today)) {
      throw DomainException.invalid("deliveredOn", "inquiry.error.deliveryDateFuture");
    }
    if (repository.delivery(id).isPresent()) {
      throw DomainException.conflict("inquiry.error.deliveryRecorded");
    }
    repository.insertDelivery(id, method.name(), day, user.staffId(), user.displayName(), now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("method", method.name());
    after.put("deliveredOn", day.toString());
    store.audit(id, "REPLY_DELIVERED", null, after);
  }
}
