package com.wuye.center.repair;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may see an order: staff serving its community; a resident only orders of the units they
 * occupy, and common-area orders they reported themselves (anything else is "not found").
 */
@Component
class RepairAccess {

  static final Role[] DISPATCHERS = {
    Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };
  static final Role[] STAFF = {
    Role.CUSTOMER_SERVICE,
    Role.CASHIER,
    Role.TECHNICIAN,
    Role.SECURITY,
    Role.SUPERVISOR,
    Role.MANAGER,
    Role.ADMIN
  };

  private final EstateDirectory estate;

  RepairAccess(EstateDirectory estate) {
    this.estate = estate;
  }

  void check(CurrentUser user, Stored s) {
    check(user, s.order().communityId(), s.facts().unitId(), s.facts().reporterResidentId());
  }

  void check(CurrentUser user, long communityId, Long unitId, Long reporterResidentId) {
    if (user.isResident()) {
      boolean reporter = Objects.equals(reporterResidentId, user.residentId());
      boolean occupant =
          !reporter && unitId != null && estate.residentOccupies(user.residentId(), unitId);
      if (!reporter && !occupant) {
        throw DomainException.notFound("repair.error.notFound");
      }
    } else {
      user.require(STAFF);
      user.requireCommunity(communityId);
    }
  }
}
