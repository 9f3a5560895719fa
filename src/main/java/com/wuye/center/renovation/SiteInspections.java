package com.wuye.center.renovation;

import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.NewFile;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RN-11, an inspector's visit on site: the inspection's checklist answered item by item, photos,
 * findings; passed, or not (then with findings, and inspected again). The final inspection only
 * after the hidden works passed and with no violation open. The first visit stops the inspection's
 * deadline clock.
 */
@Service
@Transactional
public class SiteInspections {

  private final Applications applications;
  private final RenovationClocks clocks;
  private final ApplicationRepository repo;

  SiteInspections(Applications applications, RenovationClocks clocks, ApplicationRepository repo) {
    this.applications = applications;
    this.clocks = clocks;
    this.repo = repo;
  }

  /**
   * What the inspector records.
   *
   * @param checklist the items of the kind's checklist that were found in order
   */
  public record Visit(
      InspectionKind kind, Boolean passed, List<String> checklist, String findings) {}

  public void inspect(
      CurrentUser user,
      long id,
      Integer version,
      Visit visit,
      List<RenovationIntake.Upload> photos) {
    RenovationAccess.requireStaff(user, RenovationAccess.ENGINEERING);
    if (visit.kind() == null) {
      throw DomainException.invalid("kind", "error.required");
    }
    if (visit.passed() == null) {
      throw DomainException.invalid("passed", "error.required");
    }
    List<RenovationIntake.Upload> files = photos == null ? List.of() : photos;
    if (files.size() > Images.MAX_PHOTOS) {
      throw DomainException.invalid("photos", "renovation.error.tooManyFiles", Images.MAX_PHOTOS);
    }
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Map<String, Object> before = a.snapshot();
    Instant now = applications.now();
    Inspection.Visit v =
        a.inspect(
            visit.kind(),
            visit.passed(),
            answers(visit),
            Text.optional("findings", visit.findings(), 1000),
            user.staffId(),
            Applications.actorName(user),
            now);
    applications.save(user, s, "INSPECTED", before);
    for (RenovationIntake.Upload p : files) {
      repo.insertFile(
          a.id(),
          v.id(),
          new NewFile("PHOTO", Images.photoType("photos", p.bytes()), p.bytes()),
          now,
          user.actorRef());
    }
    if (v.first()) {
      a.inspections().stream()
          .filter(i -> i.kind() == visit.kind())
          .findFirst()
          .ifPresent(i -> clocks.stop(i.clockId()));
    }
  }

  private static Map<String, Boolean> answers(Visit visit) {
    List<String> checked = visit.checklist() == null ? List.of() : visit.checklist();
    java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
    visit.kind().checklist().forEach(item -> out.put(item, checked.contains(item)));
    return out;
  }
}
