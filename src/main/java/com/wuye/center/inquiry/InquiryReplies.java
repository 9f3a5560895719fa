package com.wuye.center.inquiry;

import com.wuye.center.inquiry.internal.InquiryRepository;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-Q3 patient, careful, polite — the reply is kept exactly as written, and CS-Q4 what touches
 * company secrets stays inside: a confidential reply is for staff only (it does not answer the
 * resident) and internal notes are never shown to the resident. The first reply meant for the
 * resident answers the consultation, stops its reply clock and tells a resident who asked from the
 * portal.
 */
@Service
@Transactional
public class InquiryReplies {

  public record Reply(
      long id,
      String text,
      boolean confidential,
      Long kbEntryId,
      String kbTitle,
      String actorName,
      Instant at) {}

  public record Note(long id, String text, String actorName, Instant at) {}

  public record ReplyInput(String text, Boolean confidential, Integer version) {}

  private final InquiryStore store;
  private final InquiryRepository repository;
  private final KnowledgeBase knowledge;
  private final ReplyClock replyClock;
  private final Notifications notifications;
  private final Clock clock;

  InquiryReplies(
      InquiryStore store,
      InquiryRepository repository,
      KnowledgeBase knowledge,
      ReplyClock replyClock,
      Notifications notifications,
      Clock clock) {
    this.store = store;
    this.repository = repository;
    this.knowledge = knowledge;
    this.replyClock = replyClock;
    this.notifications = notifications;
    this.clock = clock;
  }

  /**
   * A reply in the staff member's words, kept as written. A written consultation is answered by the
   * first reply meant for the resident; an oral one only after a referral (before, answer from the
   * knowledge base, CS-Q2). Confidential replies are for staff only.
   */
  public long reply(CurrentUser user, long id, ReplyInput in) {
    Inquiry q = store.forChange(user, id, in.version());
    return record(user, q, in.text(), Boolean.TRUE.equals(in.confidential()), null);
  }

  /** An approved, non-confidential knowledge-base answer as the reply (CS-Q2). */
  long fromKnowledge(CurrentUser user, Inquiry q, long entryId) {
    KnowledgeEntry e = knowledge.usableAnswer(entryId);
    return record(user, q, e.answer(), false, entryId);
  }

  private long record(
      CurrentUser user, Inquiry q, String text, boolean confidential, Long kbEntryId) {
    Instant now = clock.instant();
    boolean answered = q.reply(text, confidential, kbEntryId != null, now);
    long id = q.id();
    replyClock.taken(id);
    if (answered) {
      store.save(q);
    }
    long replyId =
        repository.insertReply(
            id, text, confidential, kbEntryId, user.staffId(), user.displayName(), now);
    String type = answered ? "ANSWERED" : "REPLIED";
    store.timeline(id, type, confidential ? null : abbreviate(text), user, now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("replyId", replyId);
    after.put("confidential", confidential);
    if (kbEntryId != null) {
      after.put("kbEntryId", kbEntryId);
    }
    if (answered) {
      after.put("status", "ANSWERED");
      answered(q);
    }
    store.audit(id, type, null, after);
    return replyId;
  }

  private void answered(Inquiry q) {
    replyClock.stop(q.id());
    if (q.residentId() != null) {
      notifications.notifyResident(
          q.residentId(),
          Notifications.Message.of(
                  "inquiry.notify.answered", "/portal/inquiries/" + q.id(), q.number())
              .from(Inquiry.SUBJECT, q.id()));
    }
  }

  /** An internal note: for staff only, never shown to the resident (CS-Q4). */
  public long note(CurrentUser user, long id, String text) {
    Inquiry q = store.forChange(user, id, null);
    String note = Text.required("text", text, 4000, "inquiry.error.noteRequired");
    long noteId =
        repository.insertNote(q.id(), note, user.staffId(), user.displayName(), clock.instant());
    store.audit(id, "NOTE_ADDED", null, Map.of("noteId", noteId));
    return noteId;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
