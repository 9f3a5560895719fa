package com.wuye.center.support;

import com.wuye.center.shared.security.RecordKind;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One record of each {@link RecordKind} of a community, looked up in the database (the value as a
 * request names it: an id, a code or a number), and the version of a record for requests that carry
 * the version they saw. A kind with no record in the community is absent.
 */
public final class RecordIds {

  /** Per kind: a query for one record of community :c, the most useful first. */
  private static final Map<RecordKind, String> ONE = new EnumMap<>(RecordKind.class);

  /** Per kind: the table whose {@code version} column a request's "version" field carries. */
  private static final Map<RecordKind, String> VERSIONED = new EnumMap<>(RecordKind.class);

  static {
    String unit =
        "SELECT o.unit_id FROM occupancy o JOIN unit u ON u.id = o.unit_id"
            + " LEFT JOIN account a ON a.resident_id = o.resident_id"
            + " WHERE u.community_id = :c AND o.moved_out IS NULL"
            + " ORDER BY (a.id IS NULL), o.unit_id, o.id LIMIT 1";
    ONE.put(RecordKind.COMMUNITY, "SELECT :c");
    ONE.put(RecordKind.BUILDING, "SELECT min(id) FROM building WHERE community_id = :c");
    ONE.put(RecordKind.UNIT, unit);
    ONE.put(RecordKind.UNIT_CODE, "SELECT code FROM unit WHERE id = (" + unit + ")");
    ONE.put(
        RecordKind.RESIDENT,
        "SELECT o.resident_id FROM occupancy o LEFT JOIN account a ON a.resident_id = o.resident_id"
            + " WHERE o.unit_id = ("
            + unit
            + ") AND o.moved_out IS NULL ORDER BY (a.id IS NULL), o.id LIMIT 1");
    ONE.put(
        RecordKind.OCCUPANCY,
        "SELECT min(id) FROM occupancy WHERE moved_out IS NULL AND unit_id = (" + unit + ")");
    ONE.put(RecordKind.STAFF, staffWithRole("TECHNICIAN"));
    ONE.put(
        RecordKind.REPAIR,
        "SELECT id FROM repair_order WHERE community_id = :c"
            + " ORDER BY (status = 'REPORTED') DESC, id LIMIT 1");
    ONE.put(
        RecordKind.REPAIR_NUMBER,
        "SELECT number FROM repair_order WHERE community_id = :c ORDER BY id LIMIT 1");
    ONE.put(
        RecordKind.REPAIR_PHOTO,
        "SELECT min(p.id) FROM repair_photo p JOIN repair_order o ON o.id = p.order_id"
            + " WHERE o.community_id = :c");
    ONE.put(
        RecordKind.REPAIR_SIGNATURE,
        "SELECT min(x.id) FROM repair_confirmation x JOIN repair_order o ON o.id = x.order_id"
            + " WHERE o.community_id = :c");
    ONE.put(
        RecordKind.EXTRA_FEE,
        "SELECT min(x.id) FROM repair_fee_line x JOIN repair_order o ON o.id = x.order_id"
            + " WHERE o.community_id = :c");
    ONE.put(RecordKind.REPAIR_INTEGRITY_CASE, inCommunity("repair_integrity_case"));
    ONE.put(RecordKind.PRICE_ITEM, inCommunity("repair_price_item"));
    ONE.put(RecordKind.REPAIR_CATEGORY, "SELECT min(code) FROM repair_category WHERE active");
    ONE.put(RecordKind.COMPLAINT, inCommunity("complaint"));
    ONE.put(RecordKind.COMPLAINT_CATEGORY, "SELECT min(code) FROM complaint_category WHERE active");
    ONE.put(RecordKind.COMPLAINT_STEP, "SELECT '2'");
    ONE.put(RecordKind.DEPARTMENT, inCommunity("department"));
    ONE.put(RecordKind.INQUIRY, inCommunity("inquiry"));
    ONE.put(RecordKind.KNOWLEDGE_ENTRY, "SELECT min(id) FROM inquiry_kb_entry");
    ONE.put(RecordKind.EMERGENCY_CASE, inCommunity("emergency_case"));
    ONE.put(RecordKind.KEY_CABINET, inCommunity("keycustody_cabinet"));
    String cabinets = " IN (SELECT id FROM keycustody_cabinet WHERE community_id = :c)";
    String entrustments = " IN (SELECT id FROM keycustody_entrustment WHERE community_id = :c)";
    ONE.put(
        RecordKind.CABINET_SLOT, "SELECT min(id) FROM keycustody_slot WHERE cabinet_id" + cabinets);
    ONE.put(RecordKind.ENTRUSTMENT, inCommunity("keycustody_entrustment"));
    String key = "SELECT min(id) FROM keycustody_key WHERE entrustment_id" + entrustments;
    ONE.put(RecordKind.KEY, key);
    ONE.put(RecordKind.KEY_CODE, "SELECT code FROM keycustody_key WHERE id = (" + key + ")");
    ONE.put(
        RecordKind.COLLECTOR,
        "SELECT min(id) FROM keycustody_collector WHERE entrustment_id" + entrustments);
    ONE.put(
        RecordKind.INVENTORY_CHECK,
        "SELECT min(id) FROM keycustody_inventory_check WHERE cabinet_id" + cabinets);
    ONE.put(
        RecordKind.PICKUP,
        "SELECT min(id) FROM keycustody_pickup WHERE entrustment_id" + entrustments);
    ONE.put(
        RecordKind.LOAN,
        "SELECT min(id) FROM keycustody_loan WHERE key_id IN"
            + " (SELECT id FROM keycustody_key WHERE entrustment_id"
            + entrustments
            + ")");
    ONE.put(
        RecordKind.CHARGE,
        "SELECT id FROM billing_charge WHERE community_id = :c"
            + " ORDER BY (item = 'DEPOSIT') DESC, id LIMIT 1");
    ONE.put(RecordKind.RECEIPT, inCommunity("billing_payment"));
    ONE.put(
        RecordKind.VOID_REQUEST,
        "SELECT min(v.id) FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
            + " WHERE p.community_id = :c");
    ONE.put(
        RecordKind.DAY_CLOSE,
        "SELECT min(d.id) FROM billing_day_close d WHERE d.cashier_staff_id IN"
            + " (SELECT staff_id FROM staff_community WHERE community_id = :c)");
    ONE.put(RecordKind.REMINDER, inCommunity("billing_reminder"));
    ONE.put(
        RecordKind.NOTIFICATION,
        "SELECT min(n.id) FROM notification n JOIN account a ON a.id = n.account_id"
            + " WHERE a.staff_id IN (SELECT staff_id FROM staff_community WHERE community_id = :c)");
    ONE.put(
        RecordKind.STAFF_NOTICE,
        "SELECT min(notice_id) FROM staff_notice_recipient WHERE staff_id IN"
            + " (SELECT staff_id FROM staff_community WHERE community_id = :c)");
    ONE.put(RecordKind.CONVENIENCE_SERVICE, inCommunity("convenience_service"));
    ONE.put(RecordKind.ANNOUNCEMENT, inCommunity("convenience_announcement"));
    ONE.put(RecordKind.CONVENIENCE_ORDER, inCommunity("convenience_order"));
    ONE.put(RecordKind.CONVENIENCE_INTEGRITY_CASE, inCommunity("convenience_integrity_case"));
    String equipment =
        "SELECT id FROM upkeep_equipment WHERE community_id = :c"
            + " ORDER BY (status = 'IN_SERVICE') DESC, id LIMIT 1";
    ONE.put(RecordKind.EQUIPMENT, equipment);
    ONE.put(
        RecordKind.EQUIPMENT_CODE,
        "SELECT code FROM upkeep_equipment WHERE id = (" + equipment + ")");
    ONE.put(
        RecordKind.EQUIPMENT_DOCUMENT,
        "SELECT min(d.id) FROM upkeep_equipment_document d JOIN upkeep_equipment e"
            + " ON e.id = d.equipment_id WHERE e.community_id = :c");
    String checkpoint =
        "SELECT min(checkpoint_id) FROM upkeep_route_checkpoint WHERE community_id = :c";
    ONE.put(RecordKind.CHECKPOINT, checkpoint);
    ONE.put(
        RecordKind.CHECKPOINT_CODE,
        "SELECT code FROM upkeep_checkpoint WHERE id = (" + checkpoint + ")");
    ONE.put(
        RecordKind.READING_SPEC,
        "SELECT min(s.id) FROM upkeep_reading_spec s JOIN upkeep_checkpoint k"
            + " ON k.id = s.checkpoint_id WHERE k.community_id = :c");
    ONE.put(
        RecordKind.PATROL_ROUTE,
        "SELECT min(route_id) FROM upkeep_route_checkpoint WHERE community_id = :c");
    ONE.put(
        RecordKind.PATROL_ROUND,
        "SELECT id FROM upkeep_round WHERE community_id = :c"
            + " ORDER BY (status IN ('SCHEDULED','IN_PROGRESS')) DESC, id DESC LIMIT 1");
    ONE.put(
        RecordKind.VISIT_PHOTO,
        "SELECT min(p.id) FROM upkeep_visit_photo p JOIN upkeep_visit v ON v.id = p.visit_id"
            + " JOIN upkeep_round r ON r.id = v.round_id WHERE r.community_id = :c");
    ONE.put(
        RecordKind.PATROL_ALERT,
        "SELECT id FROM upkeep_patrol_alert WHERE community_id = :c"
            + " ORDER BY (status = 'OPEN') DESC, id LIMIT 1");
    ONE.put(RecordKind.MAINTENANCE_PLAN, inCommunity("upkeep_plan"));
    ONE.put(
        RecordKind.MAINTENANCE_TASK,
        "SELECT id FROM upkeep_task WHERE community_id = :c"
            + " ORDER BY (status IN ('PLANNED','DUE')) DESC, id LIMIT 1");
    ONE.put(
        RecordKind.RENOVATION,
        "SELECT a.id FROM renovation_application a WHERE a.community_id = :c"
            + " ORDER BY (a.status IN ('SUBMITTED','REVIEWED','APPROVED','PERMITTED','IN_PROGRESS'))"
            + " DESC, a.id LIMIT 1");
    ONE.put(
        RecordKind.RENOVATION_FILE,
        "SELECT min(f.id) FROM renovation_file f JOIN renovation_application a"
            + " ON a.id = f.application_id WHERE a.community_id = :c");
    ONE.put(
        RecordKind.RENOVATION_VIOLATION,
        "SELECT min(v.id) FROM renovation_violation v JOIN renovation_application a"
            + " ON a.id = v.application_id WHERE a.community_id = :c");
    ONE.put(RecordKind.COMMUNITY_ANNOUNCEMENT, inCommunity("announcement"));

    VERSIONED.put(RecordKind.REPAIR, "repair_order");
    VERSIONED.put(RecordKind.REPAIR_INTEGRITY_CASE, "repair_integrity_case");
    VERSIONED.put(RecordKind.PRICE_ITEM, "repair_price_item");
    VERSIONED.put(RecordKind.COMPLAINT, "complaint");
    VERSIONED.put(RecordKind.INQUIRY, "inquiry");
    VERSIONED.put(RecordKind.KNOWLEDGE_ENTRY, "inquiry_kb_entry");
    VERSIONED.put(RecordKind.EMERGENCY_CASE, "emergency_case");
    VERSIONED.put(RecordKind.KEY_CABINET, "keycustody_cabinet");
    VERSIONED.put(RecordKind.ENTRUSTMENT, "keycustody_entrustment");
    VERSIONED.put(RecordKind.COLLECTOR, "keycustody_collector");
    VERSIONED.put(RecordKind.KEY, "keycustody_key");
    VERSIONED.put(RecordKind.VOID_REQUEST, "billing_void");
    VERSIONED.put(RecordKind.DAY_CLOSE, "billing_day_close");
    VERSIONED.put(RecordKind.CONVENIENCE_SERVICE, "convenience_service");
    VERSIONED.put(RecordKind.ANNOUNCEMENT, "convenience_announcement");
    VERSIONED.put(RecordKind.CONVENIENCE_ORDER, "convenience_order");
    VERSIONED.put(RecordKind.CONVENIENCE_INTEGRITY_CASE, "convenience_integrity_case");
    VERSIONED.put(RecordKind.EQUIPMENT, "upkeep_equipment");
    VERSIONED.put(RecordKind.CHECKPOINT, "upkeep_checkpoint");
    VERSIONED.put(RecordKind.PATROL_ROUTE, "upkeep_route");
    VERSIONED.put(RecordKind.PATROL_ROUND, "upkeep_round");
    VERSIONED.put(RecordKind.PATROL_ALERT, "upkeep_patrol_alert");
    VERSIONED.put(RecordKind.MAINTENANCE_PLAN, "upkeep_plan");
    VERSIONED.put(RecordKind.MAINTENANCE_TASK, "upkeep_task");
    VERSIONED.put(RecordKind.RENOVATION, "renovation_application");
    VERSIONED.put(RecordKind.COMMUNITY_ANNOUNCEMENT, "announcement");
  }

  private static String inCommunity(String table) {
    return "SELECT min(id) FROM " + table + " WHERE community_id = :c";
  }

  /** A staff member of the community with the role (not the administrator). */
  public static String staffWithRole(String role) {
    return "SELECT min(s.id) FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role = '"
        + role
        + "' JOIN staff_community sc ON sc.staff_id = s.id WHERE sc.community_id = :c";
  }

  private final JdbcClient jdbc;

  public RecordIds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One record of each kind in the community. */
  public Map<RecordKind, String> of(long communityId) {
    Map<RecordKind, String> out = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      String sql = ONE.get(kind);
      if (sql == null) {
        throw new IllegalStateException("no lookup for record kind " + kind.label());
      }
      String value = first(sql, communityId);
      if (value != null) {
        out.put(kind, value);
      }
    }
    return out;
  }

  /** A staff member of the community with the role, or null. */
  public String staff(long communityId, String role) {
    return first(staffWithRole(role), communityId);
  }

  private String first(String sql, long communityId) {
    return jdbc.sql(sql).param("c", communityId).query().singleColumn().stream()
        .filter(java.util.Objects::nonNull)
        .map(String::valueOf)
        .findFirst()
        .orElse(null);
  }

  /** The version of the record, if its kind has one. */
  public Integer version(RecordKind kind, String id) {
    String table = VERSIONED.get(kind);
    if (table == null || id == null) {
      return null;
    }
    return jdbc.sql("SELECT version FROM " + table + " WHERE id = :id")
        .param("id", Long.parseLong(id))
        .query(Integer.class)
        .optional()
        .orElse(null);
  }
}
