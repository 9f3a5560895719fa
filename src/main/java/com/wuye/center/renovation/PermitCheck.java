package com.wuye.center.renovation;

import com.wuye.center.renovation.RenovationApplication.PermitStatus;
import com.wuye.center.renovation.internal.ApplicationNumbers;
import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.renovation.internal.RenovationReads;
import com.wuye.center.renovation.internal.WorkerIds;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guards' check at the gate (RN-8, RN-9): the permit's code (scanned from its QR, or typed; the
 * application's number works too) says whether works are allowed today — valid, not yet valid,
 * expired, or not approved — and, given a worker's ID, whether that person is registered on the
 * permit (matched by the keyed fingerprint; the number is never shown whole). A code of another
 * community is as unknown as one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class PermitCheck {

  private final ApplicationRepository repo;
  private final RenovationReads reads;
  private final WorkerIds ids;
  private final Clock clock;

  PermitCheck(ApplicationRepository repo, RenovationReads reads, WorkerIds ids, Clock clock) {
    this.repo = repo;
    this.reads = reads;
    this.ids = ids;
    this.clock = clock;
  }

  /** A registered worker as the guard sees them. */
  public record ShownWorker(String name, String idMasked) implements java.io.Serializable {}

  /**
   * What the guard reads.
   *
   * @param status null when the code is unknown
   * @param workerMatch the registered worker whose ID was given, or null (none given, or no match)
   */
  public record Result(
      String code,
      PermitStatus status,
      Long applicationId,
      String number,
      String unitCode,
      LocalDate startDate,
      LocalDate endDate,
      String company,
      String foremanName,
      String foremanPhoneMasked,
      List<ShownWorker> workers,
      boolean workerGiven,
      ShownWorker workerMatch)
      implements java.io.Serializable {

    public boolean known() {
      return status != null;
    }
  }

  public Result check(CurrentUser user, String rawCode, String idType, String idNumber) {
    RenovationAccess.requireStaff(user, RenovationAccess.GATE);
    String code = ApplicationNumbers.normalise(rawCode);
    if (code.isEmpty()) {
      throw DomainException.invalid("code", "renovation.error.codeRequired");
    }
    boolean idGiven = idNumber != null && !idNumber.isBlank();
    Optional<Stored> found =
        repo.idByCode(code)
            .flatMap(repo::load)
            .filter(s -> user.servesCommunity(s.application().communityId()));
    if (found.isEmpty()) {
      return new Result(
          code, null, null, null, null, null, null, null, null, null, List.of(), idGiven, null);
    }
    RenovationApplication a = found.get().application();
    RenovationReads.Header header = reads.header(a.id()).orElseThrow();
    List<Worker> workers = repo.workers(a.id());
    Optional<ShownWorker> match = Optional.empty();
    if (idGiven) {
      WorkerId presented = ids.parse("idType", "idNumber", idType, idNumber);
      match =
          workers.stream()
              .filter(w -> w.document().matches(presented))
              .findFirst()
              .map(PermitCheck::shown);
    }
    return new Result(
        code,
        a.permit(LocalDate.now(clock)),
        a.id(),
        a.number(),
        found.get().facts().unitCode(),
        a.startDate(),
        a.endDate(),
        header.company(),
        header.foremanName(),
        Masking.phone(header.foremanPhone()),
        workers.stream().map(PermitCheck::shown).toList(),
        idGiven,
        match.orElse(null));
  }

  private static ShownWorker shown(Worker w) {
    return new ShownWorker(w.name(), w.document().masked());
  }
}
