package com.wuye.center.inquiry;

import com.wuye.center.inquiry.InquiryQueries.Row;
import com.wuye.center.inquiry.internal.InquiryRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The consultations the use cases work on: loaded for a handler of the consultation's community (or
 * for the resident who asked), saved back with the events they registered published, and their
 * timeline and audit trail written.
 */
@Component
class InquiryStore {

  /** Who handles consultations. */
  static final Role[] HANDLERS = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  private final InquiryRepository repository;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  private final com.wuye.center.estate.EstateDirectory estate;

  InquiryStore(
      InquiryRepository repository,
      AuditTrail audit,
      ApplicationEventPublisher events,
      com.wuye.center.estate.EstateDirectory estate) {
    this.estate = estate;
    this.repository = repository;
    this.audit = audit;
    this.events = events;
  }

  static String link(long id) {
    return "/staff/inquiries/" + id;
  }

  /** A consultation a handler changes; {@code version}, if given, is the one the screen showed. */
  Inquiry forChange(CurrentUser user, long id, Integer version) {
    user.require(HANDLERS);
    Inquiry q =
        repository.load(id).orElseThrow(() -> DomainException.notFound("inquiry.error.notFound"));
    user.requireCommunity(q.communityId());
    if (version != null && version != q.version()) {
      throw DomainException.staleVersion();
    }
    return q;
  }

  /** A consultation as a handler of its community reads it. */
  Row forReading(CurrentUser user, long id) {
    forChange(user, id, null);
    return repository.row(id).orElseThrow();
  }

  /** A consultation as the resident who asked reads it (404 for anyone else's). */
  Row forResident(CurrentUser user, long id) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    Row r =
        repository.row(id).orElseThrow(() -> DomainException.notFound("inquiry.error.notFound"));
    boolean mine =
        user.residentId().equals(r.residentId())
            || (r.kind() == Inquiry.Kind.WRITTEN
                && r.unitId() != null
                && estate.residentOccupies(user.residentId(), r.unitId()));
    if (!mine) {
      throw DomainException.notFound("inquiry.error.notFound");
    }
    return r;
  }

  /** A new consultation; returns its id. */
  long add(Inquiry q, String unitLabel) {
    return add(q, unitLabel, null);
  }

  /** A new letter with the day it arrived (CS-Q1); returns its id. */
  long add(Inquiry q, String unitLabel, java.time.LocalDate letterReceivedOn) {
    return repository.insert(q, unitLabel, letterReceivedOn);
  }

  /** Saves the consultation and publishes what it registered ({@link InquiryAnswered}). */
  void save(Inquiry q) {
    repository.save(q);
    q.domainEvents().forEach(events::publishEvent);
    q.clearDomainEvents();
  }

  /** An entry of the consultation's timeline, by the staff member {@code user}. */
  void timeline(long id, String type, String text, CurrentUser user, Instant at) {
    timeline(id, type, text, user.actorRef(), user.displayName(), at);
  }

  void timeline(long id, String type, String text, String actor, String actorName, Instant at) {
    repository.event(id, type, text, actor, actorName, at);
  }

  void audit(long id, String action, Object before, Object after) {
    audit.record(Inquiry.SUBJECT, id, action, before, after);
    if ("ANSWERED".equals(action)) {
      // issue 14: what was asked about the inquiry is over
      events.publishEvent(com.wuye.center.shared.NoticesSettled.all(Inquiry.SUBJECT, id));
    }
  }
}
