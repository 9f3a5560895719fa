package com.wuye.center.renovation;

import com.wuye.center.renovation.RenovationApplication.Decision;
import com.wuye.center.renovation.RenovationApplication.Recommendation;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RN-6, the decision on an application: engineering (a technician or a supervisor) reviews it and
 * recommends, with reasons; a supervisor — never the reviewer — approves with reasons, setting the
 * deposit and the waste removal fee ({@link DepositStandard} proposes them), which go to the
 * cashier as charges on the unit's bill (CA-4); or refuses with reasons. Before a decision the
 * applicant or customer service may withdraw it.
 */
@Service
@Transactional
public class RenovationReview {

  private final Applications applications;
  private final RenovationNotices notices;
  private final DepositStandard standard;

  RenovationReview(Applications applications, RenovationNotices notices, DepositStandard standard) {
    this.applications = applications;
    this.notices = notices;
    this.standard = standard;
  }

  public void review(
      CurrentUser user, long id, Integer version, Recommendation recommendation, String reasons) {
    RenovationAccess.requireStaff(user, RenovationAccess.ENGINEERING);
    Stored s = applications.load(user, id, version);
    Map<String, Object> before = s.application().snapshot();
    s.application().review(recommendation, decision(user, reasons));
    applications.save(user, s, "REVIEWED", before);
    if (recommendation == Recommendation.APPROVE) {
      notices.role(s, Role.SUPERVISOR, "renovation.notify.reviewed");
    } else {
      notices.applicant(s, "renovation.notify.refused");
    }
  }

  /**
   * Approves: the deposit (or the standard one) and the fee (or the standard one for the unit) go
   * to the cashier.
   */
  public void approve(
      CurrentUser user,
      long id,
      Integer version,
      String reasons,
      BigDecimal deposit,
      BigDecimal fee) {
    RenovationAccess.requireStaff(user, RenovationAccess.DECIDERS);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    a.approve(
        decision(user, reasons),
        deposit == null ? standard.deposit() : deposit,
        fee == null ? standard.wasteFee(a.unitId()) : fee,
        applications.now());
    applications.save(user, s, "APPROVED", before);
    notices.role(s, Role.CASHIER, "renovation.notify.depositDue");
    notices.applicant(s, "renovation.notify.approved");
  }

  public void refuse(CurrentUser user, long id, Integer version, String reasons) {
    RenovationAccess.requireStaff(user, RenovationAccess.DECIDERS);
    Stored s = applications.load(user, id, version);
    Map<String, Object> before = s.application().snapshot();
    s.application().refuse(decision(user, reasons));
    applications.save(user, s, "REFUSED", before);
    notices.applicant(s, "renovation.notify.refused");
  }

  /** Withdrawn before a decision: by the applicant (or an occupant) or customer service. */
  public void cancel(CurrentUser user, long id, Integer version, String reason) {
    if (!user.isResident()) {
      RenovationAccess.requireStaff(user, RenovationAccess.DESK);
    }
    Stored s = applications.load(user, id, version);
    Map<String, Object> before = s.application().snapshot();
    s.application().cancel(Text.required("reason", reason, 500, "renovation.error.reasonRequired"));
    applications.save(user, s, "CANCELLED", before);
  }

  private Decision decision(CurrentUser user, String reasons) {
    if (user.staffId() == null) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return new Decision(
        user.staffId(),
        Applications.actorName(user),
        Text.required("reasons", reasons, 1000, "renovation.error.reasonRequired"),
        applications.now());
  }
}
