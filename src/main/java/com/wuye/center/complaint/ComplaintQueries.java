package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.Channel;
import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.CorrectiveActions.Action;
import com.wuye.center.complaint.Prevention.Lesson;
import com.wuye.center.complaint.internal.ComplaintRows;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What complaint handlers read: the lists of their communities and a complaint's whole page. */
@Service
@Transactional(readOnly = true)
public class ComplaintQueries {

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
      return Masking.phone(contactPhone);
    }

    public String categoryLabel(Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? categoryNameEn : categoryName;
    }
  }

  /** Everything the complaint's page shows to staff. */
  public record Details(
      Complaint complaint,
      Row row,
      List<Action> actions,
      List<Event> events,
      Optional<ClockView> commitmentClock,
      List<Lesson> lessons,
      List<ComplaintStep> missingSteps,
      List<StaffMember> supervisors,
      List<Departments.Department> departments) {}

  private final ComplaintStore store;
  private final ComplaintRows rows;
  private final CorrectiveActions actions;
  private final Prevention prevention;
  private final Commitment commitment;
  private final Escalation escalation;

  ComplaintQueries(
      ComplaintStore store,
      ComplaintRows rows,
      CorrectiveActions actions,
      Prevention prevention,
      Commitment commitment,
      Escalation escalation) {
    this.store = store;
    this.rows = rows;
    this.actions = actions;
    this.prevention = prevention;
    this.commitment = commitment;
    this.escalation = escalation;
  }

  public Details details(CurrentUser user, long id) {
    Complaint c = store.forReading(user, id);
    return new Details(
        c,
        rows.row(id).orElseThrow(),
        actions.of(id),
        store.timeline(id),
        commitment.of(id),
        prevention.of(id),
        c.status() == Status.OPEN ? c.missingSteps() : List.of(),
        escalation.supervisors(c.communityId()),
        c.status() == Status.OPEN ? actions.departments(user, c.communityId()) : List.of());
  }

  /** Complaints of the communities the user serves (one community if given), newest first. */
  public Paged<Row> list(
      CurrentUser user, Long communityId, Status status, String q, int page, int size) {
    user.require(ComplaintStore.HANDLERS);
    Long[] communities;
    if (communityId != null) {
      user.requireCommunity(communityId);
      communities = new Long[] {communityId};
    } else {
      communities = user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
    }
    long total = rows.count(communities, status, q);
    return new Paged<>(
        rows.list(communities, status, q, size, (long) page * size), page, size, total);
  }

  /** The communities a list covers: the one asked for (checked), or all the user serves. */
  Long[] communities(CurrentUser user, Long communityId) {
    user.require(ComplaintStore.HANDLERS);
    if (communityId != null) {
      user.requireCommunity(communityId);
      return new Long[] {communityId};
    }
    return user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
  }

  /** Commitment clocks of complaints in a list, keyed by complaint id. */
  public Map<String, ClockView> commitmentClocks(List<Row> list) {
    return commitment.of(list.stream().map(Row::id).toList());
  }
}
