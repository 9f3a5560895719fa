package com.wuye.center.shared;

import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Residents' phones on a need-to-know basis (issue 13, finding 8). Shown whole only to those who
 * must call: customer service, the technician assigned to the order, security while an emergency is
 * under way. Everyone else sees {@code 138****5678} and may press "show"; the whole number is then
 * given and the showing recorded in the audit trail (action {@code PHONE_SHOWN}, who and which
 * record; the number itself is not written there).
 */
@Component
public class PhoneVisibility {

  public static final String SHOWN = "PHONE_SHOWN";

  private final AuditTrail audit;

  PhoneVisibility(AuditTrail audit) {
    this.audit = audit;
  }

  /** A staff member who must call about the record (a resident sees their own record whole). */
  public static boolean mayCall(CurrentUser user, Long assigneeStaffId, boolean emergencyUnderway) {
    if (!user.isStaff()) {
      return true;
    }
    return user.has(Role.CUSTOMER_SERVICE)
        || (user.has(Role.TECHNICIAN) && Objects.equals(assigneeStaffId, user.staffId()))
        || (user.has(Role.SECURITY) && emergencyUnderway);
  }

  /** The phone as this user may see it: whole, or masked. */
  public static String shown(String phone, boolean mayCall) {
    return mayCall ? phone : Masking.phone(phone);
  }

  /** The whole phone after "show", the showing recorded against the record. */
  public String show(CurrentUser user, String entityType, Object entityId, String phone) {
    audit.record(entityType, entityId, SHOWN, null, Map.of("by", user.displayName()));
    return phone;
  }
}
