package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.Channel;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-C1 "对业户的投诉要细心聆听，不允许有不耐烦的表现": intake records the resident's own words (required, verbatim), the
 * channel, the time, the unit and the contact — taken by customer service (phone, visit, in
 * writing) or filed by the resident from the portal.
 */
@Service
@Transactional
public class ComplaintIntake {

  /** Intake by staff: the unit by id, or by community and code ("1-1-101"). */
  public record NewComplaint(
      Long communityId,
      Long unitId,
      String unitCode,
      Channel channel,
      String categoryCode,
      String contactName,
      String contactPhone,
      String words) {}

  /** A resident files a complaint from the portal (their own unit only). */
  public record PortalComplaint(
      Long unitId, String categoryCode, String words, String contactPhone) {}

  private final ComplaintStore store;
  private final EstateDirectory estate;
  private final ComplaintCategories categories;
  private final NumberSeries numbers;
  private final ComplaintAcceptance acceptance;
  private final Clock clock;

  ComplaintIntake(
      ComplaintStore store,
      EstateDirectory estate,
      ComplaintCategories categories,
      NumberSeries numbers,
      ComplaintAcceptance acceptance,
      Clock clock) {
    this.store = store;
    this.estate = estate;
    this.categories = categories;
    this.numbers = numbers;
    this.acceptance = acceptance;
    this.clock = clock;
  }

  /** Customer service records a complaint taken by phone, at the counter or in writing. */
  public long receive(CurrentUser user, NewComplaint in) {
    user.require(ComplaintStore.HANDLERS);
    Estate.Unit unit = unitOf(user, in);
    String phone = PhoneNumber.of("contactPhone", in.contactPhone()).value();
    if (in.channel() == Channel.PORTAL) {
      throw DomainException.invalid("channel", "complaint.error.portalIsForResidents");
    }
    categories.requireActive(in.categoryCode());
    Instant now = clock.instant();
    Complaint c =
        Complaint.receive(
            nextNumber(now),
            unit.communityId(),
            unit.id(),
            in.channel(),
            in.categoryCode(),
            in.contactName(),
            phone,
            in.words(),
            now,
            user.staffId(),
            null);
    return received(c, unit, user.actorRef(), user.displayName(), user.displayName());
  }

  /** A resident files a complaint from the portal about one of their own units. */
  public long file(CurrentUser user, PortalComplaint in) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
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
    categories.requireActive(in.categoryCode());
    Instant now = clock.instant();
    Complaint c =
        Complaint.receive(
            nextNumber(now),
            unit.communityId(),
            unit.id(),
            Channel.PORTAL,
            in.categoryCode(),
            me.name(),
            phone,
            in.words(),
            now,
            null,
            user.residentId());
    long id = received(c, unit, user.actorRef(), me.name(), null);
    acceptance.filed(id, c, unit.label());
    return id;
  }

  private long received(
      Complaint c, Estate.Unit unit, String actor, String actorName, String ownerName) {
    long id = store.add(c, unit.label(), ownerName);
    store.timeline(id, "RECEIVED", null, actor, actorName, c.receivedAt());
    store.audit(id, "RECEIVED", null, snapshot(c, unit.label()));
    return id;
  }

  /** The unit by id, or by community and code (the community one the user serves). */
  private Estate.Unit unitOf(CurrentUser user, NewComplaint in) {
    if (in.unitId() != null) {
      return estate.unitFor(user, in.unitId(), in.communityId(), in.unitCode());
    }
    if (in.communityId() == null) {
      throw DomainException.invalid("communityId", "error.required");
    }
    user.requireCommunity(in.communityId());
    if (in.unitCode() == null || in.unitCode().isBlank()) {
      throw DomainException.invalid("unitCode", "error.required");
    }
    return estate
        .unitByCode(in.communityId(), in.unitCode())
        .orElseThrow(() -> DomainException.invalid("unitCode", "error.unit.notFound"));
  }

  /** TS + day + sequence, counted per day in the series "complaint-" + day. */
  private String nextNumber(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    return DocumentNumber.of("TS", day, numbers.next("complaint-" + DocumentNumber.day(day)));
  }

  private static Map<String, Object> snapshot(Complaint c, String unitLabel) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", c.number());
    m.put("unit", unitLabel);
    m.put("channel", c.channel().name());
    m.put("category", c.categoryCode());
    m.put("contactName", c.contactName());
    m.put("contactPhone", c.contactPhone());
    m.put("words", c.words());
    m.put("takenByStaffId", c.takenByStaffId());
    m.put("filedByResidentId", c.filedByResidentId());
    return m;
  }
}
