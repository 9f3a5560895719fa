package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-8.6, the repair side: a complaint's corrective action asks for a repair order, or links an
 * existing one by its number. Called by the complaint area in its own transaction, as the staff
 * member who acts (their community is checked like any other report); the order shows the
 * complaint's number, one order per request (a unique constraint).
 */
@Component
public class RepairsForComplaints {

  private final RepairIntake intake;
  private final RepairQueries queries;
  private final RepairRepository repo;

  RepairsForComplaints(RepairIntake intake, RepairQueries queries, RepairRepository repo) {
    this.intake = intake;
    this.queries = queries;
    this.repo = repo;
  }

  /** What the complaint asks for: an order on the complaint's unit, described in its words. */
  public record Request(
      long complaintId, String complaintNumber, long requestId, long unitId, String description) {}

  /** A repair order known to the complaint. */
  public record Order(long id, String number, long communityId) {}

  /** Logs the order for the complaint's request (CS-8.6), inside the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Order request(CurrentUser user, Request r) {
    var reported =
        intake.reportForComplaint(
            user,
            r.unitId(),
            r.description(),
            new RepairRepository.ComplaintRef(r.complaintId(), r.complaintNumber(), r.requestId()));
    return new Order(reported.id(), reported.number(), reported.communityId());
  }

  /**
   * An existing order by its number, if the user may see it (same community); a number of another
   * community is as unknown as one that does not exist.
   */
  public Optional<Order> find(CurrentUser user, String number) {
    try {
      return queries
          .findNumber(user, number)
          .map(repo::require)
          .map(s -> new Order(s.order().id(), s.order().number(), s.order().communityId()));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND
          || e.kind() == DomainException.Kind.FORBIDDEN) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
