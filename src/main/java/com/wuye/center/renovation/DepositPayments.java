package com.wuye.center.renovation;

import com.wuye.center.billing.ChargePaid;
import com.wuye.center.renovation.RenovationApplication.DepositPayment;
import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * RN-7, the deposit paid: billing says the cashier collected a renovation's deposit ({@link
 * ChargePaid}), so its permit is valid and works may start. Runs after the payment's commit in a
 * transaction of its own; a redelivered event changes nothing.
 */
@Component
class DepositPayments {

  private final ApplicationRepository repo;
  private final Applications applications;
  private final RenovationNotices notices;

  DepositPayments(
      ApplicationRepository repo, Applications applications, RenovationNotices notices) {
    this.repo = repo;
    this.applications = applications;
    this.notices = notices;
  }

  @ApplicationModuleListener
  void on(ChargePaid e) {
    if (!RenovationApplication.DEPOSIT_SOURCE.equals(e.sourceType())) {
      return;
    }
    Stored s = repo.require(Long.parseLong(e.sourceId()));
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    if (a.depositPaid(new DepositPayment(e.chargeId(), e.receiptNo(), e.paidAt()))) {
      applications.save(null, s, "DEPOSIT_PAID", before);
      notices.applicant(s, "renovation.notify.permitted");
    }
  }
}
