package com.wuye.center.renovation;

import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every use case does around the aggregate: loads an application the user may act on (at the
 * version they saw), and saves it with its timeline, its audit entry and the events it registered.
 */
@Component
class Applications {

  static final String AUDIT = "renovation_application";

  private final ApplicationRepository repo;
  private final RenovationAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Applications(
      ApplicationRepository repo,
      RenovationAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repo = repo;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** The application, if the user may see it and nobody changed it since the version they saw. */
  Stored load(CurrentUser user, long id, Integer expectedVersion) {
    Stored s = repo.require(id);
    access.check(user, s);
    if (expectedVersion != null && expectedVersion != s.application().version()) {
      throw DomainException.staleVersion();
    }
    return s;
  }

  /**
   * Saves the application if nobody changed it meanwhile, appends its changes to the timeline,
   * records the audit entry and publishes the events it registered.
   *
   * @param user who acts, or null for the system (an event from billing)
   */
  void save(CurrentUser user, Stored s, String action, Map<String, Object> before) {
    RenovationApplication a = s.application();
    repo.save(a, now(), user == null ? "系统" : actorName(user));
    audit.record(AUDIT, a.id(), action, before, a.snapshot());
    a.releaseEvents().forEach(events::publishEvent);
  }

  /** The audit entry of a new application. */
  void created(long id, Map<String, Object> after) {
    audit.record(AUDIT, id, "SUBMITTED", null, after);
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  static String link(long id) {
    return "/staff/renovations/" + id;
  }

  static String actorName(CurrentUser user) {
    String n = user.displayName() == null ? user.username() : user.displayName();
    return n.length() > 50 ? n.substring(0, 50) : n;
  }
}
