package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.complaint.ComplaintQueries.Event;
import com.wuye.center.complaint.internal.ComplaintRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The complaints the use cases work on: loaded for a complaint handler of the complaint's community
 * (its row locked until the transaction ends when it is to change), saved back with the events it
 * registered published, and its timeline and audit trail written.
 */
@Component
class ComplaintStore {

  /** Who handles complaints. */
  static final Role[] HANDLERS = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  private final ComplaintRepository repository;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  ComplaintStore(
      ComplaintRepository repository,
      StaffDirectory staff,
      AuditTrail audit,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.staff = staff;
    this.audit = audit;
    this.events = events;
  }

  static String link(long id) {
    return "/staff/complaints/" + id;
  }

  /**
   * A complaint a handler is about to change: its row is locked until the transaction ends, so two
   * people changing it at once take turns and the second sees what the first recorded.
   */
  Complaint forChange(CurrentUser user, long id) {
    user.require(HANDLERS);
    if (!repository.lock(id)) {
      throw DomainException.notFound("complaint.error.notFound");
    }
    return inCommunity(user, load(id));
  }

  /** A complaint a handler reads (of a community they serve). */
  Complaint forReading(CurrentUser user, long id) {
    user.require(HANDLERS);
    return inCommunity(user, load(id));
  }

  /** A complaint without any check (the caller checks who may see it). */
  Complaint load(long id) {
    return repository
        .load(id)
        .orElseThrow(() -> DomainException.notFound("complaint.error.notFound"));
  }

  private static Complaint inCommunity(CurrentUser user, Complaint c) {
    user.requireCommunity(c.communityId());
    return c;
  }

  /** A new complaint; returns its id. */
  long add(Complaint c, String unitLabel, String ownerName) {
    return repository.insert(c, unitLabel, ownerName);
  }

  /** Saves the complaint as changed by {@code user}. */
  void save(Complaint c, CurrentUser user) {
    save(c, null, user);
  }

  /**
   * Saves the complaint and its new step. When someone else was quicker (409), says who recorded
   * the step, if that is what happened.
   */
  void save(Complaint c, StepRecord newStep, CurrentUser user) {
    try {
      saveOwnedBy(c, newStep, ownerName(c, user));
    } catch (DomainException e) {
      if ("error.stale".equals(e.messageKey()) && newStep != null) {
        repository.load(c.id()).ifPresent(fresh -> fresh.requireNotRecorded(newStep.step()));
      }
      throw e;
    }
  }

  /** Saves the complaint whose owner is named {@code ownerName}; publishes what it registered. */
  void saveOwnedBy(Complaint c, StepRecord newStep, String ownerName) {
    repository.save(c, newStep, ownerName);
    c.domainEvents().forEach(events::publishEvent);
    c.clearDomainEvents();
  }

  private String ownerName(Complaint c, CurrentUser user) {
    if (c.ownerStaffId() == null) {
      return null;
    }
    if (user.isStaff() && c.ownerStaffId().equals(user.staffId())) {
      return user.displayName();
    }
    return staff.find(c.ownerStaffId()).map(StaffMember::name).orElse("?");
  }

  /** An entry of the complaint's timeline, by the staff member {@code user}. */
  void timeline(long id, String type, String text, CurrentUser user, Instant at) {
    timeline(id, type, text, user.actorRef(), user.displayName(), at);
  }

  void timeline(long id, String type, String text, String actor, String actorName, Instant at) {
    repository.event(id, type, text, actor, actorName, at);
  }

  List<Event> timeline(long id) {
    return repository.events(id);
  }

  void audit(long id, String action, Object before, Object after) {
    audit.record(Complaint.SUBJECT, id, action, before, after);
    if ("CLOSED".equals(action)) {
      // issue 14: what was asked about the complaint is over
      events.publishEvent(com.wuye.center.shared.NoticesSettled.all(Complaint.SUBJECT, id));
    }
  }
}
