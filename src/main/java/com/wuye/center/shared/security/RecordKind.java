package com.wuye.center.shared.security;

import java.util.Locale;

/**
 * What an id in a request names (a path variable, a query parameter or a body field), as the access
 * policy declares it per row: the authorization test fills each with a record of another community
 * of that kind, and the services check each against the caller's scope.
 */
public enum RecordKind {
  COMMUNITY,
  BUILDING,
  UNIT,
  /** A unit's code ("1-1-101"), with its community in the same request. */
  UNIT_CODE,
  RESIDENT,
  OCCUPANCY,
  STAFF,
  REPAIR,
  /** A repair's number ("BX20261127-0007"). */
  REPAIR_NUMBER,
  REPAIR_PHOTO,
  /** A resident's confirmation of a repair (its signature). */
  REPAIR_SIGNATURE,
  /** An unlisted item a technician proposed on a repair (an extra fee line). */
  EXTRA_FEE,
  REPAIR_INTEGRITY_CASE,
  PRICE_ITEM,
  /** A repair category's code (company-wide). */
  REPAIR_CATEGORY,
  COMPLAINT,
  /** A complaint category's code (company-wide). */
  COMPLAINT_CATEGORY,
  /** A step number (1–8) of a complaint. */
  COMPLAINT_STEP,
  /** A registered department of a community (with its responsible staff member). */
  DEPARTMENT,
  INQUIRY,
  KNOWLEDGE_ENTRY,
  EMERGENCY_CASE,
  KEY_CABINET,
  CABINET_SLOT,
  ENTRUSTMENT,
  KEY,
  /** The code printed on a key's tag and QR label. */
  KEY_CODE,
  /** A person entitled to collect a deposited key. */
  COLLECTOR,
  INVENTORY_CHECK,
  PICKUP,
  LOAN,
  CHARGE,
  RECEIPT,
  VOID_REQUEST,
  DAY_CLOSE,
  /** An arrears reminder. */
  REMINDER,
  NOTIFICATION,
  STAFF_NOTICE,
  CONVENIENCE_SERVICE,
  ANNOUNCEMENT,
  CONVENIENCE_ORDER,
  CONVENIENCE_INTEGRITY_CASE,
  EQUIPMENT,
  /** The code on an equipment item's QR label ("E" and six characters). */
  EQUIPMENT_CODE,
  EQUIPMENT_DOCUMENT,
  CHECKPOINT,
  /** The code on a patrol checkpoint's QR label ("C" and six characters). */
  CHECKPOINT_CODE,
  /** A reading a checkpoint asks for (a meter value, a yes/no). */
  READING_SPEC,
  PATROL_ROUTE,
  PATROL_ROUND,
  /** A photo taken at a checkpoint visit. */
  VISIT_PHOTO,
  PATROL_ALERT,
  MAINTENANCE_PLAN,
  MAINTENANCE_TASK,
  /** A renovation application (its permit too). */
  RENOVATION,
  /** A drawing or photo filed with a renovation application. */
  RENOVATION_FILE,
  RENOVATION_VIOLATION,
  /** An announcement to a community's residents (not a convenience-service announcement). */
  COMMUNITY_ANNOUNCEMENT;

  /** The kind as the policy file writes it: {@code repair-photo} for {@link #REPAIR_PHOTO}. */
  public static RecordKind of(String name) {
    try {
      return valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("unknown record kind " + name, e);
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
