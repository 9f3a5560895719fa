package com.wuye.center.complaint;

import com.wuye.center.complaint.internal.ComplaintActionRepository;
import com.wuye.center.repair.RepairsForComplaints;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-8.6 马上纠正错误: corrective actions, taken once the resident's needs are known (step 5) and until
 * the resident is satisfied (step 7) — a repair order asked of the repair area (logged at once, in
 * this transaction, through its public {@link RepairsForComplaints}), an existing repair order of
 * the community linked by its number, or a registered department assigned ({@link
 * DepartmentAssignment}).
 */
@Service
@Transactional
public class CorrectiveActions {

  private static final Pattern REPAIR_NUMBER = Pattern.compile("^[A-Z0-9][A-Z0-9-]{2,39}$");

  public enum Kind {
    REPAIR_REQUEST,
    REPAIR_LINK,
    DEPARTMENT
  }

  /** A corrective action: a repair requested or linked, or a department assigned. */
  public record Action(
      long id,
      int round,
      Kind kind,
      String description,
      String department,
      String responsibleName,
      Long repairOrderId,
      String repairNumber,
      String state,
      String actorName,
      Instant createdAt,
      Instant linkedAt) {}

  private final ComplaintStore store;
  private final ComplaintActionRepository actions;
  private final RepairsForComplaints repairs;
  private final MessageSource messages;
  private final Departments departments;
  private final Clock clock;

  CorrectiveActions(
      ComplaintStore store,
      ComplaintActionRepository actions,
      RepairsForComplaints repairs,
      MessageSource messages,
      Departments departments,
      Clock clock) {
    this.store = store;
    this.actions = actions;
    this.repairs = repairs;
    this.messages = messages;
    this.departments = departments;
    this.clock = clock;
  }

  /**
   * Asks the repair area for a repair order for the complaint's unit: the order is logged in this
   * transaction, as the staff member who asks, and linked at once.
   */
  public long requestRepair(CurrentUser user, long id, String description) {
    Complaint c = correctable(user, id);
    String d = Text.required("description", description, 2000);
    Instant now = clock.instant();
    long actionId = add(c, Kind.REPAIR_REQUEST, d, null, null, user, now);
    store.timeline(id, "REPAIR_REQUESTED", d, user, now);
    RepairsForComplaints.Order order =
        repairs.request(
            user, new RepairsForComplaints.Request(id, c.number(), actionId, c.unitId(), d));
    if (!actions.linkRequest(id, actionId, order.id(), order.number(), now)) {
      throw DomainException.staleVersion();
    }
    store.timeline(id, "REPAIR_LINKED", order.number(), user, now);
    store.audit(
        id,
        "REPAIR_REQUESTED",
        null,
        Map.of("requestId", actionId, "repairNumber", order.number(), "repairOrderId", order.id()));
    return actionId;
  }

  /** Links an existing repair order of the complaint's community by its number (any case). */
  public long linkRepair(CurrentUser user, long id, String repairNumber, String note) {
    Complaint c = correctable(user, id);
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
    String typed = Text.optional("note", note, 2000);
    String d =
        typed != null
            ? typed
            : messages.getMessage(
                "complaint.action.linkedNote", new Object[] {number}, Locale.SIMPLIFIED_CHINESE);
    Instant now = clock.instant();
    long actionId = add(c, Kind.REPAIR_LINK, d, null, number, user, now);
    store.timeline(id, "REPAIR_LINKED", number, user, now);
    store.audit(
        id, "REPAIR_LINKED", null, Map.of("repairNumber", number, "repairOrderId", order.id()));
    return actionId;
  }

  /** The departments of the complaint's community a corrective action can be assigned to. */
  @Transactional(readOnly = true)
  public List<Departments.Department> departments(CurrentUser user, long communityId) {
    return departments.of(user, communityId);
  }

  /** The complaint's actions, oldest first. */
  @Transactional(readOnly = true)
  List<Action> of(long complaintId) {
    return actions.of(complaintId);
  }

  /** A new action of the complaint's current round, by {@code user}. */
  long add(
      Complaint c,
      Kind kind,
      String description,
      Departments.Department department,
      String repairNumber,
      CurrentUser user,
      Instant at) {
    return actions.insert(
        c.id(),
        c.round(),
        kind,
        description,
        department,
        repairNumber,
        user.staffId(),
        user.displayName(),
        at);
  }

  Complaint correctable(CurrentUser user, long id) {
    Complaint c = store.forChange(user, id);
    c.requireCorrectionAllowed();
    return c;
  }
}
