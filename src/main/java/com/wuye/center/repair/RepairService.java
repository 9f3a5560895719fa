package com.wuye.center.repair;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.deadline.DeadlineEscalated;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.notice.Notifications.Message;
import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.repair.RepairOrder.Channel;
import com.wuye.center.repair.internal.Images;
import com.wuye.center.repair.internal.RepairCatalogRepository;
import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes a repair order, one method per intention. Checks who may act (in the
 * service, not only the URL), lets the {@link RepairOrder} aggregate decide the transition, keeps
 * the deadline clocks in step (EN-3), writes the timeline and the audit trail, and notifies the
 * people concerned.
 */
@Service
@Transactional
public class RepairService {

  /** The subject type of the order's deadline clocks, notifications and audit entries. */
  public static final String SUBJECT = "repair";

  public static final String RESOLVE = "resolve";
  public static final String ARRIVE = "arrive";
  static final String AUDIT = "repair_order";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ClockConfiguration.ZONE);

  private final RepairRepository repo;
  private final RepairCatalogRepository catalog;
  private final RepairAccess access;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final DeadlineClocks clocks;
  private final NumberSeries numbers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  RepairService(
      RepairRepository repo,
      RepairCatalogRepository catalog,
      RepairAccess access,
      EstateDirectory estate,
      StaffDirectory staff,
      Notifications notifications,
      DeadlineClocks clocks,
      NumberSeries numbers,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.repo = repo;
    this.catalog = catalog;
    this.access = access;
    this.estate = estate;
    this.staff = staff;
    this.notifications = notifications;
    this.clocks = clocks;
    this.numbers = numbers;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
  }

  // ================================================================== commands

  /**
   * A repair as reported. Inside a unit: {@code unitId}. A common area: {@code communityId}, a
   * {@code location} (e.g. "3栋 电梯厅") and optionally the {@code buildingId}.
   *
   * @param channel PHONE, VISIT or PATROL for staff (default PHONE); residents always PORTAL
   * @param preferredVisitAt the resident's preferred visit time, China local time
   */
  public record NewRepair(
      Long unitId,
      Long communityId,
      Long buildingId,
      String location,
      String category,
      String description,
      Boolean emergency,
      String channel,
      String contactName,
      String contactPhone,
      LocalDateTime preferredVisitAt) {}

  /** An uploaded photo: its bytes decide its type, not its name. */
  public record Photo(String filename, byte[] bytes) {}

  public record Reported(long id, String number, Instant dueAt, Instant arriveDueAt) {}

  /** The technician's completion: the checklist (EN-4, EN-5) and listed items with quantities. */
  public record Completion(
      Set<ConductItem> checklist, List<RepairFeePolicy.Requested> fees, String note) {}

  /** An item not on the price list: the technician names it and the quantity, never a price. */
  public record ExtraFee(String item, String unit, BigDecimal quantity, String reason) {}

  /**
   * The resident's confirmation (portal, or signed on the technician's phone).
   *
   * @param signature the signature pad's PNG (data URL)
   * @param conduct the resident's answers to the conduct items (EN-1, EN-2, EN-4, EN-5)
   * @param extraAsked EN-6 "was anything asked of you beyond the listed fee?"
   * @param reason why not satisfied (then the order reopens)
   */
  public record Confirmation(
      Boolean satisfied,
      String signature,
      String signerName,
      Integer speed,
      Integer service,
      String comment,
      Map<ConductItem, Boolean> conduct,
      Boolean extraAsked,
      String extraNote,
      String reason) {}

  public record ReturnVisit(String channel, Boolean satisfied, String note) {}

  /**
   * Reports a repair: the day's number first, in its own short transaction (unique, not gap-free,
   * so simultaneous reports do not queue on the counter row), then one transaction with few
   * statements (the intake path is the busiest). No transaction is held while the number is taken,
   * so a request never needs two pooled connections at once.
   */
  @Transactional(propagation = Propagation.SUPPORTS)
  public Reported report(CurrentUser user, NewRepair r, List<Photo> photos) {
    if (org.springframework.transaction.support.TransactionSynchronizationManager
        .isActualTransactionActive()) {
      // called inside someone's transaction (demo data, tests): join it, number taken in it
      return report(user, r, photos, null, null);
    }
    String number = uniqueNumber(clock.instant());
    return tx.execute(s -> report(user, r, photos, null, number));
  }

  /**
   * A repair order a complaint's corrective action asked for (CS-8.6), logged for the staff member
   * who asked; it shows the complaint's number. One order per request.
   */
  Reported reportForComplaint(
      CurrentUser requester,
      long unitId,
      String description,
      RepairRepository.ComplaintRef complaint) {
    String text = description == null ? "" : description.strip();
    return report(
        requester,
        new NewRepair(
            unitId,
            null,
            null,
            "投诉 " + complaint.complaintNumber(),
            "OTHER",
            text.length() > 1000 ? text.substring(0, 1000) : text,
            false,
            null,
            null,
            null,
            null),
        List.of(),
        complaint,
        null);
  }

  private Reported report(
      CurrentUser user,
      NewRepair r,
      List<Photo> photos,
      RepairRepository.ComplaintRef complaint,
      String preTakenNumber) {
    Channel channel = complaint != null ? Channel.COMPLAINT : channel(user, r.channel());
    if (complaint != null) {
      user.require(RepairAccess.STAFF);
    }
    String description = text("description", r.description(), 1000, true);
    if (r.category() == null || r.category().isBlank()) {
      throw DomainException.invalid("category", "repair.error.category");
    }
    boolean emergency = Boolean.TRUE.equals(r.emergency());
    long communityId;
    Long buildingId;
    Long unitId = null;
    String unitCode = null;
    Area area;
    String location;
    if (r.unitId() != null) {
      Estate.Unit unit = estate.unitFor(user, r.unitId());
      area = Area.UNIT;
      communityId = unit.communityId();
      buildingId = unit.buildingId();
      unitId = unit.id();
      unitCode = unit.code();
      location = text("location", r.location(), 200, false);
    } else {
      if (r.communityId() == null) {
        throw DomainException.invalid("unitId", "repair.error.where");
      }
      communityId = r.communityId();
      if (user.isResident()) {
        boolean lives =
            estate.unitsOfResident(user.residentId()).stream()
                .anyMatch(u -> u.communityId() == r.communityId());
        if (!lives) {
          throw DomainException.notFound("error.community.notFound");
        }
      } else {
        user.requireCommunity(communityId);
      }
      area = Area.COMMON;
      location = text("location", r.location(), 200, false);
      if (location == null) {
        throw DomainException.invalid("location", "repair.error.locationRequired");
      }
      buildingId = r.buildingId();
      if (buildingId != null
          && estate.buildings(communityId).stream().noneMatch(b -> b.id() == r.buildingId())) {
        throw DomainException.invalid("buildingId", "error.building.notFound");
      }
    }
    String contactName = text("contactName", r.contactName(), 50, false);
    String contactPhone =
        r.contactPhone() == null || r.contactPhone().isBlank()
            ? null
            : PhoneNumber.of("contactPhone", r.contactPhone()).value();
    Instant now = clock.instant();
    Instant preferred = null;
    if (r.preferredVisitAt() != null) {
      preferred = r.preferredVisitAt().atZone(ClockConfiguration.ZONE).toInstant();
      if (preferred.isBefore(now.minus(Duration.ofMinutes(5)))) {
        throw DomainException.invalid("preferredVisitAt", "repair.error.preferredPast");
      }
    }
    List<Photo> files = photos == null ? List.of() : photos;
    if (files.size() > Images.MAX_PHOTOS) {
      throw DomainException.invalid("photos", "repair.error.tooManyPhotos", Images.MAX_PHOTOS);
    }
    List<String> types = new ArrayList<>();
    for (Photo p : files) {
      types.add(Images.photoType("photos", p.bytes()));
    }

    RepairRepository.Allocated a =
        repo.allocate(r.category().trim())
            .orElseThrow(() -> DomainException.invalid("category", "repair.error.category"));
    long id = a.id();
    // photos first: their foreign key is checked at commit, so the number's lock stays short
    for (int i = 0; i < files.size(); i++) {
      repo.insertPhoto(id, types.get(i), files.get(i).bytes(), now, user.actorRef());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", RepairOrder.Status.REPORTED.name());
    after.put("area", area.name());
    after.put("unitCode", unitCode);
    after.put("location", location);
    after.put("category", r.category().trim());
    after.put("emergency", emergency);
    after.put("channel", channel.name());
    after.put("contactPhone", contactPhone);
    audit.record(AUDIT, id, "REPORTED", null, after);
    // taken before the transaction (see report), or here for a complaint's request: the number
    // series row then stays locked until commit, so it is taken as late as possible
    String number = preTakenNumber != null ? preTakenNumber : number(now);
    String link = "/staff/repairs/" + id;
    Duration target = Duration.ofHours(a.targetHours());
    long resolveClock =
        clocks.start(
            new DeadlineClocks.Start(
                SUBJECT,
                String.valueOf(id),
                RESOLVE,
                "报修单 " + number,
                link,
                communityId,
                null,
                now,
                target));
    Long arriveClock = null;
    Instant arriveDue = null;
    if (emergency) {
      Duration arrive = Duration.ofMinutes(a.arriveMinutes());
      arriveClock =
          clocks.start(
              new DeadlineClocks.Start(
                  SUBJECT,
                  String.valueOf(id),
                  ARRIVE,
                  "紧急报修单 " + number + " 到场",
                  link,
                  communityId,
                  null,
                  now,
                  arrive));
      arriveDue = now.plus(arrive);
    }
    Instant due = now.plus(target);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channel", channel.name());
    data.put("emergency", emergency);
    data.put("photos", files.size());
    if (complaint != null) {
      data.put("complaintNumber", complaint.complaintNumber());
    }
    repo.insert(
        new RepairRepository.NewOrder(
            id,
            number,
            communityId,
            buildingId,
            unitId,
            unitCode,
            area,
            location,
            r.category().trim(),
            description,
            emergency,
            channel,
            contactName,
            contactPhone,
            preferred,
            user.isResident() ? user.residentId() : null,
            user.isResident() ? null : user.staffId(),
            now,
            due,
            arriveDue,
            resolveClock,
            arriveClock,
            user.actorRef(),
            actorName(user),
            data,
            complaint));
    if (emergency) {
      notifyEmergency(id, number, communityId, unitCode != null ? unitCode : location);
    }
    events.publishEvent(
        new RepairReported(id, number, communityId, r.category().trim(), emergency, now));
    return new Reported(id, number, due, arriveDue);
  }

  /** Adds photos to an order (the reporter or staff), up to four in all. */
  public void addPhotos(CurrentUser user, long id, List<Photo> photos) {
    Stored s = load(user, id, null);
    if (!s.order().status().open()) {
      throw DomainException.rule("repair.error.closed");
    }
    if (photos == null || photos.isEmpty()) {
      throw DomainException.invalid("photos", "repair.error.photoEmpty");
    }
    if (repo.photoCount(id) + photos.size() > Images.MAX_PHOTOS) {
      throw DomainException.invalid("photos", "repair.error.tooManyPhotos", Images.MAX_PHOTOS);
    }
    List<String> types = new ArrayList<>();
    for (Photo p : photos) {
      types.add(Images.photoType("photos", p.bytes()));
    }
    Instant now = clock.instant();
    for (int i = 0; i < photos.size(); i++) {
      repo.insertPhoto(id, types.get(i), photos.get(i).bytes(), now, user.actorRef());
    }
    s.order().note(RepairOrder.EventType.PHOTO_ADDED, null, Map.of("photos", photos.size()));
    save(user, s, "PHOTO_ADDED", s.order().snapshot(), null, null, null, now);
  }

  /** Customer service or a supervisor sends the order to a technician of its community. */
  public void dispatch(CurrentUser user, long id, Long technicianId, Integer version) {
    user.require(RepairAccess.DISPATCHERS);
    requireVersion(version);
    Stored s = load(user, id, version);
    StaffMember tech = technician(s.order().communityId(), technicianId);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().dispatch(tech.id(), now);
    assignClocks(s, tech.id());
    save(user, s, "DISPATCHED", before, null, null, null, now);
    notifications.notifyStaff(
        List.of(tech.id()),
        Message.of(
                "repair.notify.dispatched",
                link(id),
                s.order().number(),
                where(s),
                categoryName(s.facts().category()))
            .from(SUBJECT, id)
            .mustAcknowledge());
  }

  /** Another technician takes over, with the reason recorded. */
  public void reassign(
      CurrentUser user, long id, Long technicianId, String reason, Integer version) {
    user.require(RepairAccess.DISPATCHERS);
    requireVersion(version);
    Stored s = load(user, id, version);
    StaffMember tech = technician(s.order().communityId(), technicianId);
    Long previous = s.order().assigneeStaffId();
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().reassign(tech.id(), reason, now);
    assignClocks(s, tech.id());
    save(user, s, "REASSIGNED", before, null, null, null, now);
    notifications.notifyStaff(
        List.of(tech.id()),
        Message.of(
                "repair.notify.dispatched",
                link(id),
                s.order().number(),
                where(s),
                categoryName(s.facts().category()))
            .from(SUBJECT, id)
            .mustAcknowledge());
    if (previous != null) {
      notifications.notifyStaff(
          List.of(previous),
          Message.of("repair.notify.reassignedAway", link(id), s.order().number())
              .from(SUBJECT, id));
    }
  }

  /** The assigned technician takes the job. */
  public void accept(CurrentUser user, long id, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = load(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().accept(user.staffId(), now);
    save(user, s, "ACCEPTED", before, null, null, null, now);
  }

  /** On site: EN-1 work card, EN-2 introduced, EN-5 floor protection (indoor) confirmed. */
  public void arrive(CurrentUser user, long id, Set<ConductItem> checklist, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = load(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    Set<ConductItem> confirmed = checklist == null ? Set.of() : checklist;
    s.order().arrive(user.staffId(), confirmed, now);
    repo.insertConduct(
        id,
        s.order().round(),
        "TECHNICIAN",
        answers(ConductItem.required(ConductItem.Stage.ARRIVAL, s.order().indoor())),
        now);
    Instant arriveDue = null;
    if (s.facts().arriveClockId() != null) {
      ClockView v = clocks.view(s.facts().arriveClockId());
      if (v.state() != DeadlineClock.State.STOPPED) {
        arriveDue = clocks.stop(s.facts().arriveClockId()).dueAt();
      }
    }
    save(user, s, "ARRIVED", before, null, arriveDue, null, now);
  }

  /** EN-3: pauses the clock for an objective cause only (the cause is recorded). */
  public void pause(CurrentUser user, long id, String cause, String note, Integer version) {
    Stored s = loadForWork(user, id, version);
    PauseCause c = PauseCause.of(cause);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().pause(c, note, now);
    String clockNote = note == null || note.isBlank() ? null : note.trim();
    Instant due = clocks.pause(s.facts().resolveClockId(), c.name(), clockNote).dueAt();
    Instant arriveDue = null;
    if (s.facts().arriveClockId() != null) {
      ClockView v = clocks.view(s.facts().arriveClockId());
      if (v.state() == DeadlineClock.State.RUNNING) {
        arriveDue = clocks.pause(s.facts().arriveClockId(), c.name(), clockNote).dueAt();
      }
    }
    save(user, s, "PAUSED", before, due, arriveDue, null, now);
  }

  /** The cause has cleared: the clock runs again, its due time moved by the pause. */
  public void resume(CurrentUser user, long id, Integer version) {
    Stored s = loadForWork(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().resume(now);
    Instant due = clocks.resume(s.facts().resolveClockId()).dueAt();
    Instant arriveDue = null;
    if (s.facts().arriveClockId() != null) {
      ClockView v = clocks.view(s.facts().arriveClockId());
      if (v.state() == DeadlineClock.State.PAUSED) {
        arriveDue = clocks.resume(s.facts().arriveClockId()).dueAt();
      }
    }
    save(user, s, "RESUMED", before, due, arriveDue, null, now);
  }

  /** EN-6: the technician proposes an item that is not on the price list; a supervisor decides. */
  public long requestExtraFee(CurrentUser user, long id, ExtraFee fee, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = load(user, id, version);
    if (!Objects.equals(s.order().assigneeStaffId(), user.staffId())) {
      throw DomainException.forbidden("repair.error.notAssignee", s.order().number());
    }
    s.order().requireFeesOpen();
    String item = text("item", fee.item(), 100, true);
    String unit = text("unit", fee.unit(), 20, true);
    BigDecimal quantity = RepairFeePolicy.quantity("quantity", fee.quantity());
    String reason = text("reason", fee.reason(), 500, true);
    Instant now = clock.instant();
    long line = repo.insertExtraLine(id, item, unit, quantity, reason, user.actorRef(), now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("lineId", line);
    data.put("item", item);
    data.put("unit", unit);
    data.put("quantity", quantity.toPlainString());
    s.order().note(RepairOrder.EventType.EXTRA_FEE_REQUESTED, reason, data);
    save(user, s, "EXTRA_FEE_REQUESTED", s.order().snapshot(), null, null, null, now);
    notifications.notifyRole(
        s.order().communityId(),
        Role.SUPERVISOR,
        Message.of("repair.notify.extraFee", link(id), s.order().number(), item)
            .from(SUBJECT, id)
            .mustAcknowledge());
    return line;
  }

  /** EN-6: a supervisor approves (and prices) or rejects an unlisted item; recorded. */
  public void decideExtraFee(
      CurrentUser user,
      long id,
      long lineId,
      boolean approve,
      BigDecimal unitPrice,
      String note,
      Integer version) {
    user.require(Role.SUPERVISOR, Role.MANAGER);
    Stored s = load(user, id, version);
    s.order().requireFeesOpen();
    BigDecimal price = approve ? RepairFeePolicy.price("unitPrice", unitPrice) : null;
    String text = text("note", note, 500, !approve);
    Instant now = clock.instant();
    if (!repo.decideExtraLine(id, lineId, approve, price, text, user.staffId(), now)) {
      throw DomainException.conflict("repair.error.extraDecided");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("lineId", lineId);
    if (price != null) {
      data.put("unitPrice", price.toPlainString());
    }
    s.order()
        .note(
            approve
                ? RepairOrder.EventType.EXTRA_FEE_APPROVED
                : RepairOrder.EventType.EXTRA_FEE_REJECTED,
            text,
            data);
    save(
        user,
        s,
        approve ? "EXTRA_FEE_APPROVED" : "EXTRA_FEE_REJECTED",
        s.order().snapshot(),
        null,
        null,
        null,
        now);
    if (s.order().assigneeStaffId() != null) {
      notifications.notifyStaff(
          List.of(s.order().assigneeStaffId()),
          Message.of(
                  approve ? "repair.notify.extraApproved" : "repair.notify.extraRejected",
                  link(id),
                  s.order().number())
              .from(SUBJECT, id));
    }
  }

  /**
   * Completion: EN-4 and (indoor) EN-5 confirmed, fees only from the price list or approved (EN-6);
   * the clock stops.
   */
  public RepairFeePolicy.Fees complete(CurrentUser user, long id, Completion c, Integer version) {
    user.require(Role.TECHNICIAN);
    Stored s = load(user, id, version);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    RepairOrder o = s.order();
    RepairFeePolicy.Fees fees =
        RepairFeePolicy.settle(
            o.area(),
            o.isCharged(),
            c.fees(),
            catalog.priceList(o.communityId()),
            o.area() == Area.UNIT ? repo.extraLines(id) : List.of());
    o.complete(
        user.staffId(), c.checklist() == null ? Set.of() : c.checklist(), fees, c.note(), now);
    repo.replaceListedLines(id, fees.lines(), user.actorRef(), now);
    repo.insertConduct(
        id,
        o.round(),
        "TECHNICIAN",
        answers(ConductItem.required(ConductItem.Stage.COMPLETION, o.indoor())),
        now);
    Instant due = clocks.stop(s.facts().resolveClockId()).dueAt();
    Instant arriveDue = null;
    if (s.facts().arriveClockId() != null) {
      ClockView v = clocks.view(s.facts().arriveClockId());
      if (v.state() != DeadlineClock.State.STOPPED) {
        arriveDue = clocks.stop(s.facts().arriveClockId()).dueAt();
      }
    }
    save(user, s, "COMPLETED", before, due, arriveDue, null, now);
    Message m =
        Message.of("repair.notify.completed", "/portal/repairs/" + id, o.number())
            .from(SUBJECT, id);
    if (s.facts().reporterResidentId() != null) {
      notifications.notifyResident(s.facts().reporterResidentId(), m);
    } else if (s.facts().unitId() != null) {
      estate.currentOccupants(s.facts().unitId()).stream()
          .map(Estate.Occupancy::residentId)
          .distinct()
          .forEach(r -> notifications.notifyResident(r, m));
    }
    return fees;
  }

  /**
   * The resident confirms: on the portal (their own order) or signing on the assigned technician's
   * phone. Satisfied: rated (once), and a charged in-unit order becomes a charge for the cashier
   * (CA-4). Not satisfied: the order reopens (counted; the original due time stands). A yes to the
   * integrity question opens a case for the managers (EN-6).
   */
  public void confirm(CurrentUser user, long id, Confirmation c, Integer version) {
    Stored s = load(user, id, version);
    RepairOrder o = s.order();
    String channel;
    String signer;
    if (user.isResident()) {
      channel = "PORTAL";
      signer = text("signerName", c.signerName(), 50, false);
      if (signer == null) {
        signer = actorName(user);
      }
    } else {
      user.require(Role.TECHNICIAN);
      if (!Objects.equals(o.assigneeStaffId(), user.staffId())) {
        throw DomainException.forbidden("repair.error.notAssignee", o.number());
      }
      channel = "TECHNICIAN_DEVICE";
      signer = text("signerName", c.signerName(), 50, true);
    }
    if (c.satisfied() == null) {
      throw DomainException.invalid("satisfied", "repair.error.satisfiedRequired");
    }
    boolean satisfied = c.satisfied();
    boolean rated = repo.rated(id);
    if (satisfied && rated && (c.speed() != null || c.service() != null)) {
      throw DomainException.conflict("repair.error.alreadyRated", o.number());
    }
    if (c.extraAsked() == null) {
      throw DomainException.invalid("extraAsked", "repair.error.integrityQuestion");
    }
    Map<ConductItem, Boolean> answers = new EnumMap<>(ConductItem.class);
    for (ConductItem item : ConductItem.applicable(o.indoor())) {
      Boolean a = c.conduct() == null ? null : c.conduct().get(item);
      if (a == null) {
        throw DomainException.invalid("conduct", "repair.error.conductAnswers");
      }
      answers.put(item, a);
    }
    if (satisfied && !rated) {
      rating("speed", c.speed());
      rating("service", c.service());
    }
    String comment = text("comment", c.comment(), 500, false);
    String extraNote = text("extraNote", c.extraNote(), 500, false);
    byte[] signature = Images.signature("signature", c.signature());
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    int round = o.round();
    if (satisfied) {
      o.confirm(now);
    } else {
      o.notSatisfied(c.reason(), now);
    }
    long confirmationId =
        repo.insertConfirmation(
            new RepairRepository.NewConfirmation(
                id,
                round,
                satisfied,
                satisfied ? null : c.reason().trim(),
                channel,
                user.isResident() ? user.residentId() : null,
                user.isResident() ? null : user.staffId(),
                signer,
                signature,
                c.extraAsked(),
                extraNote,
                now));
    repo.insertConduct(id, round, "RESIDENT", answers, now);
    if (satisfied && !rated) {
      repo.insertRating(id, c.speed(), c.service(), comment, now);
    }
    BigDecimal charge = null;
    Instant due = null;
    if (satisfied && o.area() == Area.UNIT && !o.isCharged()) {
      List<ChargeRequested.Line> lines = repo.chargeLines(id);
      BigDecimal total =
          lines.stream()
              .map(ChargeRequested.Line::amount)
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .setScale(2);
      if (total.signum() > 0) {
        o.charged();
        charge = total;
        events.publishEvent(
            new ChargeRequested(
                SUBJECT,
                String.valueOf(id),
                o.number(),
                o.communityId(),
                s.facts().unitId(),
                "维修费 · " + categoryName(s.facts().category()),
                lines,
                total,
                now));
      }
    }
    if (!satisfied) {
      due = clocks.reopen(s.facts().resolveClockId(), c.reason().trim()).dueAt();
    }
    save(user, s, satisfied ? "CONFIRMED" : "NOT_SATISFIED", before, due, null, charge, now);
    if (c.extraAsked()) {
      long caseId =
          repo.insertIntegrityCase(
              id, confirmationId, o.communityId(), o.assigneeStaffId(), extraNote, now);
      audit.record(
          "repair_integrity_case",
          caseId,
          "OPENED",
          null,
          Map.of("orderId", id, "number", o.number()));
      notifications.notifyRole(
          o.communityId(),
          Role.MANAGER,
          Message.of("repair.notify.integrity", "/staff/repairs/integrity", o.number())
              .from("repair_integrity_case", caseId)
              .mustAcknowledge());
      events.publishEvent(
          new RepairIntegrityCaseOpened(
              caseId, id, o.number(), o.communityId(), o.assigneeStaffId(), now));
    }
    if (!satisfied && o.assigneeStaffId() != null) {
      notifications.notifyStaff(
          List.of(o.assigneeStaffId()),
          Message.of("repair.notify.reopened", link(id), o.number())
              .from(SUBJECT, id)
              .mustAcknowledge());
    }
  }

  /** The customer-service return visit (回访): a satisfied resident closes the order. */
  public void returnVisit(CurrentUser user, long id, ReturnVisit v, Integer version) {
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);
    Stored s = load(user, id, version);
    RepairOrder o = s.order();
    String channel = v.channel() == null || v.channel().isBlank() ? "PHONE" : v.channel().trim();
    if (!Set.of("PHONE", "VISIT").contains(channel)) {
      throw DomainException.invalid("channel", "repair.error.visitChannel");
    }
    if (v.satisfied() == null) {
      throw DomainException.invalid("satisfied", "repair.error.satisfiedRequired");
    }
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    int round = o.round();
    o.returnVisit(v.satisfied(), v.note(), now);
    repo.insertReturnVisit(id, round, user.staffId(), channel, v.satisfied(), v.note().trim(), now);
    Instant due = null;
    if (!v.satisfied()) {
      due = clocks.reopen(s.facts().resolveClockId(), v.note().trim()).dueAt();
    }
    save(user, s, v.satisfied() ? "CLOSED" : "REOPENED", before, due, null, null, now);
    if (v.satisfied()) {
      ClockView resolve = clocks.view(s.facts().resolveClockId());
      int[] rating = repo.rating(id).orElse(null);
      events.publishEvent(
          new RepairClosed(
              id,
              o.number(),
              o.communityId(),
              o.assigneeStaffId(),
              resolve.met(),
              o.reopenCount(),
              rating == null ? null : rating[0],
              rating == null ? null : rating[1],
              now));
    } else if (o.assigneeStaffId() != null) {
      notifications.notifyStaff(
          List.of(o.assigneeStaffId()),
          Message.of("repair.notify.reopened", link(id), o.number())
              .from(SUBJECT, id)
              .mustAcknowledge());
    }
  }

  /**
   * Cancels an order with a reason: staff who dispatch, or the resident while it is not yet
   * accepted.
   */
  public void cancel(CurrentUser user, long id, String reason, Integer version) {
    Stored s = load(user, id, version);
    RepairOrder o = s.order();
    if (user.isResident()) {
      if (o.status() != RepairOrder.Status.REPORTED
          && o.status() != RepairOrder.Status.DISPATCHED) {
        throw DomainException.rule("repair.error.residentCancel");
      }
    } else {
      user.require(RepairAccess.DISPATCHERS);
    }
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    o.cancel(reason, now);
    Instant due = clocks.stop(s.facts().resolveClockId()).dueAt();
    Instant arriveDue = null;
    if (s.facts().arriveClockId() != null) {
      ClockView v = clocks.view(s.facts().arriveClockId());
      if (v.state() != DeadlineClock.State.STOPPED) {
        arriveDue = clocks.stop(s.facts().arriveClockId()).dueAt();
      }
    }
    save(user, s, "CANCELLED", before, due, arriveDue, null, now);
    if (o.assigneeStaffId() != null) {
      notifications.notifyStaff(
          List.of(o.assigneeStaffId()),
          Message.of("repair.notify.cancelled", link(id), o.number()).from(SUBJECT, id));
    }
  }

  /** A manager records the finding of an integrity case and closes it. */
  public void closeIntegrityCase(CurrentUser user, long caseId, String finding, Integer version) {
    user.require(Role.MANAGER);
    var c =
        repo.integrityCase(caseId)
            .orElseThrow(() -> DomainException.notFound("repair.error.caseNotFound"));
    user.requireCommunity(c.communityId());
    String text = text("finding", finding, 1000, true);
    if (!repo.closeIntegrityCase(
        caseId, text, user.staffId(), clock.instant(), version == null ? c.version() : version)) {
      throw DomainException.staleVersion();
    }
    audit.record(
        "repair_integrity_case",
        caseId,
        "CLOSED",
        Map.of("status", "OPEN"),
        Map.of("status", "CLOSED", "finding", text));
  }

  // ================================================================== catalog

  /** A new item of the price list (company-wide with communityId null). Managers only. */
  public long addPriceItem(
      CurrentUser user,
      Long communityId,
      String name,
      String unit,
      BigDecimal price,
      String category) {
    user.require(Role.MANAGER, Role.ADMIN);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    String n = text("name", name, 100, true);
    String u = text("unit", unit, 20, true);
    BigDecimal p = RepairFeePolicy.price("price", price);
    String cat = category == null || category.isBlank() ? null : category.trim();
    if (cat != null && catalog.category(cat).isEmpty()) {
      throw DomainException.invalid("category", "repair.error.category");
    }
    long id = catalog.insertPriceItem(communityId, n, u, p, cat);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("communityId", communityId);
    after.put("name", n);
    after.put("unit", u);
    after.put("price", p.toPlainString());
    audit.record("repair_price_item", id, "CREATED", null, after);
    return id;
  }

  public void deactivatePriceItem(CurrentUser user, long id) {
    user.require(Role.MANAGER, Role.ADMIN);
    var item =
        catalog.priceItem(id).orElseThrow(() -> DomainException.notFound("repair.error.noItem"));
    if (item.communityId() != null) {
      user.requireCommunity(item.communityId());
    }
    if (!catalog.deactivatePriceItem(id)) {
      throw DomainException.conflict("repair.error.itemInactive");
    }
    audit.record(
        "repair_price_item", id, "DEACTIVATED", Map.of("active", true), Map.of("active", false));
  }

  /** Changes a category's targets (EN-3 24 hours unless configured) or switches it off. */
  public void updateCategory(
      CurrentUser user,
      String code,
      Integer targetHours,
      Integer arriveMinutes,
      Boolean active,
      Integer version) {
    user.require(Role.MANAGER, Role.ADMIN);
    RepairCategory c =
        catalog
            .category(code)
            .orElseThrow(() -> DomainException.notFound("repair.error.categoryNotFound"));
    int h = targetHours == null ? c.targetHours() : targetHours;
    int m = arriveMinutes == null ? c.arriveMinutes() : arriveMinutes;
    if (h < 1 || h > 720) {
      throw DomainException.invalid("targetHours", "repair.error.targetHours");
    }
    if (m < 5 || m > 1440) {
      throw DomainException.invalid("arriveMinutes", "repair.error.arriveMinutes");
    }
    boolean a = active == null ? c.active() : active;
    catalog.updateCategory(code, h, m, a, version == null ? c.version() : version);
    audit.record(
        "repair_category",
        code,
        "UPDATED",
        Map.of(
            "targetHours",
            c.targetHours(),
            "arriveMinutes",
            c.arriveMinutes(),
            "active",
            c.active()),
        Map.of("targetHours", h, "arriveMinutes", m, "active", a));
  }

  /** A new category with its targets. */
  public void addCategory(
      CurrentUser user,
      String code,
      String name,
      String nameEn,
      Integer targetHours,
      Integer arriveMinutes) {
    user.require(Role.MANAGER, Role.ADMIN);
    String c = text("code", code, 30, true).toUpperCase(Locale.ROOT);
    if (!c.matches("^[A-Z][A-Z0-9_]*$")) {
      throw DomainException.invalid("code", "repair.error.categoryCode");
    }
    if (catalog.category(c).isPresent()) {
      throw DomainException.invalid("code", "repair.error.categoryExists");
    }
    int h = targetHours == null ? 24 : targetHours;
    int m = arriveMinutes == null ? 30 : arriveMinutes;
    if (h < 1 || h > 720) {
      throw DomainException.invalid("targetHours", "repair.error.targetHours");
    }
    if (m < 5 || m > 1440) {
      throw DomainException.invalid("arriveMinutes", "repair.error.arriveMinutes");
    }
    String n = text("name", name, 50, true);
    String en = text("nameEn", nameEn, 50, false);
    catalog.insertCategory(new RepairCategory(c, n, en == null ? n : en, h, m, 80, true, 0));
    audit.record("repair_category", c, "CREATED", null, Map.of("name", n, "targetHours", h));
  }

  // ================================================================== reactions

  /** Escalations of a repair's clocks appear on its timeline. */
  @EventListener
  void on(DeadlineEscalated e) {
    if (SUBJECT.equals(e.subjectType())) {
      repo.recordEscalation(Long.parseLong(e.subjectId()), e.purpose(), e.level().name(), e.at());
    }
  }

  // ================================================================== helpers

  private Stored load(CurrentUser user, long id, Integer expectedVersion) {
    Stored s = repo.require(id);
    access.check(user, s);
    if (expectedVersion != null && expectedVersion != s.order().version()) {
      throw DomainException.staleVersion();
    }
    return s;
  }

  /** Pause and resume: the assigned technician, or the staff who dispatch. */
  private Stored loadForWork(CurrentUser user, long id, Integer version) {
    Stored s = load(user, id, version);
    if (user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    if (!user.hasAny(RepairAccess.DISPATCHERS)) {
      user.require(Role.TECHNICIAN);
      if (!Objects.equals(s.order().assigneeStaffId(), user.staffId())) {
        throw DomainException.forbidden("repair.error.notAssignee", s.order().number());
      }
    }
    return s;
  }

  private void save(
      CurrentUser user,
      Stored s,
      String action,
      Map<String, Object> before,
      Instant due,
      Instant arriveDue,
      BigDecimal charge,
      Instant now) {
    repo.save(s.order(), due, arriveDue, charge, now, user.actorRef(), actorName(user));
    Map<String, Object> after = s.order().snapshot();
    if (charge != null) {
      after.put("chargeTotal", charge.toPlainString());
    }
    audit.record(AUDIT, s.order().id(), action, before, after);
  }

  private void assignClocks(Stored s, long technicianId) {
    clocks.assign(s.facts().resolveClockId(), technicianId);
    if (s.facts().arriveClockId() != null) {
      clocks.assign(s.facts().arriveClockId(), technicianId);
    }
  }

  private StaffMember technician(long communityId, Long technicianId) {
    if (technicianId == null) {
      throw DomainException.invalid("technicianId", "repair.error.technicianRequired");
    }
    return staff
        .find(technicianId)
        .filter(m -> m.active() && m.has(Role.TECHNICIAN) && m.communityIds().contains(communityId))
        .orElseThrow(() -> DomainException.invalid("technicianId", "repair.error.notTechnician"));
  }

  private void notifyEmergency(long id, String number, long communityId, String where) {
    Message m =
        Message.of("repair.notify.emergency", link(id), number, where)
            .from(SUBJECT, id)
            .mustAcknowledge();
    List<Long> onDuty =
        staff.onDuty(communityId, Role.TECHNICIAN).stream().map(StaffMember::id).toList();
    if (onDuty.isEmpty()) {
      notifications.notifyRole(communityId, Role.SUPERVISOR, m);
    } else {
      notifications.notifyStaff(onDuty, m);
    }
  }

  private String number(Instant now) {
    String day = DAY.format(now);
    return "BX" + day + "-" + String.format("%04d", numbers.next("BX" + day));
  }

  /** The day's next number in its own transaction (call with no transaction open). */
  private String uniqueNumber(Instant now) {
    String day = DAY.format(now);
    return "BX" + day + "-" + String.format("%04d", numbers.nextUnique("BX" + day));
  }

  private static Channel channel(CurrentUser user, String value) {
    if (user.isResident()) {
      return Channel.PORTAL;
    }
    user.require(RepairAccess.STAFF);
    if (value == null || value.isBlank()) {
      return Channel.PHONE;
    }
    try {
      Channel c = Channel.valueOf(value.trim());
      if (c != Channel.PORTAL && c != Channel.COMPLAINT) {
        return c;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw DomainException.invalid("channel", "repair.error.channel");
  }

  private static void rating(String field, Integer value) {
    if (value == null || value < 1 || value > 5) {
      throw DomainException.invalid(field, "repair.error.rating");
    }
  }

  private static Map<ConductItem, Boolean> answers(Set<ConductItem> items) {
    Map<ConductItem, Boolean> m = new EnumMap<>(ConductItem.class);
    items.forEach(i -> m.put(i, true));
    return m;
  }

  private static void requireVersion(Integer version) {
    if (version == null) {
      throw DomainException.invalid("version", "repair.error.versionRequired");
    }
  }

  private String where(Stored s) {
    return s.facts().unitCode() != null ? s.facts().unitCode() : s.facts().location();
  }

  private String categoryName(String code) {
    return catalog.category(code).map(RepairCategory::name).orElse(code);
  }

  static String link(long id) {
    return "/staff/repairs/" + id;
  }

  static String actorName(CurrentUser user) {
    String n = user.displayName() == null ? user.username() : user.displayName();
    return n.length() > 50 ? n.substring(0, 50) : n;
  }

  static String text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw DomainException.invalid(field, "error.required");
      }
      return null;
    }
    String t = value.trim();
    if (t.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return t;
  }
}
