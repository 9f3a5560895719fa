package com.wuye.center.renovation;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.renovation.RenovationApplication.Channel;
import com.wuye.center.renovation.internal.ApplicationNumbers;
import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.NewApplication;
import com.wuye.center.renovation.internal.ApplicationRepository.NewFile;
import com.wuye.center.renovation.internal.WorkerIds;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application for a renovation 装修申请, by a resident on the portal (only for a unit they occupy:
 * any other is "not found") or by customer service at the desk: the unit, the contractor (company,
 * foreman, phone, workers with their ID — RN-9: kept only as a keyed fingerprint and masked), the
 * scope (RN-1: never load-bearing walls; RN-2: a drawing for walls or layout), the dates (RN-3: not
 * in the past, at most 180 days; RN-4: no overlap with another open application of the unit, held
 * by the database too), drawings and photos, and the community's rules shown and accepted (RN-5:
 * the text as shown is stored). A retried submission with the same idempotency key answers with the
 * first application.
 */
@Service
@Transactional
public class RenovationIntake {

  static final int MAX_WORKERS = 30;
  static final int MAX_FILES = Images.MAX_PHOTOS;

  private final EstateDirectory estate;
  private final ApplicationRepository repo;
  private final ApplicationNumbers numbers;
  private final WorkerIds ids;
  private final CommunityRules rules;
  private final Applications applications;

  RenovationIntake(
      EstateDirectory estate,
      ApplicationRepository repo,
      ApplicationNumbers numbers,
      WorkerIds ids,
      CommunityRules rules,
      Applications applications) {
    this.estate = estate;
    this.repo = repo;
    this.numbers = numbers;
    this.ids = ids;
    this.rules = rules;
    this.applications = applications;
  }

  /** A worker as typed (a blank row is skipped). */
  public record WorkerRow(String name, String idType, String idNumber, String phone) {
    boolean blank() {
      return isBlank(name) && isBlank(idNumber) && isBlank(phone);
    }
  }

  /** A drawing or a photo as uploaded. */
  public record Upload(String name, byte[] bytes) {}

  /**
   * The application as typed.
   *
   * @param applicantName at the desk: who applies (the portal takes the resident's own name)
   * @param applicantPhone at the desk: their phone (the portal: the resident's, unless typed)
   * @param scope names of {@link Scope}
   * @param rulesAccepted the applicant accepted the community's rules as shown (RN-5)
   */
  public record Request(
      Long unitId,
      String applicantName,
      String applicantPhone,
      String company,
      String foremanName,
      String foremanPhone,
      List<WorkerRow> workers,
      List<String> scope,
      String description,
      LocalDate startDate,
      LocalDate endDate,
      Boolean rulesAccepted) {}

  /** The application as submitted. */
  public record Submitted(long id, String number, String permitCode, boolean replayed) {}

  /** Submits the application; returns it (the first one, for a retried key). */
  public Submitted apply(
      CurrentUser user,
      Request a,
      List<Upload> drawings,
      List<Upload> photos,
      String idempotencyKey) {
    if (a.unitId() == null) {
      throw DomainException.invalid("unitId", "error.required");
    }
    if (!user.isResident()) {
      RenovationAccess.requireStaff(user, RenovationAccess.DESK);
    }
    Estate.Unit unit = estate.unitFor(user, a.unitId());
    String key = Text.optional("idempotencyKey", idempotencyKey, 64);
    if (key != null) {
      var first = repo.submittedWithKey(user.residentId(), user.staffId(), key);
      if (first.isPresent()) {
        var s = repo.require(first.get());
        return new Submitted(first.get(), s.application().number(), s.facts().permitCode(), true);
      }
    }
    Instant now = applications.now();
    LocalDate today = applications.today();
    Set<Scope> scope = scope(a.scope());
    List<NewFile> files = new ArrayList<>(files("drawings", "DRAWING", drawings));
    files.addAll(files("photos", "PHOTO", photos));
    String number = numbers.number(today);
    String permitCode = numbers.permitCode();
    RenovationApplication.submit(
        new RenovationApplication.Draft(
            number,
            permitCode,
            unit.communityId(),
            unit.id(),
            scope,
            (int) files.stream().filter(f -> f.kind().equals("DRAWING")).count(),
            a.startDate(),
            a.endDate(),
            Boolean.TRUE.equals(a.rulesAccepted())),
        today);
    String[] applicant = applicant(user, a);
    List<Worker> workers = workers(a.workers());
    String company = Text.required("company", a.company(), 100);
    String foreman = Text.required("foremanName", a.foremanName(), 50);
    String foremanPhone = PhoneNumber.of("foremanPhone", a.foremanPhone()).value();
    String description = Text.required("description", a.description(), 1000);
    repo.overlapping(unit.id(), a.startDate(), a.endDate())
        .ifPresent(
            other -> {
              throw overlap(other);
            });
    Locale locale = LocaleContextHolder.getLocale();
    long id;
    try {
      id =
          repo.insert(
              new NewApplication(
                  number,
                  permitCode,
                  unit.communityId(),
                  unit.id(),
                  unit.code(),
                  user.isResident() ? Channel.PORTAL : Channel.DESK,
                  user.residentId(),
                  user.staffId(),
                  applicant[0],
                  applicant[1],
                  company,
                  foreman,
                  foremanPhone,
                  scope,
                  description,
                  a.startDate(),
                  a.endDate(),
                  rules.text(unit.communityId(), locale),
                  now,
                  key,
                  workers,
                  files,
                  user.actorRef(),
                  Applications.actorName(user)));
    } catch (DataIntegrityViolationException e) {
      if (String.valueOf(e.getMessage()).contains("renovation_application_no_overlap")) {
        // the database held RN-4 against a simultaneous application (this transaction is over)
        throw new DomainException(
            DomainException.Kind.CONFLICT, "renovation.error.overlapNow", "startDate");
      }
      throw e;
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("number", number);
    after.put("unit", unit.code());
    after.put("scope", scope);
    after.put("startDate", a.startDate());
    after.put("endDate", a.endDate());
    after.put("company", company);
    after.put("foremanPhone", foremanPhone);
    after.put(
        "workers", workers.stream().map(w -> w.name() + " " + w.document().masked()).toList());
    after.put("files", files.size());
    after.put("rulesAccepted", true);
    applications.created(id, after);
    return new Submitted(id, number, permitCode, false);
  }

  /** RN-4: the unit is being renovated, or will be, on some of these days. */
  private static DomainException overlap(String other) {
    return new DomainException(
        DomainException.Kind.CONFLICT, "renovation.error.overlap", "startDate", other);
  }

  /** Name and phone of who applies: the resident themselves, or as typed at the desk. */
  private String[] applicant(CurrentUser user, Request a) {
    if (user.isResident()) {
      Estate.Resident r =
          estate
              .resident(user.residentId())
              .orElseThrow(() -> DomainException.notFound("error.resident.notFound"));
      String phone = isBlank(a.applicantPhone()) ? r.phone() : a.applicantPhone();
      return new String[] {r.name(), PhoneNumber.of("applicantPhone", phone).value()};
    }
    return new String[] {
      Text.required("applicantName", a.applicantName(), 50),
      PhoneNumber.of("applicantPhone", a.applicantPhone()).value()
    };
  }

  private static Set<Scope> scope(List<String> names) {
    Set<Scope> scope = EnumSet.noneOf(Scope.class);
    for (String n : names == null ? List.<String>of() : names) {
      if (isBlank(n)) {
        continue;
      }
      try {
        scope.add(Scope.valueOf(n.trim()));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("scope", "renovation.error.scopeUnknown");
      }
    }
    return scope;
  }

  /** The workers as typed: blank rows skipped, each named with a valid ID, none twice (RN-9). */
  private List<Worker> workers(List<WorkerRow> rows) {
    List<Worker> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; rows != null && i < rows.size(); i++) {
      WorkerRow w = rows.get(i);
      if (w == null || w.blank()) {
        continue;
      }
      String prefix = "workers[" + i + "].";
      String name = Text.required(prefix + "name", w.name(), 50);
      WorkerId id = ids.parse(prefix + "idType", prefix + "idNumber", w.idType(), w.idNumber());
      if (!seen.add(id.hash())) {
        throw DomainException.invalid(prefix + "idNumber", "renovation.error.workerTwice", name);
      }
      String phone =
          isBlank(w.phone()) ? null : PhoneNumber.of(prefix + "phone", w.phone()).value();
      out.add(new Worker(name, id, phone));
    }
    if (out.size() > MAX_WORKERS) {
      throw DomainException.invalid("workers", "renovation.error.tooManyWorkers", MAX_WORKERS);
    }
    return out;
  }

  private static List<NewFile> files(String field, String kind, List<Upload> uploads) {
    List<Upload> list = uploads == null ? List.of() : uploads;
    if (list.size() > MAX_FILES) {
      throw DomainException.invalid(field, "renovation.error.tooManyFiles", MAX_FILES);
    }
    return list.stream()
        .map(u -> new NewFile(kind, Images.photoType(field, u.bytes()), u.bytes()))
        .toList();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
