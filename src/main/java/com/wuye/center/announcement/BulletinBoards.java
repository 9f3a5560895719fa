package com.wuye.center.announcement;

import com.wuye.center.announcement.internal.AnnouncementRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's bulletin board: the service center's phone every printed notice carries.
 * Supervisors, managers and administrators set it.
 */
@Service
@Transactional
public class BulletinBoards {

  static final Role[] EDITORS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};
  private static final Pattern PHONE = Pattern.compile("^[0-9][0-9 -]{4,18}[0-9]$");

  private final AnnouncementRepository repository;
  private final AuditTrail audit;

  BulletinBoards(AnnouncementRepository repository, AuditTrail audit) {
    this.repository = repository;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Optional<String> servicePhone(CurrentUser user, long communityId) {
    user.require(AnnouncementStore.STAFF);
    user.requireCommunity(communityId);
    return repository.servicePhone(communityId);
  }

  public void setServicePhone(CurrentUser user, long communityId, String phone) {
    user.require(EDITORS);
    user.requireCommunity(communityId);
    String p = Text.required("servicePhone", phone, 20, "announcement.error.servicePhone");
    if (!PHONE.matcher(p).matches()) {
      throw DomainException.invalid("servicePhone", "announcement.error.servicePhone");
    }
    String before = repository.servicePhone(communityId).orElse(null);
    repository.saveServicePhone(communityId, p);
    audit.record(
        "announcement_board",
        communityId,
        "SERVICE_PHONE",
        before == null ? null : Map.of("servicePhone", before),
        Map.of("servicePhone", p));
  }
}
