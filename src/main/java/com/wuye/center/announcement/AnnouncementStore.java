package com.wuye.center.announcement;

import com.wuye.center.announcement.internal.AnnouncementRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The announcements the use cases work on: loaded for staff of the announcement's community (at the
 * version they saw), saved with their audit entry and the events they registered published.
 */
@Component
class AnnouncementStore {

  /** Staff who read announcements and print them for the bulletin board. */
  public static final Role[] STAFF = {
    Role.CUSTOMER_SERVICE,
    Role.SUPERVISOR,
    Role.MANAGER,
    Role.ADMIN,
    Role.SECURITY,
    Role.CASHIER,
    Role.TECHNICIAN
  };

  private final AnnouncementRepository repository;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  AnnouncementStore(
      AnnouncementRepository repository, AuditTrail audit, ApplicationEventPublisher events) {
    this.repository = repository;
    this.audit = audit;
    this.events = events;
  }

  /** An announcement staff of its community may see; {@code version}, if given, must match. */
  Announcement load(CurrentUser user, long id, Integer version, Role... roles) {
    user.require(roles.length == 0 ? STAFF : roles);
    Announcement a =
        repository
            .load(id)
            .orElseThrow(() -> DomainException.notFound("announcement.error.notFound"));
    user.requireCommunity(a.communityId());
    if (version != null && version != a.version()) {
      throw DomainException.staleVersion();
    }
    return a;
  }

  long add(Announcement a) {
    long id = repository.insert(a);
    audit.record(Announcement.SUBJECT, id, "WRITTEN", null, a.snapshot());
    return id;
  }

  void save(Announcement a, String action, Map<String, Object> before) {
    repository.save(a);
    audit.record(Announcement.SUBJECT, a.id(), action, before, a.snapshot());
    a.domainEvents().forEach(events::publishEvent);
    a.clearDomainEvents();
  }

  static String link(long id) {
    return "/staff/announcements/" + id;
  }
}
