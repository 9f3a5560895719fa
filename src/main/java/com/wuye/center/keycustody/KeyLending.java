package com.wuye.center.keycustody;

import com.wuye.center.keycustody.CustodyChain.LockedKey;
import com.wuye.center.keycustody.KeyCustody.OverdueLoan;
import com.wuye.center.keycustody.internal.CustodyRepository.Slot;
import com.wuye.center.keycustody.internal.LoanRepository;
import com.wuye.center.keycustody.internal.LoanRepository.OpenLoan;
import com.wuye.center.keycustody.internal.SecurityLog.Action;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lending a stored key to a technician for a repair order, where the entrustment form allows it:
 * the technician signs, the key leaves its slot until it is taken back. A key not back by the
 * expected time is flagged in the key list and escalated once to the community's managers and
 * supervisors (and the technician); with several app nodes running the check, each loan is
 * escalated exactly once.
 */
@Service
public class KeyLending {

  static final Duration MAX_LOAN = Duration.ofDays(7);
  private static final int MAX_REPAIR_REF = 40;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final LoanRepository loans;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final CustodyChain chain;
  private final CustodyActions actions;

  KeyLending(
      LoanRepository loans,
      StaffDirectory staff,
      Notifications notifications,
      CustodyChain chain,
      CustodyActions actions) {
    this.loans = loans;
    this.staff = staff;
    this.notifications = notifications;
    this.chain = chain;
    this.actions = actions;
  }

  /** Lending a key to a technician for a repair order (referenced by its number). */
  public record Lending(
      Long technicianStaffId, String repairOrderRef, Instant expectedReturnAt, String signature) {}

  /** Lends a stored key to a technician for a repair order, where the form allows it. */
  public void lend(CurrentUser user, long keyId, Lending l) {
    actions.run(
        user,
        Action.LEND,
        ctx -> {
          LockedKey locked = chain.lockKey(user, keyId, ctx);
          locked.entrustment().checkLendingAllowed();
          Instant now = actions.now();
          StaffMember technician = technician(l.technicianStaffId(), locked.entrustment());
          String ref = Text.required("repairOrderRef", l.repairOrderRef(), MAX_REPAIR_REF);
          if (l.expectedReturnAt() == null
              || !l.expectedReturnAt().isAfter(now)
              || l.expectedReturnAt().isAfter(now.plus(MAX_LOAN))) {
            throw DomainException.invalid(
                "expectedReturnAt", "keycustody.error.expectedReturn", MAX_LOAN.toDays());
          }
          CustodyKey k = locked.key();
          Long from = k.slotId();
          k.lend();
          byte[] signature = Images.signature("signature", l.signature());
          chain.save(k);
          long loanId =
              loans.insert(
                  k.id(),
                  technician.id(),
                  ref,
                  now,
                  user.staffId(),
                  l.expectedReturnAt(),
                  signature);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("state", "LENT");
          after.put("technician", technician.name());
          after.put("repairOrder", ref);
          after.put("expectedReturnAt", l.expectedReturnAt().toString());
          chain.record(
              CustodyChain.movement(k, "LENT", user, now).from(from).loan(loanId),
              Map.of("state", "STORED"),
              after);
          return null;
        });
  }

  /** An active technician of the entrustment's community. */
  private StaffMember technician(Long staffId, Entrustment e) {
    StaffMember technician = staffId == null ? null : staff.find(staffId).orElse(null);
    if (technician == null
        || !technician.active()
        || !technician.has(Role.TECHNICIAN)
        || !technician.communityIds().contains(e.communityId())) {
      throw DomainException.invalid("technicianStaffId", "keycustody.error.technician");
    }
    return technician;
  }

  /** Takes a lent key back and puts it into a slot. */
  public void returnKey(CurrentUser user, long keyId, long slotId) {
    actions.run(
        user,
        Action.RETURN,
        ctx -> {
          LockedKey locked = chain.lockKey(user, keyId, ctx);
          Slot slot = chain.slotFor(locked.entrustment(), slotId);
          CustodyKey k = locked.key();
          k.returnTo(slot.id());
          OpenLoan loan = loans.open(k.id()).orElseThrow();
          Instant now = actions.now();
          chain.save(k);
          loans.close(loan.id(), now, user.staffId());
          chain.record(
              CustodyChain.movement(k, "RETURNED", user, now).to(slot.id()).loan(loan.id()),
              Map.of("state", "LENT"),
              Map.of(
                  "state",
                  "STORED",
                  "slot",
                  slot.code(),
                  "late",
                  now.isAfter(loan.expectedReturnAt())));
          return null;
        });
  }

  /**
   * Escalates every overdue loan not yet escalated (the scheduled check calls it; tests call it
   * themselves); returns how many were escalated now.
   */
  @Transactional
  public int escalateOverdue() {
    List<OverdueLoan> overdue = loans.markOverdue(actions.now());
    for (OverdueLoan loan : overdue) {
      String technician = staff.find(loan.technicianStaffId()).map(StaffMember::name).orElse("#");
      Notifications.Message message =
          Notifications.Message.of(
                  "keycustody.notify.overdue",
                  "/staff/keycustody/keys/" + loan.keyId(),
                  loan.keyCode(),
                  technician,
                  loan.repairOrderRef(),
                  TIME.format(loan.expectedReturnAt()))
              .from(CustodyChain.AUDIT_KEY, loan.keyId());
      notifications.notifyRole(loan.communityId(), Role.MANAGER, message);
      notifications.notifyRole(loan.communityId(), Role.SUPERVISOR, message);
      notifications.notifyStaff(List.of(loan.technicianStaffId()), message);
      chain.recordKey(
          loan.keyId(),
          "LOAN_OVERDUE",
          Map.of(
              "technician",
              technician,
              "repairOrder",
              loan.repairOrderRef(),
              "expectedReturnAt",
              loan.expectedReturnAt().toString()));
    }
    return overdue.size();
  }
}
