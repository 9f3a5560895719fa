package com.wuye.center.renovation;

import com.wuye.center.complaint.ComplaintQueries;
import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RN-13, a neighbour's complaint about the works (work outside the hours, noise in the quiet hours)
 * linked to the application by its number — found through the complaint area's own reads, as the
 * user who links it, in the application's community only: a number of another community is as
 * unknown as one that does not exist. Linked once.
 */
@Service
@Transactional
public class ComplaintLinks {

  /** Those who handle complaints link them. */
  static final Role[] LINKERS = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER};

  private final Applications applications;
  private final ComplaintQueries complaints;
  private final ApplicationRepository repo;

  ComplaintLinks(
      Applications applications, ComplaintQueries complaints, ApplicationRepository repo) {
    this.applications = applications;
    this.complaints = complaints;
    this.repo = repo;
  }

  public void link(CurrentUser user, long id, Integer version, String number) {
    RenovationAccess.requireStaff(user, LINKERS);
    String typed = Text.required("complaintNumber", number, 30).toUpperCase(java.util.Locale.ROOT);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    ComplaintQueries.Row complaint =
        complaints.list(user, a.communityId(), null, typed, 0, 5).items().stream()
            .filter(r -> r.number().equals(typed))
            .findFirst()
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "complaintNumber", "renovation.error.complaintUnknown", typed));
    Map<String, Object> before = a.snapshot();
    a.linkComplaint(complaint.id(), complaint.number());
    repo.linkComplaint(
        a.id(),
        complaint.id(),
        complaint.number(),
        Applications.actorName(user),
        applications.now());
    applications.save(user, s, "COMPLAINT_LINKED", before);
  }
}
