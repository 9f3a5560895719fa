package com.wuye.center.convenience;

import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An order of a convenience service (便民服务单): ordered → assigned → done → confirmed by the resident
 * (or cancelled before it is done). It keeps the service as listed when ordered (name, price per
 * unit, time promise, noisy), so a later change of the catalog never changes it (CS-S3). Nothing
 * here records a tip (CS-S2): the confirmation only records the resident's answer to "were you
 * asked for a tip?". It registers what it decides: the assignment that confirms the order ({@link
 * OrderAssigned}), the charge of a paid service when done ({@link ChargeRequested}), the resident's
 * rating when confirmed ({@link OrderConfirmed}); the repository publishes them when the order is
 * saved.
 *
 * <p>Why one class of this length: it is one state machine over the 28 facts an order records (the
 * {@link State} it is stored and restored as, and their accessors make up most of the lines);
 * split, its transitions would have to share that state across classes.
 */
public final class ServiceOrder {

  public enum Status {
    ORDERED,
    ASSIGNED,
    DONE,
    CONFIRMED,
    CANCELLED;

    public boolean open() {
      return this == ORDERED || this == ASSIGNED;
    }
  }

  /** How the order came in: a phone call, a visit to the service office, or the portal. */
  public enum Channel {
    PHONE,
    VISIT,
    PORTAL
  }

  /** The service as listed when it was ordered; {@code unitPrice == null} for a free service. */
  public record Listing(
      long serviceId,
      String serviceName,
      BigDecimal unitPrice,
      String priceUnit,
      int promiseMinutes,
      boolean noisy) {

    public static Listing of(Offering o) {
      return new Listing(o.id(), o.name(), o.price(), o.priceUnit(), o.promiseMinutes(), o.noisy());
    }

    public boolean paid() {
      return unitPrice != null;
    }
  }

  private Long id;
  private final String number;
  private final long communityId;
  private final long unitId;
  private final Listing listing;
  private BigDecimal quantity;
  private final Channel channel;
  private final Long residentId;
  private final String contactName;
  private final String contactPhone;
  private final Instant wantedAt;
  private final String note;
  private Status status;
  private final Instant orderedAt;
  private final String orderedBy;
  private Long assigneeStaffId;
  private Instant assignedAt;
  private Instant completedAt;
  private Long completedByStaffId;
  private String workNote;
  private BigDecimal chargeAmount;
  private Instant confirmedAt;
  private Long confirmedByResidentId;
  private Integer rating;
  private String comment;
  private Boolean tipAsked;
  private Instant cancelledAt;
  private String cancelReason;
  private int version;
  private final List<Object> events = new ArrayList<>();

  /** Everything an order holds; used by {@link #place} and by the repository to load one. */
  public record State(
      Long id,
      String number,
      long communityId,
      long unitId,
      Listing listing,
      BigDecimal quantity,
      Channel channel,
      Long residentId,
      String contactName,
      String contactPhone,
      Instant wantedAt,
      String note,
      Status status,
      Instant orderedAt,
      String orderedBy,
      Long assigneeStaffId,
      Instant assignedAt,
      Instant completedAt,
      Long completedByStaffId,
      String workNote,
      BigDecimal chargeAmount,
      Instant confirmedAt,
      Long confirmedByResidentId,
      Integer rating,
      String comment,
      Boolean tipAsked,
      Instant cancelledAt,
      String cancelReason,
      int version) {}

  private ServiceOrder(State s) {
    this.id = s.id();
    this.number = s.number();
    this.communityId = s.communityId();
    this.unitId = s.unitId();
    this.listing = s.listing();
    this.quantity = s.quantity();
    this.channel = s.channel();
    this.residentId = s.residentId();
    this.contactName = s.contactName();
    this.contactPhone = s.contactPhone();
    this.wantedAt = s.wantedAt();
    this.note = s.note();
    this.status = s.status();
    this.orderedAt = s.orderedAt();
    this.orderedBy = s.orderedBy();
    this.assigneeStaffId = s.assigneeStaffId();
    this.assignedAt = s.assignedAt();
    this.completedAt = s.completedAt();
    this.completedByStaffId = s.completedByStaffId();
    this.workNote = s.workNote();
    this.chargeAmount = s.chargeAmount();
    this.confirmedAt = s.confirmedAt();
    this.confirmedByResidentId = s.confirmedByResidentId();
    this.rating = s.rating();
    this.comment = s.comment();
    this.tipAsked = s.tipAsked();
    this.cancelledAt = s.cancelledAt();
    this.cancelReason = s.cancelReason();
    this.version = s.version();
  }

  /** A new order at the listed price (the caller has checked price, hours and access). */
  public static ServiceOrder place(
      String number,
      long communityId,
      long unitId,
      Listing listing,
      BigDecimal quantity,
      Channel channel,
      Long residentId,
      String contactName,
      String contactPhone,
      Instant wantedAt,
      String note,
      Instant at,
      String by) {
    if (quantity == null || quantity.signum() <= 0) {
      throw DomainException.invalid("quantity", "convenience.error.quantity");
    }
    return new ServiceOrder(
        new State(
            null,
            number,
            communityId,
            unitId,
            listing,
            quantity,
            channel,
            residentId,
            contactName,
            contactPhone,
            wantedAt,
            note,
            Status.ORDERED,
            at,
            by,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0));
  }

  /** Loads a stored order (repository only). */
  public static ServiceOrder restore(State s) {
    return new ServiceOrder(s);
  }

  /** Assigns (or re-assigns) the order to a staff member, before it is done. */
  public void assign(long staffId, Instant at) {
    requireOpen();
    if (assigneeStaffId != null && assigneeStaffId == staffId) {
      throw DomainException.ruleOn("staffId", "convenience.error.sameAssignee");
    }
    assigneeStaffId = staffId;
    assignedAt = at;
    status = Status.ASSIGNED;
    events.add(
        new OrderAssigned(
            id,
            number,
            communityId,
            unitId,
            residentId,
            contactName,
            contactPhone,
            listing.serviceName(),
            wantedAt,
            staffId,
            at));
  }

  /**
   * Marks the service done. A paid service's charge is the listed price × the quantity (the actual
   * quantity, e.g. hours worked, if given). Done once only.
   */
  public void complete(long staffId, BigDecimal actualQuantity, String note, Instant at) {
    complete(staffId, actualQuantity, note, at, false);
  }

  /**
   * Marks the service done; before the day it was booked for only when {@code earlyConfirmed} (the
   * staff member confirmed, after the warning, that it really was done early — e.g. the resident
   * asked for it sooner); otherwise refused (422 on {@code early}).
   */
  public void complete(
      long staffId, BigDecimal actualQuantity, String note, Instant at, boolean earlyConfirmed) {
    if (status == Status.DONE || status == Status.CONFIRMED) {
      throw DomainException.rule("convenience.error.alreadyDone", number);
    }
    if (status == Status.CANCELLED) {
      throw DomainException.rule("convenience.error.cancelled", number);
    }
    if (status != Status.ASSIGNED) {
      throw DomainException.rule("convenience.error.notAssigned", number);
    }
    if (beforeBookedDay(at) && !earlyConfirmed) {
      throw DomainException.ruleOn(
          "early",
          "convenience.error.doneBeforeBookedDay",
          number,
          java.time.LocalDate.ofInstant(wantedAt, com.wuye.center.shared.ClockConfiguration.ZONE)
              .toString());
    }
    if (actualQuantity != null) {
      if (actualQuantity.signum() <= 0) {
        throw DomainException.invalid("quantity", "convenience.error.quantity");
      }
      quantity = actualQuantity;
    }
    workNote = note;
    completedAt = at;
    completedByStaffId = staffId;
    chargeAmount =
        listing.paid()
            ? listing.unitPrice().multiply(quantity).setScale(2, RoundingMode.HALF_UP)
            : null;
    status = Status.DONE;
    charge().ifPresent(events::add);
  }

  /**
   * The resident confirms and rates the service, and answers whether a tip was asked for. Only the
   * resident who ordered may confirm (or, for an order taken by phone without a linked resident, a
   * current occupant of the unit). {@code promiseMet}: whether the service was done within its time
   * promise (for satisfaction reports).
   */
  public void confirm(
      long confirmingResidentId,
      boolean occupiesUnit,
      Integer stars,
      Boolean tipWasAsked,
      String text,
      Instant at,
      boolean promiseMet) {
    if (residentId != null ? residentId != confirmingResidentId : !occupiesUnit) {
      throw DomainException.forbidden("convenience.error.confirmResidentOnly");
    }
    if (status == Status.CONFIRMED) {
      throw DomainException.rule("convenience.error.alreadyConfirmed", number);
    }
    if (status != Status.DONE) {
      throw DomainException.rule("convenience.error.notDone", number);
    }
    if (tipWasAsked == null) {
      throw DomainException.invalid("tipAsked", "convenience.error.tipQuestion");
    }
    if (stars == null || stars < 1 || stars > 5) {
      throw DomainException.invalid("rating", "convenience.error.rating");
    }
    rating = stars;
    tipAsked = tipWasAsked;
    comment = text;
    confirmedAt = at;
    confirmedByResidentId = confirmingResidentId;
    status = Status.CONFIRMED;
    events.add(
        new OrderConfirmed(
            id, number, communityId, unitId, assigneeStaffId, rating, tipAsked, promiseMet, at));
  }

  /** Cancels an order that is not done yet, with a reason. */
  public void cancel(String reason, Instant at) {
    requireOpen();
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "convenience.error.cancelReason");
    }
    cancelReason = reason.trim();
    cancelledAt = at;
    status = Status.CANCELLED;
  }

  private void requireOpen() {
    switch (status) {
      case DONE, CONFIRMED -> throw DomainException.rule("convenience.error.alreadyDone", number);
      case CANCELLED -> throw DomainException.rule("convenience.error.cancelled", number);
      default -> {}
    }
  }

  /**
   * The charge for the unit's bill once a paid service is done (CA-4: the cashier collects it,
   * staff never take money); empty for a free service or an order not done.
   */
  public Optional<ChargeRequested> charge() {
    if (chargeAmount == null || completedAt == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ChargeRequested(
            "convenience",
            String.valueOf(id),
            number,
            communityId,
            unitId,
            listing.serviceName(),
            List.of(
                new ChargeRequested.Line(
                    listing.serviceName(),
                    listing.priceUnit(),
                    quantity,
                    listing.unitPrice(),
                    chargeAmount)),
            chargeAmount,
            completedAt));
  }

  /** The events registered since the last call, for the repository to publish once saved. */
  public List<Object> releaseEvents() {
    List<Object> out = List.copyOf(events);
    events.clear();
    return out;
  }

  /** Called by the repository after a successful save. */
  public void saved(long newId, int newVersion) {
    if (id == null) {
      id = newId;
    }
    version = newVersion;
  }

  public State state() {
    return new State(
        id,
        number,
        communityId,
        unitId,
        listing,
        quantity,
        channel,
        residentId,
        contactName,
        contactPhone,
        wantedAt,
        note,
        status,
        orderedAt,
        orderedBy,
        assigneeStaffId,
        assignedAt,
        completedAt,
        completedByStaffId,
        workNote,
        chargeAmount,
        confirmedAt,
        confirmedByResidentId,
        rating,
        comment,
        tipAsked,
        cancelledAt,
        cancelReason,
        version);
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public long communityId() {
    return communityId;
  }

  public long unitId() {
    return unitId;
  }

  public Listing listing() {
    return listing;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public Channel channel() {
    return channel;
  }

  public Long residentId() {
    return residentId;
  }

  public String contactName() {
    return contactName;
  }

  public String contactPhone() {
    return contactPhone;
  }

  /** Whether {@code at} falls on a day before the (local) day the service was booked for. */
  public boolean beforeBookedDay(Instant at) {
    if (wantedAt == null) {
      return false;
    }
    var zone = com.wuye.center.shared.ClockConfiguration.ZONE;
    return java.time.LocalDate.ofInstant(at, zone)
        .isBefore(java.time.LocalDate.ofInstant(wantedAt, zone));
  }

  public Instant wantedAt() {
    return wantedAt;
  }

  public String note() {
    return note;
  }

  public Status status() {
    return status;
  }

  public Instant orderedAt() {
    return orderedAt;
  }

  public String orderedBy() {
    return orderedBy;
  }

  public Long assigneeStaffId() {
    return assigneeStaffId;
  }

  public Instant assignedAt() {
    return assignedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Long completedByStaffId() {
    return completedByStaffId;
  }

  public String workNote() {
    return workNote;
  }

  /** The amount for the unit's bill (null for a free service or before it is done). */
  public BigDecimal chargeAmount() {
    return chargeAmount;
  }

  /** What the charge would be at the ordered quantity (for showing before completion). */
  public BigDecimal estimatedAmount() {
    return listing.paid()
        ? listing.unitPrice().multiply(quantity).setScale(2, RoundingMode.HALF_UP)
        : null;
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }

  public Long confirmedByResidentId() {
    return confirmedByResidentId;
  }

  public Integer rating() {
    return rating;
  }

  public String comment() {
    return comment;
  }

  /** The resident's answer to "were you asked for a tip?" (managers and the resident see it). */
  public Boolean tipAsked() {
    return tipAsked;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public int version() {
    return version;
  }
}
