package com.wuye.center.renovation;

import com.wuye.center.renovation.RenovationApplication.Decision;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of the works: deductions from the deposit, each with its reason (RN-14: together less
 * than the deposit; kept, never changed), and the final acceptance 竣工验收 by a supervisor after the
 * final inspection passed and with no violation open (RN-11). Accepted, the deposit less the
 * deductions is due back through the cashier ({@link DepositRefund}).
 */
@Service
@Transactional
public class FinalAcceptance {

  private final Applications applications;
  private final RenovationNotices notices;

  FinalAcceptance(Applications applications, RenovationNotices notices) {
    this.applications = applications;
    this.notices = notices;
  }

  public record Deducted(BigDecimal amount, String reason, Long violationId) {}

  public void deduct(CurrentUser user, long id, Integer version, Deducted d) {
    RenovationAccess.requireStaff(user, RenovationAccess.DECIDERS);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    a.deduct(
        new Deduction(
            null,
            d.amount(),
            Text.optional("reason", d.reason(), 500),
            d.violationId(),
            user.staffId(),
            Applications.actorName(user),
            applications.now()));
    applications.save(user, s, "DEDUCTED", before);
  }

  public void accept(CurrentUser user, long id, Integer version, String note) {
    RenovationAccess.requireStaff(user, RenovationAccess.DECIDERS);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    a.accept(
        new Decision(
            user.staffId(),
            Applications.actorName(user),
            Text.optional("note", note, 1000),
            applications.now()));
    applications.save(user, s, "ACCEPTED", before);
    notices.role(s, com.wuye.center.shared.Role.CASHIER, "renovation.notify.refundDue");
    notices.applicant(s, "renovation.notify.accepted");
  }
}
