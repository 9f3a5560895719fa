package com.wuye.center.inquiry;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.Inquiry.Channel;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations come in: staff register a written (letter) or oral (phone, visit) one with a
 * number, the question as asked; a resident asks in writing from the portal about one of their
 * units (never with staff-only content, CS-Q4). A written one is then answered within two days
 * ({@link WrittenConsultations}, CS-Q1).
 */
@Service
@Transactional
public class InquiryIntake {

  /** Registration by staff: the unit by id, or community + code; or no unit (then community). */
  public record NewInquiry(
      Long communityId,
      Long unitId,
      String unitCode,
      Channel channel,
      String askerName,
      String contactPhone,
      String question,
      LocalDate letterReceivedOn) {}

  /**
   * A resident's question from the portal. {@code internalNote} and {@code confidential} exist only
   * to be refused: residents cannot write staff-only content (CS-Q4).
   */
  public record Ask(
      Long unitId,
      String question,
      String contactPhone,
      String internalNote,
      Boolean confidential) {}

  private final InquiryStore store;
  private final EstateDirectory estate;
  private final NumberSeries numbers;
  private final Notifications notifications;
  private final WrittenConsultations written;
  private final Clock clock;

  InquiryIntake(
      InquiryStore store,
      EstateDirectory estate,
      NumberSeries numbers,
      Notifications notifications,
      WrittenConsultations written,
      Clock clock) {
    this.store = store;
    this.estate = estate;
    this.numbers = numbers;
    this.notifications = notifications;
    this.written = written;
    this.clock = clock;
  }

  /** Staff register a written (letter) or oral (phone, visit) consultation. */
  public long register(CurrentUser user, NewInquiry in) {
    user.require(InquiryStore.HANDLERS);
    if (in.channel() == Channel.PORTAL) {
      throw DomainException.invalid("channel", "inquiry.error.portalIsForResidents");
    }
    Estate.Unit unit = unitOf(user, in);
    long communityId = unit != null ? unit.communityId() : communityOf(user, in.communityId());
    String label = unit != null ? unit.label() : communityName(communityId);
    String phone =
        in.contactPhone() == null || in.contactPhone().isBlank()
            ? null
            : PhoneNumber.of("contactPhone", in.contactPhone()).value();
    Instant now = clock.instant();
    LetterArrival arrival = LetterArrival.of(in.channel(), in.letterReceivedOn(), now);
    Inquiry q =
        Inquiry.register(
            nextNumber(now),
            in.channel(),
            communityId,
            unit == null ? null : unit.id(),
            in.askerName(),
            phone,
            in.question(),
            now,
            user.staffId(),
            null);
    long id = store.add(q, label, arrival.day());
    registered(id, q, label, user.actorRef(), user.displayName(), user.staffId(), arrival);
    return id;
  }

  /** A resident asks in writing from the portal; the two-day reply clock starts. */
  public long ask(CurrentUser user, Ask in) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    if (in.internalNote() != null) {
      throw DomainException.invalid("internalNote", "inquiry.error.residentNoInternal");
    }
    if (in.confidential() != null) {
      throw DomainException.invalid("confidential", "inquiry.error.residentNoInternal");
    }
    if (in.unitId() == null) {
      throw DomainException.invalid("unitId", "error.required");
    }
    Estate.Unit unit = estate.unitFor(user, in.unitId());
    Estate.Resident me =
        estate
            .resident(user.residentId())
            .orElseThrow(() -> DomainException.notFound("error.resident.notFound"));
    String phone =
        in.contactPhone() == null || in.contactPhone().isBlank()
            ? me.phone()
            : PhoneNumber.of("contactPhone", in.contactPhone()).value();
    Instant now = clock.instant();
    Inquiry q =
        Inquiry.register(
            nextNumber(now),
            Channel.PORTAL,
            unit.communityId(),
            unit.id(),
            me.name(),
            phone,
            in.question(),
            now,
            null,
            user.residentId());
    long id = store.add(q, unit.label());
    registered(id, q, unit.label(), user.actorRef(), me.name(), null, null);
    notifications.notifyRole(
        unit.communityId(),
        Role.CUSTOMER_SERVICE,
        Notifications.Message.of(
                "inquiry.notify.new", InquiryStore.link(id), q.number(), unit.label())
            .from(Inquiry.SUBJECT, id));
    return id;
  }

  private void registered(
      long id,
      Inquiry q,
      String label,
      String actor,
      String actorName,
      Long assignee,
      LetterArrival arrival) {
    store.timeline(id, "REGISTERED", null, actor, actorName, q.receivedAt());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("number", q.number());
    after.put("kind", q.kind().name());
    after.put("channel", q.channel().name());
    after.put("unit", label);
    after.put("askerName", q.askerName());
    after.put("contactPhone", q.contactPhone());
    after.put("question", q.question());
    if (arrival != null && arrival.day() != null) {
      after.put("letterReceivedOn", arrival.day().toString());
    }
    store.audit(id, "REGISTERED", null, after);
    written.registered(id, q, assignee, arrival == null ? q.receivedAt() : arrival.clockFrom());
  }

  /** The unit by id or by community + code; null when none is given (a question about the area). */
  private Estate.Unit unitOf(CurrentUser user, NewInquiry in) {
    if (in.unitId() != null) {
      return estate.unitFor(user, in.unitId(), in.communityId(), in.unitCode());
    }
    if (in.unitCode() == null || in.unitCode().isBlank()) {
      return null;
    }
    return estate
        .unitByCode(communityOf(user, in.communityId()), in.unitCode())
        .orElseThrow(() -> DomainException.invalid("unitCode", "error.unit.notFound"));
  }

  private static long communityOf(CurrentUser user, Long communityId) {
    if (communityId == null) {
      throw DomainException.invalid("communityId", "error.required");
    }
    user.requireCommunity(communityId);
    return communityId;
  }

  private String communityName(long communityId) {
    return estate
        .community(communityId)
        .map(Estate.Community::name)
        .orElseThrow(() -> DomainException.invalid("communityId", "error.community.notFound"));
  }

  /** ZX + day + sequence, counted per day in the series "inquiry-" + day. */
  private String nextNumber(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    return DocumentNumber.of("ZX", day, numbers.next("inquiry-" + DocumentNumber.day(day)));
  }
}
