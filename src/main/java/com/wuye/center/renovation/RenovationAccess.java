package com.wuye.center.renovation;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may do what with renovation applications. Staff act only in the communities they serve; a
 * resident sees the applications of the units they occupy, and those they submitted (anything else
 * is "not found").
 */
@Component
public class RenovationAccess {

  /** Staff who read applications (the guards only check permits). */
  public static final Role[] READERS = {
    Role.CUSTOMER_SERVICE, Role.CASHIER, Role.TECHNICIAN, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };

  /** Customer service takes applications at the desk. */
  public static final Role[] DESK = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER};

  /** Engineering reviews (RN-6), inspects, records violations and rectifications. */
  public static final Role[] ENGINEERING = {Role.TECHNICIAN, Role.SUPERVISOR};

  /** The decision, the deductions and the acceptance. */
  public static final Role[] DECIDERS = {Role.SUPERVISOR, Role.MANAGER};

  /** Who registers the start of works. */
  public static final Role[] STARTERS = {Role.CUSTOMER_SERVICE, Role.TECHNICIAN, Role.SUPERVISOR};

  /** Who checks permits at the gate (RN-8). */
  public static final Role[] GATE = {
    Role.SECURITY, Role.CUSTOMER_SERVICE, Role.TECHNICIAN, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };

  private final EstateDirectory estate;

  RenovationAccess(EstateDirectory estate) {
    this.estate = estate;
  }

  public void check(CurrentUser user, Stored s) {
    if (user.isResident()) {
      boolean applicant = Objects.equals(s.facts().applicantResidentId(), user.residentId());
      if (!applicant && !estate.residentOccupies(user.residentId(), s.application().unitId())) {
        throw DomainException.notFound("renovation.error.notFound");
      }
    } else {
      user.require(READERS);
      user.requireCommunity(s.application().communityId());
    }
  }

  /** Refuses a resident: staff work. */
  static void requireStaff(CurrentUser user, Role... roles) {
    if (user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    user.require(roles);
  }
}
