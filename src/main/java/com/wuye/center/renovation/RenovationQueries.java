package com.wuye.center.renovation;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.renovation.RenovationApplication.Status;
import com.wuye.center.renovation.internal.ApplicationRepository;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.renovation.internal.RenovationReads;
import com.wuye.center.renovation.internal.RenovationReads.Row;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the renovation pages read: the list of a community's applications (by what they wait for), a
 * resident's own, and one application with everything recorded on it.
 */
@Service
@Transactional(readOnly = true)
public class RenovationQueries {

  /** The lists of the board: what each role waits for. */
  public enum Queue {
    ALL(null),
    TO_REVIEW(List.of(Status.SUBMITTED)),
    TO_DECIDE(List.of(Status.REVIEWED)),
    DEPOSIT_DUE(List.of(Status.APPROVED)),
    PERMITTED(List.of(Status.PERMITTED)),
    IN_PROGRESS(List.of(Status.IN_PROGRESS)),
    REFUND_DUE(List.of(Status.ACCEPTED)),
    ENDED(List.of(Status.CLOSED, Status.REFUSED, Status.CANCELLED));

    private final List<Status> statuses;

    Queue(List<Status> statuses) {
      this.statuses = statuses;
    }

    List<String> names() {
      return statuses == null ? null : statuses.stream().map(Enum::name).toList();
    }
  }

  /** Everything one application's page shows. */
  public record Details(
      RenovationApplication application,
      RenovationReads.Header header,
      List<RenovationReads.WorkerRow> workers,
      List<RenovationReads.FileRow> files,
      List<RenovationReads.VisitRow> visits,
      List<RenovationReads.ComplaintRow> complaints,
      List<RenovationReads.Event> timeline,
      Map<Long, ClockView> clocks) {

    public List<RenovationReads.FileRow> filesOf(String kind, Long visitId) {
      return files.stream()
          .filter(f -> f.kind().equals(kind) && java.util.Objects.equals(f.visitId(), visitId))
          .toList();
    }

    public List<RenovationReads.VisitRow> visitsOf(InspectionKind kind) {
      return visits.stream().filter(v -> v.kind() == kind).toList();
    }
  }

  private final ApplicationRepository repo;
  private final RenovationReads reads;
  private final RenovationAccess access;
  private final RenovationClocks clocks;

  RenovationQueries(
      ApplicationRepository repo,
      RenovationReads reads,
      RenovationAccess access,
      RenovationClocks clocks) {
    this.repo = repo;
    this.reads = reads;
    this.access = access;
    this.clocks = clocks;
  }

  /** Applications of the communities the user serves (or one), in a queue, newest first. */
  public Paged<Row> list(CurrentUser user, Long communityId, Queue queue, int page, int size) {
    RenovationAccess.requireStaff(user, RenovationAccess.READERS);
    Long[] communities;
    if (communityId != null) {
      user.requireCommunity(communityId);
      communities = new Long[] {communityId};
    } else {
      communities = user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new);
    }
    List<String> statuses = (queue == null ? Queue.ALL : queue).names();
    long total = reads.count(communities, statuses);
    return new Paged<>(
        reads.list(communities, statuses, size, (long) page * size), page, size, total);
  }

  /** A resident's applications: the units they occupy and those they submitted. */
  public List<Row> ofResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return reads.ofResident(user.residentId());
  }

  public Details details(CurrentUser user, long id) {
    Stored s = repo.require(id);
    access.check(user, s);
    RenovationApplication a = s.application();
    List<Long> clockIds = new ArrayList<>();
    a.inspections().forEach(i -> clockIds.add(i.clockId()));
    a.violations().forEach(v -> clockIds.add(v.clockId()));
    return new Details(
        a,
        reads.header(id).orElseThrow(),
        reads.workers(id),
        reads.files(id),
        reads.visits(id),
        reads.complaints(id),
        reads.timeline(id),
        clocks.views(clockIds));
  }

  /** A drawing or photo of an application the user may see. */
  public RenovationReads.FileData file(CurrentUser user, long id, long fileId) {
    access.check(user, repo.require(id));
    return reads
        .file(id, fileId)
        .orElseThrow(() -> DomainException.notFound("renovation.error.fileNotFound"));
  }
}
