package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.Channel;
import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.complaint.internal.ComplaintRepository;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.notice.StaffNotices;
import com.wuye.center.repair.RepairsForComplaints;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint handling: intake (CS-C1), the eight steps (CS-8), escalation, referral and
 * clarification (CS-C2), closing with thanks (CS-C3). Every change is checked here (role,
 * community, unit) and written to the audit trail; the complaint's timeline is its steps and
 * events.
 */
@Service
@Transactional
public class Complaints {

  private static final Logger log = LoggerFactory.getLogger(Complaints.class);

  /** Who handles complaints. */
  static final Role[] HANDLERS = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  public static final String SUBJECT = "complaint";
  public static final String COMMITMENT = "commitment";

  private static final Pattern REPAIR_NUMBER = Pattern.compile("^[A-Z0-9][A-Z0-9-]{2,39}$");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ClockConfiguration.ZONE);

  // --- what callers send and read

  /** Intake by staff (CS-C1): the unit by id, or by community and code ("1-1-101"). */
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

  /**
   * One step's input: what was said or done ({@code text}); step 4 the promised time; step 7
   * whether satisfied; step 8 what changes and the audience (no communities: the whole company).
   * {@code version}, if given, must be the version the screen showed.
   */
  public record StepInput(
      String text,
      Instant promisedAt,
      Boolean satisfied,
      String noticeTitle,
      String whatChanges,
      Set<Long> communityIds,
      Integer version) {
    public static StepInput text(String text) {
      return new StepInput(text, null, null, null, null, null, null);
    }
  }

  /** The closing (CS-C2, CS-C3). */
  public record CloseInput(
      Outcome outcome,
      String explanation,
      String referralBody,
      String referralContact,
      Boolean residentTold,
      String thanks,
      Integer version) {}

  public enum ActionKind {
    REPAIR_REQUEST,
    REPAIR_LINK,
    DEPARTMENT
  }

  /** A corrective action (CS-8.6): a repair requested or linked, or a department assigned. */
  public record Action(
      long id,
      int round,
      ActionKind kind,
      String description,
      String department,
      Long repairOrderId,
      String repairNumber,
      String state,
      String actorName,
      Instant createdAt,
      Instant linkedAt) {}

  /** A configurable complaint category. */
  public record Category(
      String code, String name, String nameEn, int sortOrder, boolean active, int version) {
    public String label(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }
  }

  /** An entry of the timeline besides the steps. */
  public record Event(String type, String text, String actorName, Instant at) {}

  /** A complaint in a list. */
  public record Row(
      long id,
      String number,
      long communityId,
      long unitId,
      String unitLabel,
      Channel channel,
      String categoryCode,
      String categoryName,
      String categoryNameEn,
      String contactName,
      String contactPhone,
      Instant receivedAt,
      Status status,
      ComplaintStep nextStep,
      int round,
      String ownerName,
      Outcome outcome,
      Instant closedAt) {

    public String maskedPhone() {
      return com.wuye.center.shared.Masking.phone(contactPhone);
    }

    public String categoryLabel(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? categoryNameEn : categoryName;
    }
  }

  /** A notice published at step 8 with its read rate. */
  public record Lesson(StaffNotices.StaffNotice notice, StaffNotices.ReadRate readRate) {}

  /** Everything the complaint's page shows to staff. */
  public record Details(
      Complaint complaint,
      Row row,
      List<Action> actions,
      List<Event> events,
      Optional<ClockView> commitmentClock,
      List<Lesson> lessons,
      List<ComplaintStep> missingSteps,
      List<StaffMember> supervisors) {}

  /** What a resident sees of a complaint: no internal texts (corrective notes, lesson, owner). */
  public record ResidentView(
      long id,
      String number,
      String unitLabel,
      String categoryName,
      String categoryNameEn,
      String words,
      Instant receivedAt,
      Status status,
      List<ResidentStep> progress,
      String commitment,
      Instant promisedAt,
      List<String> repairNumbers,
      Outcome outcome,
      String explanation,
      String referralBody,
      String referralContact,
      String thanks,
      Instant closedAt) {}

  /** A step as the resident sees it: which one and when, without the staff's notes. */
  public record ResidentStep(int step, int round, Instant at) {}

  private final ComplaintRepository repository;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final StaffNotices notices;
  private final DeadlineClocks clocks;
  private final NumberSeries numbers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final Clock clock;
  private final RepairsForComplaints repairs;

  Complaints(
      ComplaintRepository repository,
      EstateDirectory estate,
      StaffDirectory staff,
      Notifications notifications,
      StaffNotices notices,
      DeadlineClocks clocks,
      NumberSeries numbers,
      AuditTrail audit,
      ApplicationEventPublisher events,
      MessageSource messages,
      Clock clock,
      RepairsForComplaints repairs) {
    this.repository = repository;
    this.estate = estate;
    this.staff = staff;
    this.notifications = notifications;
    this.notices = notices;
    this.clocks = clocks;
    this.numbers = numbers;
    this.audit = audit;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
    this.repairs = repairs;
  }

  // --- intake (CS-C1)

  /** Customer service records a complaint taken by phone, at the counter or in writing. */
  public long receive(CurrentUser user, NewComplaint in) {
    user.require(HANDLERS);
    Estate.Unit unit = unitOf(user, in);
    String phone = PhoneNumber.of("contactPhone", in.contactPhone()).value();
    if (in.channel() == Channel.PORTAL) {
      throw DomainException.invalid("channel", "complaint.error.portalIsForResidents");
    }
    category(in.categoryCode());
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
    long id = repository.insert(c, unit.label(), user.displayName());
    repository.event(id, "RECEIVED", null, user.actorRef(), user.displayName(), now);
    audit.record(SUBJECT, id, "RECEIVED", null, snapshot(c, unit.label()));
    return id;
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
    category(in.categoryCode());
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
    long id = repository.insert(c, unit.label(), null);
    repository.event(id, "RECEIVED", null, user.actorRef(), me.name(), now);
    audit.record(SUBJECT, id, "RECEIVED", null, snapshot(c, unit.label()));
    notifications.notifyRole(
        unit.communityId(),
        Role.CUSTOMER_SERVICE,
        Notifications.Message.of("complaint.notify.new", link(id), c.number(), unit.label())
            .from(SUBJECT, id));
    return id;
  }

  // --- the eight steps (CS-8)

  /**
   * Records step {@code stepNumber} (1–8) in order. Step 4 starts the commitment clock; step 6
   * stops it (the action is done); "not satisfied" at step 7 sends the complaint back to step 6 and
   * the clock runs again with its original due time; step 8 publishes the lesson to all staff (or
   * the chosen communities).
   */
  public StepRecord recordStep(CurrentUser user, long id, int stepNumber, StepInput in) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    ComplaintStep step = ComplaintStep.of(stepNumber);
    c.requireNext(step);
    if (in.version() != null && in.version() != c.version()) {
      throw DomainException.staleVersion();
    }
    Instant now = clock.instant();
    Long noticeId = null;
    if (step == ComplaintStep.PREVENTION) {
      noticeId = publishLesson(user, c, in);
    }
    int before = c.nextStep().map(ComplaintStep::number).orElse(0);
    StepRecord rec =
        c.record(
            step,
            in.text(),
            in.promisedAt() == null ? null : in.promisedAt().truncatedTo(ChronoUnit.SECONDS),
            in.satisfied(),
            false,
            false,
            noticeId,
            user.staffId(),
            user.displayName(),
            now);
    save(c, rec, step, user);
    switch (step) {
      case COMMITMENT -> startCommitmentClock(c, rec.promisedAt());
      case CORRECTION ->
          commitmentClock(c.id()).filter(v -> !isStopped(v)).ifPresent(v -> clocks.stop(v.id()));
      case SATISFACTION -> {
        if (!rec.satisfied()) {
          commitmentClock(c.id())
              .filter(this::isStopped)
              .ifPresent(v -> clocks.reopen(v.id(), "complaint.round." + c.round()));
        }
      }
      default -> {}
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("step", step.number());
    after.put("round", rec.round());
    if (rec.promisedAt() != null) {
      after.put("promisedAt", rec.promisedAt().toString());
    }
    if (rec.satisfied() != null) {
      after.put("satisfied", rec.satisfied());
    }
    if (noticeId != null) {
      after.put("noticeId", noticeId);
    }
    audit.record(SUBJECT, id, "STEP_" + step.number(), Map.of("nextStep", before), after);
    return rec;
  }

  /** CS-8.8: only a supervisor may mark the prevention step not applicable, with a reason. */
  public StepRecord waivePrevention(CurrentUser user, long id, String reason, Integer version) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    c.requireNext(ComplaintStep.PREVENTION);
    if (version != null && version != c.version()) {
      throw DomainException.staleVersion();
    }
    StepRecord rec =
        c.record(
            ComplaintStep.PREVENTION,
            reason,
            null,
            null,
            true,
            user.hasAny(Role.SUPERVISOR, Role.MANAGER),
            null,
            user.staffId(),
            user.displayName(),
            clock.instant());
    save(c, rec, ComplaintStep.PREVENTION, user);
    audit.record(SUBJECT, id, "STEP_8_WAIVED", null, Map.of("reason", reason));
    return rec;
  }

  private Long publishLesson(CurrentUser user, Complaint c, StepInput in) {
    if (in.text() == null || in.text().isBlank()) {
      throw DomainException.invalid("text", "complaint.error.stepTextRequired");
    }
    if (in.whatChanges() == null || in.whatChanges().isBlank()) {
      throw DomainException.invalid("whatChanges", "complaint.error.whatChangesRequired");
    }
    Set<Long> communities = in.communityIds() == null ? Set.of() : Set.copyOf(in.communityIds());
    for (long community : communities) {
      if (!user.servesCommunity(community)) {
        throw DomainException.invalid("communityIds", "error.forbidden.community");
      }
    }
    String title =
        in.noticeTitle() == null || in.noticeTitle().isBlank()
            ? messages.getMessage(
                "complaint.notice.title",
                new Object[] {category(c.categoryCode()).name(), c.number()},
                Locale.SIMPLIFIED_CHINESE)
            : in.noticeTitle();
    return notices.publish(
        user,
        new StaffNotices.NewNotice(
            title,
            in.text(),
            in.whatChanges(),
            communities,
            SUBJECT,
            String.valueOf(c.id()),
            link(c.id())));
  }

  private void save(Complaint c, StepRecord rec, ComplaintStep step, CurrentUser user) {
    try {
      repository.save(c, rec, ownerName(c, user));
    } catch (DomainException e) {
      if ("error.stale".equals(e.messageKey()) && step != null) {
        // someone else was quicker: say who recorded the step, if that is what happened
        repository.load(c.id()).ifPresent(fresh -> fresh.requireNotRecorded(step));
      }
      throw e;
    }
  }

  private String ownerName(Complaint c, CurrentUser user) {
    if (c.ownerStaffId() == null) {
      return null;
    }
    if (user.isStaff() && c.ownerStaffId().equals(user.staffId())) {
      return user.displayName();
    }
    return staff.find(c.ownerStaffId()).map(StaffMember::name).orElse("?");
  }

  private void startCommitmentClock(Complaint c, Instant promisedAt) {
    clocks.startUntil(
        new DeadlineClocks.Start(
            SUBJECT,
            String.valueOf(c.id()),
            COMMITMENT,
            messages.getMessage(
                "complaint.clock.label", new Object[] {c.number()}, Locale.SIMPLIFIED_CHINESE),
            link(c.id()),
            c.communityId(),
            c.ownerStaffId(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            null),
        promisedAt);
  }

  private Optional<ClockView> commitmentClock(long id) {
    return clocks.find(SUBJECT, String.valueOf(id), COMMITMENT);
  }

  private boolean isStopped(ClockView v) {
    return v.state() == DeadlineClock.State.STOPPED;
  }

  // --- CS-C2: escalate to a named supervisor

  /** The supervisors a complaint can be escalated to: those serving its community. */
  @Transactional(readOnly = true)
  public List<StaffMember> supervisors(long communityId) {
    return staff.withRole(communityId, Role.SUPERVISOR);
  }

  /** A named supervisor takes the complaint over, is notified at once and becomes its owner. */
  public void escalate(CurrentUser user, long id, Long supervisorStaffId, String reason) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    if (supervisorStaffId == null) {
      throw DomainException.invalid("supervisorStaffId", "complaint.error.supervisorRequired");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "complaint.error.escalationReasonRequired");
    }
    StaffMember sup =
        staff
            .find(supervisorStaffId)
            .filter(
                s ->
                    s.active()
                        && s.has(Role.SUPERVISOR)
                        && s.communityIds().contains(c.communityId()))
            .orElseThrow(
                () ->
                    DomainException.invalid("supervisorStaffId", "complaint.error.notASupervisor"));
    Long before = c.ownerStaffId();
    c.escalateTo(sup.id());
    repository.save(c, null, sup.name());
    Instant now = clock.instant();
    repository.event(
        id,
        "ESCALATED",
        sup.name() + "：" + reason.strip(),
        user.actorRef(),
        user.displayName(),
        now);
    commitmentClock(id).ifPresent(v -> clocks.assign(v.id(), sup.id()));
    notifications.notifyStaff(
        List.of(sup.id()),
        Notifications.Message.of(
                "complaint.notify.escalated",
                link(id),
                c.number(),
                user.displayName(),
                reason.strip())
            .from(SUBJECT, id)
            .mustAcknowledge());
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("ownerStaffId", before);
    audit.record(
        SUBJECT, id, "ESCALATED", b, Map.of("ownerStaffId", sup.id(), "reason", reason.strip()));
  }

  // --- CS-8.6: corrective actions

  /**
   * Asks the repair area for a repair order for the complaint's unit (CS-8.6): the order is logged
   * in this transaction, as the staff member who asks, and linked at once.
   */
  public long requestRepair(CurrentUser user, long id, String description) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    c.requireCorrectionAllowed();
    String d = text("description", description, 2000);
    Instant now = clock.instant();
    long actionId =
        repository.insertAction(
            id,
            c.round(),
            ActionKind.REPAIR_REQUEST,
            d,
            null,
            null,
            user.staffId(),
            user.displayName(),
            now);
    repository.event(id, "REPAIR_REQUESTED", d, user.actorRef(), user.displayName(), now);
    RepairsForComplaints.Order order =
        repairs.request(
            user, new RepairsForComplaints.Request(id, c.number(), actionId, c.unitId(), d));
    if (!repository.linkRequest(id, actionId, order.id(), order.number(), now)) {
      throw DomainException.staleVersion();
    }
    repository.event(id, "REPAIR_LINKED", order.number(), user.actorRef(), user.displayName(), now);
    audit.record(
        SUBJECT,
        id,
        "REPAIR_REQUESTED",
        null,
        Map.of("requestId", actionId, "repairNumber", order.number(), "repairOrderId", order.id()));
    return actionId;
  }

  /** Links an existing repair order by its number (shown on the complaint). */
  public long linkRepair(CurrentUser user, long id, String repairNumber, String note) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    c.requireCorrectionAllowed();
    String number = repairNumber == null ? "" : repairNumber.strip().toUpperCase(Locale.ROOT);
    if (number.isEmpty()) {
      throw DomainException.invalid("repairNumber", "complaint.error.repairNumberRequired");
    }
    if (!REPAIR_NUMBER.matcher(number).matches()) {
      throw DomainException.invalid("repairNumber", "complaint.error.repairNumber");
    }
    RepairsForComplaints.Order order =
        repairs
            .find(user, number)
            .filter(o -> o.communityId() == c.communityId())
            .orElseThrow(
                () ->
                    DomainException.ruleOn(
                        "repairNumber", "complaint.error.repairUnknown", number));
    String d =
        note == null || note.isBlank()
            ? messages.getMessage(
                "complaint.action.linkedNote", new Object[] {number}, Locale.SIMPLIFIED_CHINESE)
            : text("note", note, 2000);
    Instant now = clock.instant();
    long actionId =
        repository.insertAction(
            id,
            c.round(),
            ActionKind.REPAIR_LINK,
            d,
            null,
            number,
            user.staffId(),
            user.displayName(),
            now);
    repository.event(id, "REPAIR_LINKED", number, user.actorRef(), user.displayName(), now);
    audit.record(
        SUBJECT,
        id,
        "REPAIR_LINKED",
        null,
        Map.of("repairNumber", number, "repairOrderId", order.id()));
    return actionId;
  }

  /** Assigns another department (e.g. 保洁部, 工程部) to put it right. */
  public long assignDepartment(CurrentUser user, long id, String department, String description) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    c.requireCorrectionAllowed();
    String dept = text("department", department, 50);
    String d = text("description", description, 2000);
    Instant now = clock.instant();
    long actionId =
        repository.insertAction(
            id,
            c.round(),
            ActionKind.DEPARTMENT,
            d,
            dept,
            null,
            user.staffId(),
            user.displayName(),
            now);
    repository.event(
        id, "DEPARTMENT_ASSIGNED", dept + "：" + d, user.actorRef(), user.displayName(), now);
    audit.record(SUBJECT, id, "DEPARTMENT_ASSIGNED", null, Map.of("department", dept));
    return actionId;
  }

  // --- closing (CS-C2, CS-C3)

  public void close(CurrentUser user, long id, CloseInput in) {
    user.require(HANDLERS);
    Complaint c = loadForChange(user, id);
    if (in.version() != null && in.version() != c.version()) {
      throw DomainException.staleVersion();
    }
    Instant now = clock.instant();
    c.close(
        new Complaint.Closing(
            in.outcome(),
            in.explanation(),
            in.referralBody(),
            in.referralContact(),
            Boolean.TRUE.equals(in.residentTold()),
            in.thanks()),
        user.staffId(),
        now);
    save(c, null, null, user);
    Boolean met = null;
    Optional<ClockView> clockView = commitmentClock(id);
    if (clockView.isPresent()) {
      ClockView v = clockView.get();
      if (!isStopped(v)) {
        v = clocks.stop(v.id());
      }
      met = v.met();
    }
    Complaint.Closing k = c.closing();
    String summary =
        switch (k.outcome()) {
          case RESOLVED -> k.thanks();
          case CLARIFIED -> k.explanation();
          case REFERRED -> k.referralBody() + "（" + k.referralContact() + "）";
        };
    repository.event(
        id, "CLOSED", k.outcome().name() + "：" + summary, user.actorRef(), user.displayName(), now);
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
    audit.record(SUBJECT, id, "CLOSED", Map.of("status", "OPEN"), after);
    if (c.filedByResidentId() != null) {
      notifications.notifyResident(
          c.filedByResidentId(),
          Notifications.Message.of(
                  "complaint.notify.closed", "/portal/complaints/" + id, c.number())
              .from(SUBJECT, id));
    }
    events.publishEvent(
        new ComplaintClosed(
            id,
            c.number(),
            c.communityId(),
            k.outcome(),
            c.unsatisfiedCount(),
            met,
            c.ownerStaffId(),
            now));
  }

  // --- reading

  @Transactional(readOnly = true)
  public Details details(CurrentUser user, long id) {
    user.require(HANDLERS);
    Complaint c = load(user, id);
    Row row = repository.row(id).orElseThrow();
    List<Lesson> lessons =
        notices.fromSource(SUBJECT, String.valueOf(id)).stream()
            .map(n -> new Lesson(n, notices.readRate(n.id())))
            .toList();
    return new Details(
        c,
        row,
        repository.actions(id),
        repository.events(id),
        commitmentClock(id),
        lessons,
        c.status() == Status.OPEN ? c.missingSteps() : List.of(),
        supervisors(c.communityId()));
  }

  /** Complaints of the communities the user serves (one community if given), newest first. */
  @Transactional(readOnly = true)
  public Paged<Row> list(
      CurrentUser user, Long communityId, Status status, String q, int page, int size) {
    user.require(HANDLERS);
    Long[] communities;
    if (communityId != null) {
      user.requireCommunity(communityId);
      communities = new Long[] {communityId};
    } else {
      communities = user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
    }
    long total = repository.count(communities, status, q);
    return new Paged<>(
        repository.list(communities, status, q, size, (long) page * size), page, size, total);
  }

  /** Commitment clocks of complaints in a list, keyed by complaint id. */
  @Transactional(readOnly = true)
  public Map<String, ClockView> commitmentClocks(List<Row> rows) {
    return clocks.find(
        SUBJECT, COMMITMENT, rows.stream().map(r -> String.valueOf(r.id())).toList());
  }

  /** The resident's complaints: filed by them or about a unit they live in. */
  @Transactional(readOnly = true)
  public List<Row> mine(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return repository.forResident(user.residentId(), units);
  }

  /** One complaint as its resident sees it (404 if it is not theirs). */
  @Transactional(readOnly = true)
  public ResidentView residentView(CurrentUser user, long id) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    Complaint c =
        repository.load(id).orElseThrow(() -> DomainException.notFound("complaint.error.notFound"));
    boolean mine =
        user.residentId().equals(c.filedByResidentId())
            || estate.residentOccupies(user.residentId(), c.unitId());
    if (!mine) {
      throw DomainException.notFound("complaint.error.notFound");
    }
    Row row = repository.row(id).orElseThrow();
    Optional<StepRecord> commitment = c.commitment();
    Complaint.Closing k = c.closing();
    return new ResidentView(
        id,
        c.number(),
        row.unitLabel(),
        row.categoryName(),
        row.categoryNameEn(),
        c.words(),
        c.receivedAt(),
        c.status(),
        c.steps().stream()
            .map(s -> new ResidentStep(s.step().number(), s.round(), s.recordedAt()))
            .toList(),
        commitment.map(StepRecord::text).orElse(null),
        commitment.map(StepRecord::promisedAt).orElse(null),
        repository.actions(id).stream()
            .map(Action::repairNumber)
            .filter(java.util.Objects::nonNull)
            .toList(),
        k == null ? null : k.outcome(),
        k == null ? null : k.explanation(),
        k == null ? null : k.referralBody(),
        k == null ? null : k.referralContact(),
        k == null ? null : k.thanks(),
        c.closedAt());
  }

  // --- categories (configurable)

  @Transactional(readOnly = true)
  public List<Category> categories(boolean activeOnly) {
    return repository.categories(activeOnly);
  }

  /** Supervisors and managers add categories. */
  public void addCategory(CurrentUser user, String code, String name, String nameEn, Integer sort) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!c.matches("^[A-Z][A-Z0-9_]{1,29}$")) {
      throw DomainException.invalid("code", "complaint.error.categoryCode");
    }
    String n = text("name", name, 30);
    String e = nameEn == null || nameEn.isBlank() ? n : text("nameEn", nameEn, 60);
    repository.insertCategory(c, n, e, sort == null ? 100 : sort);
    audit.record("complaint_category", c, "CREATED", null, Map.of("name", n, "nameEn", e));
  }

  /** Supervisors and managers switch a category on or off (existing complaints keep theirs). */
  public void setCategoryActive(CurrentUser user, String code, boolean active, int version) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    Category before =
        repository
            .category(code)
            .orElseThrow(() -> DomainException.notFound("complaint.error.categoryNotFound"));
    repository.setCategoryActive(code, active, version);
    audit.record(
        "complaint_category",
        code,
        active ? "ACTIVATED" : "DEACTIVATED",
        Map.of("active", before.active()),
        Map.of("active", active));
  }

  // --- helpers

  /** Loads the complaint to change it: its row is locked until the transaction ends. */
  private Complaint loadForChange(CurrentUser user, long id) {
    if (!repository.lock(id)) {
      throw DomainException.notFound("complaint.error.notFound");
    }
    return load(user, id);
  }

  private Complaint load(CurrentUser user, long id) {
    Complaint c =
        repository.load(id).orElseThrow(() -> DomainException.notFound("complaint.error.notFound"));
    user.requireCommunity(c.communityId());
    return c;
  }

  private Estate.Unit unitOf(CurrentUser user, NewComplaint in) {
    if (in.unitId() != null) {
      return estate.unitFor(user, in.unitId());
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

  private Category category(String code) {
    if (code == null || code.isBlank()) {
      throw DomainException.invalid("categoryCode", "complaint.error.category");
    }
    return repository
        .category(code)
        .filter(Category::active)
        .orElseThrow(() -> DomainException.invalid("categoryCode", "complaint.error.category"));
  }

  private String nextNumber(Instant now) {
    String day = DAY.format(now);
    return "TS" + day + "-" + String.format("%04d", numbers.next("complaint-" + day));
  }

  static String link(long id) {
    return "/staff/complaints/" + id;
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "error.required");
    }
    if (value.strip().length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return value.strip();
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
