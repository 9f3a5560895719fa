package com.wuye.center.renovation;

import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RN-12, a violation found on site (work outside the working hours, noise in the quiet hours, waste
 * left out, structure touched …) is recorded with a rectification deadline — in the future, at most
 * 30 days ahead — on a deadline clock: the engineer who found it is warned at 80%, the supervisors
 * hear of a breach. Checked as rectified, the clock stops.
 */
@Service
@Transactional
public class Violations {

  private final Applications applications;
  private final RenovationClocks clocks;

  Violations(Applications applications, RenovationClocks clocks) {
    this.applications = applications;
    this.clocks = clocks;
  }

  public record Found(Violation.Category category, String description, Instant deadline) {}

  /** Records the violation; returns its id. */
  public long record(CurrentUser user, long id, Integer version, Found f) {
    RenovationAccess.requireStaff(user, RenovationAccess.ENGINEERING);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    Violation v =
        a.recordViolation(
            f.category(),
            Text.required("description", f.description(), 1000),
            f.deadline(),
            user.staffId(),
            Applications.actorName(user),
            applications.now());
    clocks.rectification(a, v, a.violations().size(), user.staffId());
    applications.save(user, s, "VIOLATION", before);
    return v.id();
  }

  public void rectified(CurrentUser user, long id, Integer version, long violationId, String note) {
    RenovationAccess.requireStaff(user, RenovationAccess.ENGINEERING);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    Violation v =
        a.rectified(
            violationId,
            Text.optional("note", note, 500),
            Applications.actorName(user),
            applications.now());
    applications.save(user, s, "RECTIFIED", before);
    clocks.stop(v.clockId());
  }
}
