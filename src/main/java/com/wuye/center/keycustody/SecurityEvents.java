package com.wuye.center.keycustody;

import com.wuye.center.keycustody.KeyCustody.SecurityEventRow;
import com.wuye.center.keycustody.internal.SecurityLog;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the managers see of refused custody actions: every refusal is kept; wrong pickups (an ID
 * matching nobody, a revoked person, outside the window, a key already handed out) and inventory
 * differences are alerts, of which the community's managers are notified at once.
 */
@Service
@Transactional(readOnly = true)
public class SecurityEvents {

  /** Who sees security events. */
  public static final Role[] READERS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  private final SecurityLog log;
  private final StaffDirectory staff;

  SecurityEvents(SecurityLog log, StaffDirectory staff) {
    this.log = log;
    this.staff = staff;
  }

  /** Refusals of custody actions; alerts only (wrong pickups, missing keys) unless all asked. */
  public Paged<SecurityEventRow> list(
      CurrentUser user, Long communityId, boolean alertsOnly, int page, int size) {
    user.require(READERS);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    Map<Long, String> names = new HashMap<>();
    return log.page(
        communityId,
        user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new),
        alertsOnly,
        page,
        size,
        id -> names.computeIfAbsent(id, x -> staff.find(x).map(StaffMember::name).orElse("#" + x)));
  }
}
