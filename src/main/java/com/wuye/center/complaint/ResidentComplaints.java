package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.complaint.ComplaintQueries.Row;
import com.wuye.center.complaint.CorrectiveActions.Action;
import com.wuye.center.complaint.internal.ComplaintRows;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What residents see of complaints: those they filed or that concern a unit they live in, without
 * the staff's internal texts (corrective notes, the lesson, the owner).
 */
@Service
@Transactional(readOnly = true)
public class ResidentComplaints {

  /** A complaint as its resident sees it. */
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

  private final ComplaintStore store;
  private final ComplaintRows rows;
  private final CorrectiveActions actions;
  private final EstateDirectory estate;

  ResidentComplaints(
      ComplaintStore store, ComplaintRows rows, CorrectiveActions actions, EstateDirectory estate) {
    this.store = store;
    this.rows = rows;
    this.actions = actions;
    this.estate = estate;
  }

  /** The resident's complaints: filed by them or about a unit they live in. */
  public List<Row> mine(CurrentUser user) {
    requireResident(user);
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return rows.forResident(user.residentId(), units);
  }

  /** One complaint as its resident sees it (404 if it is not theirs). */
  public ResidentView view(CurrentUser user, long id) {
    requireResident(user);
    Complaint c = store.load(id);
    boolean mine =
        user.residentId().equals(c.filedByResidentId())
            || estate.residentOccupies(user.residentId(), c.unitId());
    if (!mine) {
      throw DomainException.notFound("complaint.error.notFound");
    }
    Row row = rows.row(id).orElseThrow();
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
        actions.of(id).stream().map(Action::repairNumber).filter(Objects::nonNull).toList(),
        k == null ? null : k.outcome(),
        k == null ? null : k.explanation(),
        k == null ? null : k.referralBody(),
        k == null ? null : k.referralContact(),
        k == null ? null : k.thanks(),
        c.closedAt());
  }

  private static void requireResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
  }
}
