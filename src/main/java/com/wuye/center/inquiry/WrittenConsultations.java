package com.wuye.center.inquiry;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.InquiryQueries.Row;
import com.wuye.center.inquiry.InquiryReplies.Reply;
import com.wuye.center.inquiry.internal.InquiryRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-Q1 written (书面) consultations — a letter, or a resident's question from the portal — are
 * answered in writing within two days ({@code wuye.inquiry.written-reply-within}): the reply clock
 * runs from the day the letter arrived (registration for the portal), and the reply is printable as
 * a letter for staff and the resident who asked.
 */
@Service
@Transactional
public class WrittenConsultations {

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

  private final InquiryStore store;
  private final InquiryRepository repository;
  private final ReplyClock replyClock;
  private final EstateDirectory estate;
  private final Duration replyWithin;

  WrittenConsultations(
      InquiryStore store,
      InquiryRepository repository,
      ReplyClock replyClock,
      EstateDirectory estate,
      @Value("${wuye.inquiry.written-reply-within:2d}") Duration replyWithin) {
    this.store = store;
    this.repository = repository;
    this.replyClock = replyClock;
    this.estate = estate;
    this.replyWithin = replyWithin;
  }

  /**
   * A consultation was registered: a written one is to be answered within two days of {@code from}
   * (the letter's arrival, {@link LetterArrival}).
   */
  void registered(long id, Inquiry q, Long assigneeStaffId, Instant from) {
    if (q.kind() == Inquiry.Kind.WRITTEN) {
      replyClock.start(id, q, assigneeStaffId, from, replyWithin);
    }
    if (q.channel() == Inquiry.Channel.PORTAL) {
      replyClock.awaitTaking(id, q);
    }
  }

  /** The written reply as a letter, for staff or the resident who asked. */
  @Transactional(readOnly = true)
  public Letter letter(CurrentUser user, long id) {
    Row r = user.isResident() ? store.forResident(user, id) : store.forReading(user, id);
    if (r.kind() != Inquiry.Kind.WRITTEN) {
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
}
