package com.wuye.center.inquiry;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.Inquiry.Channel;
import com.wuye.center.inquiry.Inquiry.Kind;
import com.wuye.center.inquiry.Inquiry.ReferTo;
import com.wuye.center.inquiry.Inquiry.Status;
import com.wuye.center.inquiry.internal.InquiryRepository;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations: registering (staff) or asking (residents, from the portal), referring, replying,
 * internal notes, the written reply letter. Written consultations get a two-day "reply" clock at
 * registration (CS-Q1); oral referrals a clock until the promised reply time (CS-Q2). Residents see
 * only what is meant for them: never internal notes or confidential replies (CS-Q4).
 */
@Service
@Transactional
public class Inquiries {

  static final Role[] HANDLERS = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  public static final String SUBJECT = "inquiry";
  public static final String REPLY = "reply";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ClockConfiguration.ZONE);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  /** Registration by staff: the unit by id, or community + code; or no unit (then community). */
  public record NewInquiry(
      Long communityId,
      Long unitId,
      String unitCode,
      Channel channel,
      String askerName,
      String contactPhone,
      String question) {}

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

  public record ReferInput(
      ReferTo referTo,
      String department,
      Instant promisedAt,
      Boolean residentTold,
      Integer version) {}

  public record ReplyInput(String text, Boolean confidential, Integer version) {}

  public record Row(
      long id,
      String number,
      Kind kind,
      Channel channel,
      long communityId,
      Long unitId,
      String unitLabel,
      String askerName,
      String contactPhone,
      String question,
      Instant receivedAt,
      Status status,
      ReferTo referredToKind,
      String referredTo,
      Instant promisedAt,
      Instant answeredAt,
      Long residentId,
      int version) {
    public String maskedPhone() {
      return Masking.phone(contactPhone);
    }
  }

  public record Reply(
      long id,
      String text,
      boolean confidential,
      Long kbEntryId,
      String kbTitle,
      String actorName,
      Instant at) {}

  public record Note(long id, String text, String actorName, Instant at) {}

  public record Event(String type, String text, String actorName, Instant at) {}

  /** Everything staff see of a consultation. */
  public record Details(
      Row row,
      List<Reply> replies,
      List<Note> notes,
      List<Event> events,
      Optional<ClockView> replyClock) {}

  /** What a resident sees: their question, the reply time, and replies meant for them. */
  public record ResidentView(
      long id,
      String number,
      Kind kind,
      String unitLabel,
      String question,
      Instant receivedAt,
      Status status,
      Instant replyDueAt,
      List<ResidentReply> replies) {}

  public record ResidentReply(String text, Instant at) {}

  /** The written reply as a letter (A4 print page). */
  public record Letter(
      String number,
      String unitLabel,
      String askerName,
      String question,
      Instant receivedAt,
      String replyText,
      Instant repliedAt,
      String communityName,
      String communityAddress) {}

  private final InquiryRepository repository;
  private final KnowledgeBase knowledge;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final DeadlineClocks clocks;
  private final NumberSeries numbers;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;
  private final Duration writtenReplyWithin;

  Inquiries(
      InquiryRepository repository,
      KnowledgeBase knowledge,
      EstateDirectory estate,
      StaffDirectory staff,
      Notifications notifications,
      DeadlineClocks clocks,
      NumberSeries numbers,
      AuditTrail audit,
      MessageSource messages,
      Clock clock,
      @Value("${wuye.inquiry.written-reply-within:2d}") Duration writtenReplyWithin) {
    this.repository = repository;
    this.knowledge = knowledge;
    this.estate = estate;
    this.staff = staff;
    this.notifications = notifications;
    this.clocks = clocks;
    this.numbers = numbers;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.writtenReplyWithin = writtenReplyWithin;
  }

  // --- registering

  /** Staff register a written (letter) or oral (phone, visit) consultation. */
  public long register(CurrentUser user, NewInquiry in) {
    user.require(HANDLERS);
    if (in.channel() == Channel.PORTAL) {
      throw DomainException.invalid("channel", "inquiry.error.portalIsForResidents");
    }
    long communityId;
    Long unitId = null;
    String label;
    if (in.unitId() != null || (in.unitCode() != null && !in.unitCode().isBlank())) {
      Estate.Unit unit = unitOf(user, in);
      communityId = unit.communityId();
      unitId = unit.id();
      label = unit.label();
    } else {
      if (in.communityId() == null) {
        throw DomainException.invalid("communityId", "error.required");
      }
      user.requireCommunity(in.communityId());
      communityId = in.communityId();
      label =
          estate
              .community(communityId)
              .map(Estate.Community::name)
              .orElseThrow(
                  () -> DomainException.invalid("communityId", "error.community.notFound"));
    }
    String phone =
        in.contactPhone() == null || in.contactPhone().isBlank()
            ? null
            : PhoneNumber.of("contactPhone", in.contactPhone()).value();
    Instant now = clock.instant();
    Inquiry q =
        Inquiry.register(
            nextNumber(now),
            in.channel(),
            communityId,
            unitId,
            in.askerName(),
            phone,
            in.question(),
            now,
            user.staffId(),
            null);
    long id = repository.insert(q, label);
    registered(id, q, label, user.actorRef(), user.displayName(), user.staffId());
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
    long id = repository.insert(q, unit.label());
    registered(id, q, unit.label(), user.actorRef(), me.name(), null);
    notifications.notifyRole(
        unit.communityId(),
        Role.CUSTOMER_SERVICE,
        Notifications.Message.of("inquiry.notify.new", link(id), q.number(), unit.label())
            .from(SUBJECT, id));
    return id;
  }

  private void registered(
      long id, Inquiry q, String label, String actor, String actorName, Long assignee) {
    repository.event(id, "REGISTERED", null, actor, actorName, q.receivedAt());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("number", q.number());
    after.put("kind", q.kind().name());
    after.put("channel", q.channel().name());
    after.put("unit", label);
    after.put("askerName", q.askerName());
    after.put("contactPhone", q.contactPhone());
    after.put("question", q.question());
    audit.record(SUBJECT, id, "REGISTERED", null, after);
    if (q.kind() == Kind.WRITTEN) {
      // CS-Q1: a written consultation is answered in writing within two days
      clocks.start(
          new DeadlineClocks.Start(
              SUBJECT,
              String.valueOf(id),
              REPLY,
              clockLabel(q),
              link(id),
              q.communityId(),
              assignee,
              q.receivedAt(),
              writtenReplyWithin));
    }
  }

  // --- referring (CS-Q2)

  /**
   * An oral consultation not answerable from the knowledge base goes to a department or the
   * manager, with the reply time promised and told to the resident; a clock runs until then.
   */
  public void refer(CurrentUser user, long id, ReferInput in) {
    user.require(HANDLERS);
    Inquiry q = load(user, id, in.version());
    String target = in.department();
    List<StaffMember> managers = List.of();
    if (in.referTo() == ReferTo.MANAGER) {
      managers = staff.withRole(q.communityId(), Role.MANAGER);
      target = String.join("、", managers.stream().map(StaffMember::name).toList());
    }
    Instant now = clock.instant();
    q.refer(
        in.referTo(),
        target,
        in.promisedAt() == null ? null : in.promisedAt().truncatedTo(ChronoUnit.SECONDS),
        Boolean.TRUE.equals(in.residentTold()),
        now);
    repository.save(q);
    Inquiry.Referral r = q.referral();
    clocks.startUntil(
        new DeadlineClocks.Start(
            SUBJECT,
            String.valueOf(id),
            REPLY,
            clockLabel(q),
            link(id),
            q.communityId(),
            user.staffId(),
            now.truncatedTo(ChronoUnit.SECONDS),
            null),
        r.promisedAt());
    repository.event(
        id,
        "REFERRED",
        r.name() + " · " + WHEN.format(r.promisedAt()),
        user.actorRef(),
        user.displayName(),
        now);
    if (!managers.isEmpty()) {
      notifications.notifyStaff(
          managers.stream().map(StaffMember::id).toList(),
          Notifications.Message.of(
                  "inquiry.notify.referredToManager",
                  link(id),
                  q.number(),
                  user.displayName(),
                  WHEN.format(r.promisedAt()))
              .from(SUBJECT, id)
              .mustAcknowledge());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", "REFERRED");
    after.put("referTo", r.to().name());
    after.put("referredTo", r.name());
    after.put("promisedAt", r.promisedAt().toString());
    after.put("residentTold", true);
    audit.record(SUBJECT, id, "REFERRED", Map.of("status", "OPEN"), after);
  }

  // --- replying (CS-Q1, CS-Q2, CS-Q3, CS-Q4)

  /**
   * A reply in the staff member's words, kept as written. A written consultation is answered by the
   * first reply meant for the resident; an oral one only after a referral (before, answer from the
   * knowledge base). Confidential replies are for staff only.
   */
  public long reply(CurrentUser user, long id, ReplyInput in) {
    user.require(HANDLERS);
    Inquiry q = load(user, id, in.version());
    boolean confidential = Boolean.TRUE.equals(in.confidential());
    Instant now = clock.instant();
    boolean answered = q.reply(in.text(), confidential, false, now);
    return replied(user, q, in.text(), confidential, null, answered, now);
  }

  /** CS-Q2: answers at once with an approved, non-confidential knowledge-base entry. */
  public long answerFromKnowledge(CurrentUser user, long id, long entryId, Integer version) {
    user.require(HANDLERS);
    Inquiry q = load(user, id, version);
    KnowledgeEntry e = knowledge.usableAnswer(entryId);
    Instant now = clock.instant();
    boolean answered = q.reply(e.answer(), false, true, now);
    return replied(user, q, e.answer(), false, entryId, answered, now);
  }

  private long replied(
      CurrentUser user,
      Inquiry q,
      String text,
      boolean confidential,
      Long kbEntryId,
      boolean answered,
      Instant now) {
    long id = q.id();
    if (answered) {
      repository.save(q);
    }
    long replyId =
        repository.insertReply(
            id, text, confidential, kbEntryId, user.staffId(), user.displayName(), now);
    repository.event(
        id,
        answered ? "ANSWERED" : "REPLIED",
        confidential ? null : abbreviate(text),
        user.actorRef(),
        user.displayName(),
        now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("replyId", replyId);
    after.put("confidential", confidential);
    if (kbEntryId != null) {
      after.put("kbEntryId", kbEntryId);
    }
    if (answered) {
      after.put("status", "ANSWERED");
    }
    audit.record(SUBJECT, id, answered ? "ANSWERED" : "REPLIED", null, after);
    if (answered) {
      replyClock(id)
          .filter(v -> v.state() != DeadlineClock.State.STOPPED)
          .ifPresent(v -> clocks.stop(v.id()));
      if (q.residentId() != null) {
        notifications.notifyResident(
            q.residentId(),
            Notifications.Message.of(
                    "inquiry.notify.answered", "/portal/inquiries/" + id, q.number())
                .from(SUBJECT, id));
      }
    }
    return replyId;
  }

  /** An internal note: for staff only, never shown to the resident (CS-Q4). */
  public long note(CurrentUser user, long id, String text) {
    user.require(HANDLERS);
    Inquiry q = load(user, id, null);
    if (text == null || text.isBlank()) {
      throw DomainException.invalid("text", "inquiry.error.noteRequired");
    }
    if (text.length() > 4000) {
      throw DomainException.invalid("text", "error.tooLong", 4000);
    }
    long noteId =
        repository.insertNote(q.id(), text, user.staffId(), user.displayName(), clock.instant());
    audit.record(SUBJECT, id, "NOTE_ADDED", null, Map.of("noteId", noteId));
    return noteId;
  }

  // --- reading

  @Transactional(readOnly = true)
  public Details details(CurrentUser user, long id) {
    user.require(HANDLERS);
    load(user, id, null);
    return new Details(
        repository.row(id).orElseThrow(),
        repository.replies(id, true),
        repository.notes(id),
        repository.events(id),
        replyClock(id));
  }

  @Transactional(readOnly = true)
  public Paged<Row> list(
      CurrentUser user,
      Long communityId,
      Status status,
      Kind kind,
      String text,
      int page,
      int size) {
    user.require(HANDLERS);
    Long[] communities;
    if (communityId != null) {
      user.requireCommunity(communityId);
      communities = new Long[] {communityId};
    } else {
      communities = user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
    }
    return new Paged<>(
        repository.list(communities, status, kind, text, size, (long) page * size),
        page,
        size,
        repository.count(communities, status, kind, text));
  }

  /** Reply clocks of the consultations in a list, keyed by id. */
  @Transactional(readOnly = true)
  public Map<String, ClockView> replyClocks(List<Row> rows) {
    return clocks.find(SUBJECT, REPLY, rows.stream().map(r -> String.valueOf(r.id())).toList());
  }

  @Transactional(readOnly = true)
  public List<Row> mine(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return repository.forResident(user.residentId());
  }

  /** A consultation as its resident sees it: never internal notes or confidential replies. */
  @Transactional(readOnly = true)
  public ResidentView residentView(CurrentUser user, long id) {
    Row r = ownRow(user, id);
    Instant due =
        r.promisedAt() != null ? r.promisedAt() : replyClock(id).map(ClockView::dueAt).orElse(null);
    return new ResidentView(
        r.id(),
        r.number(),
        r.kind(),
        r.unitLabel(),
        r.question(),
        r.receivedAt(),
        r.status(),
        r.status() == Status.ANSWERED ? null : due,
        repository.replies(id, false).stream()
            .map(x -> new ResidentReply(x.text(), x.at()))
            .toList());
  }

  /** The written reply as a letter, for staff or the resident who asked. */
  @Transactional(readOnly = true)
  public Letter letter(CurrentUser user, long id) {
    Row r;
    if (user.isResident()) {
      r = ownRow(user, id);
    } else {
      user.require(HANDLERS);
      load(user, id, null);
      r = repository.row(id).orElseThrow();
    }
    if (r.kind() != Kind.WRITTEN) {
      throw DomainException.rule("inquiry.error.letterWrittenOnly");
    }
    List<Reply> replies = repository.replies(id, false);
    if (replies.isEmpty()) {
      throw DomainException.rule("inquiry.error.noReplyYet");
    }
    Reply last = replies.get(replies.size() - 1);
    Estate.Community community = estate.community(r.communityId()).orElseThrow();
    return new Letter(
        r.number(),
        r.unitLabel(),
        r.askerName(),
        r.question(),
        r.receivedAt(),
        last.text(),
        last.at(),
        community.name(),
        community.address());
  }

  private Row ownRow(CurrentUser user, long id) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    Row r =
        repository.row(id).orElseThrow(() -> DomainException.notFound("inquiry.error.notFound"));
    if (!user.residentId().equals(r.residentId())) {
      throw DomainException.notFound("inquiry.error.notFound");
    }
    return r;
  }

  private Optional<ClockView> replyClock(long id) {
    return clocks.find(SUBJECT, String.valueOf(id), REPLY);
  }

  private Inquiry load(CurrentUser user, long id, Integer version) {
    Inquiry q =
        repository.load(id).orElseThrow(() -> DomainException.notFound("inquiry.error.notFound"));
    user.requireCommunity(q.communityId());
    if (version != null && version != q.version()) {
      throw DomainException.staleVersion();
    }
    return q;
  }

  private Estate.Unit unitOf(CurrentUser user, NewInquiry in) {
    if (in.unitId() != null) {
      return estate.unitFor(user, in.unitId());
    }
    if (in.communityId() == null) {
      throw DomainException.invalid("communityId", "error.required");
    }
    user.requireCommunity(in.communityId());
    return estate
        .unitByCode(in.communityId(), in.unitCode())
        .orElseThrow(() -> DomainException.invalid("unitCode", "error.unit.notFound"));
  }

  private String clockLabel(Inquiry q) {
    return messages.getMessage(
        "inquiry.clock.label", new Object[] {q.number()}, Locale.SIMPLIFIED_CHINESE);
  }

  private String nextNumber(Instant now) {
    String day = DAY.format(now);
    return "ZX" + day + "-" + String.format("%04d", numbers.next("inquiry-" + day));
  }

  static String link(long id) {
    return "/staff/inquiries/" + id;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
