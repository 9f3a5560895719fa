package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.complaint.ComplaintSteps.StepInput;
import com.wuye.center.notice.StaffNotices;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-8.8 防患于未然。把业户投诉告示全企业员工: step 8 publishes a lesson-learned notice to all staff (or the chosen
 * communities); each staff member acknowledges reading it and the read rate is shown on the
 * complaint. Only a supervisor may mark the step not applicable, with a reason.
 */
@Service
@Transactional
public class Prevention {

  /** A notice published at step 8 with its read rate. */
  public record Lesson(StaffNotices.StaffNotice notice, StaffNotices.ReadRate readRate) {}

  private final ComplaintStore store;
  private final StaffNotices notices;
  private final ComplaintCategories categories;
  private final MessageSource messages;
  private final Clock clock;

  Prevention(
      ComplaintStore store,
      StaffNotices notices,
      ComplaintCategories categories,
      MessageSource messages,
      Clock clock) {
    this.store = store;
    this.notices = notices;
    this.categories = categories;
    this.messages = messages;
    this.clock = clock;
  }

  /** Only a supervisor may mark the prevention step not applicable, with a reason. */
  public StepRecord waive(CurrentUser user, long id, String reason, Integer version) {
    Complaint c = store.forChange(user, id);
    c.requireNext(ComplaintStep.PREVENTION);
    c.requireVersion(version);
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
    store.save(c, rec, user);
    store.audit(id, "STEP_8_WAIVED", null, Map.of("reason", reason));
    return rec;
  }

  /** Publishes the lesson of step 8: what happened and what changes. Returns the notice's id. */
  long publish(CurrentUser user, Complaint c, StepInput in) {
    String happened = Text.required("text", in.text(), 4000, "complaint.error.stepTextRequired");
    String changes =
        Text.required("whatChanges", in.whatChanges(), 4000, "complaint.error.whatChangesRequired");
    Set<Long> communities = in.communityIds() == null ? Set.of() : Set.copyOf(in.communityIds());
    for (long community : communities) {
      if (!user.servesCommunity(community)) {
        throw DomainException.invalid("communityIds", "error.forbidden.community");
      }
    }
    String title = Text.optional("noticeTitle", in.noticeTitle(), 200);
    return notices.publish(
        user,
        new StaffNotices.NewNotice(
            title != null ? title : defaultTitle(c),
            happened,
            changes,
            communities,
            Complaint.SUBJECT,
            String.valueOf(c.id()),
            ComplaintStore.link(c.id())));
  }

  private String defaultTitle(Complaint c) {
    return messages.getMessage(
        "complaint.notice.title",
        new Object[] {categories.name(c.categoryCode()), c.number()},
        Locale.SIMPLIFIED_CHINESE);
  }

  /** The lessons published for a complaint, with their read rates. */
  @Transactional(readOnly = true)
  List<Lesson> of(long complaintId) {
    return notices.fromSource(Complaint.SUBJECT, String.valueOf(complaintId)).stream()
        .map(n -> new Lesson(n, notices.readRate(n.id())))
        .toList();
  }
}
