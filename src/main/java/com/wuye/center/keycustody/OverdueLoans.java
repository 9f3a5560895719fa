package com.wuye.center.keycustody;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys lent to technicians and not back by the expected time: flagged in the key list, and
 * escalated once to the community's managers and supervisors (and the technician). The escalation
 * marks each loan with a conditional update, so with several app nodes running the check each loan
 * is escalated exactly once.
 */
@Service
public class OverdueLoans {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Clock clock;

  OverdueLoans(
      JdbcClient jdbc,
      Notifications notifications,
      StaffDirectory staff,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** Escalates every overdue loan not yet escalated; returns how many were escalated now. */
  @Transactional
  public int escalate() {
    Instant now = clock.instant();
    List<KeyCustody.OverdueLoan> loans =
        jdbc.sql(
                "UPDATE keycustody_loan l SET escalated_at = :now FROM keycustody_key k"
                    + " JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
                    + " WHERE k.id = l.key_id AND l.returned_at IS NULL AND l.escalated_at IS NULL"
                    + " AND l.expected_return_at < :now"
                    + " RETURNING l.id, l.key_id, k.code, e.community_id, l.technician_staff_id,"
                    + " l.repair_order_ref, l.expected_return_at")
            .param("now", Timestamp.from(now))
            .query(
                (rs, n) ->
                    new KeyCustody.OverdueLoan(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
            .list();
    for (KeyCustody.OverdueLoan loan : loans) {
      String technician = staff.find(loan.technicianStaffId()).map(StaffMember::name).orElse("#");
      Notifications.Message message =
          Notifications.Message.of(
                  "keycustody.notify.overdue",
                  "/staff/keycustody/keys/" + loan.keyId(),
                  loan.keyCode(),
                  technician,
                  loan.repairOrderRef(),
                  TIME.format(loan.expectedReturnAt()))
              .from("keycustody-key", loan.keyId());
      notifications.notifyRole(loan.communityId(), Role.MANAGER, message);
      notifications.notifyRole(loan.communityId(), Role.SUPERVISOR, message);
      notifications.notifyStaff(List.of(loan.technicianStaffId()), message);
      audit.record(
          KeyCustodyService.AUDIT_KEY,
          loan.keyId(),
          "LOAN_OVERDUE",
          null,
          Map.of(
              "technician",
              technician,
              "repairOrder",
              loan.repairOrderRef(),
              "expectedReturnAt",
              loan.expectedReturnAt().toString()));
    }
    return loans.size();
  }
}
