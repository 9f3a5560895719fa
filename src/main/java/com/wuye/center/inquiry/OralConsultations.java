package com.wuye.center.inquiry;

import com.wuye.center.inquiry.Inquiry.ReferTo;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-Q2 oral (口头) consultations are answered at once from the company's rules — an approved,
 * non-confidential knowledge-base answer, never a guess ("切忌不懂装懂") — or referred to a department or
 * the manager with a promised reply time told to the resident; a reply clock runs until then and
 * the manager is notified at once.
 */
@Service
@Transactional
public class OralConsultations {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  public record ReferInput(
      ReferTo referTo,
      String department,
      Instant promisedAt,
      Boolean residentTold,
      Integer version) {}

  private final InquiryStore store;
  private final InquiryReplies replies;
  private final ReplyClock replyClock;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final Clock clock;

  OralConsultations(
      InquiryStore store,
      InquiryReplies replies,
      ReplyClock replyClock,
      StaffDirectory staff,
      Notifications notifications,
      Clock clock) {
    this.store = store;
    this.replies = replies;
    this.replyClock = replyClock;
    this.staff = staff;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Answers at once with an approved, non-confidential knowledge-base entry. */
  public long answerFromKnowledge(CurrentUser user, long id, long entryId, Integer version) {
    return replies.fromKnowledge(user, store.forChange(user, id, version), entryId);
  }

  /**
   * A consultation not answerable from the knowledge base goes to a department or the manager, with
   * the reply time promised and told to the resident; a clock runs until then.
   */
  public void refer(CurrentUser user, long id, ReferInput in) {
    Inquiry q = store.forChange(user, id, in.version());
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
    store.save(q);
    Inquiry.Referral r = q.referral();
    replyClock.startUntil(q, user.staffId(), now.truncatedTo(ChronoUnit.SECONDS), r.promisedAt());
    store.timeline(id, "REFERRED", r.name() + " · " + WHEN.format(r.promisedAt()), user, now);
    if (!managers.isEmpty()) {
      notifications.notifyStaff(
          managers.stream().map(StaffMember::id).toList(),
          Notifications.Message.of(
                  "inquiry.notify.referredToManager",
                  InquiryStore.link(id),
                  q.number(),
                  user.displayName(),
                  WHEN.format(r.promisedAt()))
              .from(Inquiry.SUBJECT, id)
              .mustAcknowledge());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", "REFERRED");
    after.put("referTo", r.to().name());
    after.put("referredTo", r.name());
    after.put("promisedAt", r.promisedAt().toString());
    after.put("residentTold", true);
    store.audit(id, "REFERRED", Map.of("status", "OPEN"), after);
  }
}
