package com.wuye.center.inquiry;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.inquiry.Inquiry.Channel;
import com.wuye.center.inquiry.Inquiry.Kind;
import com.wuye.center.inquiry.Inquiry.ReferTo;
import com.wuye.center.inquiry.Inquiry.Status;
import com.wuye.center.inquiry.InquiryReplies.Note;
import com.wuye.center.inquiry.InquiryReplies.Reply;
import com.wuye.center.inquiry.internal.InquiryRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is read of consultations: staff see lists and a consultation with its replies, internal
 * notes and reply clock; residents see only their own, with the replies meant for them (CS-Q4).
 */
@Service
@Transactional(readOnly = true)
public class InquiryQueries {

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

  public record Event(String type, String text, String actorName, Instant at) {}

  /** Everything staff see of a consultation. */
  public record Details(
      Row row,
      List<Reply> replies,
      List<Note> notes,
      List<Event> events,
      Optional<ClockView> replyClock,
      java.time.LocalDate letterReceivedOn,
      Optional<ReplyDelivery.Delivery> delivery) {}

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
      List<ResidentReply> replies,
      java.time.LocalDate letterReceivedOn,
      ReplyDelivery.Delivery delivery) {}

  public record ResidentReply(String text, Instant at) {}

  private final InquiryStore store;
  private final InquiryRepository repository;
  private final ReplyClock replyClock;
  private final com.wuye.center.estate.EstateDirectory estate;

  InquiryQueries(
      InquiryStore store,
      InquiryRepository repository,
      ReplyClock replyClock,
      com.wuye.center.estate.EstateDirectory estate) {
    this.estate = estate;
    this.store = store;
    this.repository = repository;
    this.replyClock = replyClock;
  }

  public Details details(CurrentUser user, long id) {
    return new Details(
        store.forReading(user, id),
        repository.replies(id, true),
        repository.notes(id),
        repository.events(id),
        replyClock.of(id),
        repository.letterReceivedOn(id).orElse(null),
        repository.delivery(id));
  }

  public Paged<Row> list(
      CurrentUser user,
      Long communityId,
      Status status,
      Kind kind,
      String text,
      int page,
      int size) {
    user.require(InquiryStore.HANDLERS);
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

  /** The communities a list covers: the one asked for (checked), or all the user serves. */
  Long[] communities(CurrentUser user, Long communityId) {
    user.require(InquiryStore.HANDLERS);
    if (communityId != null) {
      user.requireCommunity(communityId);
      return new Long[] {communityId};
    }
    return user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
  }

  /** Reply clocks of the consultations in a list, keyed by id. */
  public Map<String, ClockView> replyClocks(List<Row> rows) {
    return replyClock.of(rows.stream().map(Row::id).toList());
  }

  /**
   * The resident's consultations, newest first: those they asked in the portal and the written ones
   * registered at the desk for a unit they live in.
   */
  public List<Row> mine(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream()
            .map(com.wuye.center.estate.Estate.Unit::id)
            .toList();
    return repository.forResident(user.residentId(), units);
  }

  /** A consultation as its resident sees it: never internal notes or confidential replies. */
  public ResidentView residentView(CurrentUser user, long id) {
    Row r = store.forResident(user, id);
    Instant due =
        r.promisedAt() != null
            ? r.promisedAt()
            : replyClock.of(id).map(ClockView::dueAt).orElse(null);
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
            .toList(),
        repository.letterReceivedOn(id).orElse(null),
        repository.delivery(id).orElse(null));
  }
}
