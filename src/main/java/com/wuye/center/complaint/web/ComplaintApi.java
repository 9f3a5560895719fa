package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintStep;
import com.wuye.center.complaint.Complaints;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of complaints: staff under /api/v1/complaints, residents under /api/v1/portal. */
@RestController
@Tag(name = "Complaints 投诉")
class ComplaintApi {

  private final Complaints complaints;

  ComplaintApi(Complaints complaints) {
    this.complaints = complaints;
  }

  record Created(long id) {}

  /** A complaint in a list; the contact phone masked. */
  record RowView(
      long id,
      String number,
      String unit,
      Complaint.Channel channel,
      String category,
      String contactName,
      String contactPhone,
      Instant receivedAt,
      Complaint.Status status,
      Integer nextStep,
      int round,
      String owner,
      Complaint.Outcome outcome) {
    static RowView of(Complaints.Row r) {
      return new RowView(
          r.id(),
          r.number(),
          r.unitLabel(),
          r.channel(),
          r.categoryCode(),
          r.contactName(),
          Masking.phone(r.contactPhone()),
          r.receivedAt(),
          r.status(),
          r.nextStep() == null ? null : r.nextStep().number(),
          r.round(),
          r.ownerName(),
          r.outcome());
    }
  }

  record StepView(
      int step,
      int round,
      String text,
      Instant promisedAt,
      Boolean satisfied,
      boolean waived,
      Long noticeId,
      String by,
      Instant at) {
    static StepView of(Complaint.StepRecord s) {
      return new StepView(
          s.step().number(),
          s.round(),
          s.text(),
          s.promisedAt(),
          s.satisfied(),
          s.waived(),
          s.noticeId(),
          s.actorName(),
          s.recordedAt());
    }
  }

  record LessonView(long noticeId, String title, int recipients, int acknowledged, int percent) {}

  record DetailView(
      long id,
      String number,
      String unit,
      Complaint.Channel channel,
      String category,
      String contactName,
      String contactPhone,
      String words,
      Instant receivedAt,
      Complaint.Status status,
      int version,
      Integer nextStep,
      int round,
      int unsatisfiedCount,
      List<Integer> missingSteps,
      String owner,
      List<StepView> steps,
      List<Complaints.Action> actions,
      List<Complaints.Event> events,
      ClockView commitmentClock,
      List<LessonView> lessons,
      Complaint.Closing closing,
      Instant closedAt) {}

  @GetMapping("/api/v1/complaints")
  @Operation(summary = "Complaints of my communities, newest first (status OPEN, CLOSED or all)")
  Paged<RowView> list(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) Complaint.Status status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    Paged<Complaints.Row> p = complaints.list(Actors.require(), communityId, status, q, b[0], b[1]);
    return new Paged<>(p.items().stream().map(RowView::of).toList(), p.page(), p.size(), p.total());
  }

  @PostMapping("/api/v1/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "CS-C1 intake: channel, unit, contact, category and the resident's own words")
  Created receive(@RequestBody Complaints.NewComplaint body) {
    return new Created(complaints.receive(Actors.require(), body));
  }

  @GetMapping("/api/v1/complaints/{id}")
  @Operation(summary = "A complaint with its steps, actions, commitment clock and lesson notices")
  DetailView details(@PathVariable long id) {
    Complaints.Details d = complaints.details(Actors.require(), id);
    Complaint c = d.complaint();
    return new DetailView(
        c.id(),
        c.number(),
        d.row().unitLabel(),
        c.channel(),
        c.categoryCode(),
        c.contactName(),
        c.contactPhone(),
        c.words(),
        c.receivedAt(),
        c.status(),
        c.version(),
        c.nextStep().map(ComplaintStep::number).orElse(null),
        c.round(),
        c.unsatisfiedCount(),
        d.missingSteps().stream().map(ComplaintStep::number).toList(),
        d.row().ownerName(),
        c.steps().stream().map(StepView::of).toList(),
        d.actions(),
        d.events(),
        d.commitmentClock().orElse(null),
        d.lessons().stream()
            .map(
                l ->
                    new LessonView(
                        l.notice().id(),
                        l.notice().title(),
                        l.readRate().recipients(),
                        l.readRate().acknowledged(),
                        l.readRate().percent()))
            .toList(),
        c.closing(),
        c.closedAt());
  }

  /**
   * One step's body: text (what was said or done); promisedAt (step 4); satisfied (step 7);
   * whatChanges, noticeTitle and communityIds (step 8; none = the whole company); version.
   */
  record StepBody(
      String text,
      Instant promisedAt,
      Boolean satisfied,
      String noticeTitle,
      String whatChanges,
      Set<Long> communityIds,
      Integer version) {}

  @PostMapping("/api/v1/complaints/{id}/steps/{step}")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "CS-8 record step 1–8 in order (409 if someone recorded it first)")
  StepView step(@PathVariable long id, @PathVariable int step, @RequestBody StepBody body) {
    return StepView.of(
        complaints.recordStep(
            Actors.require(),
            id,
            step,
            new Complaints.StepInput(
                body.text(),
                body.promisedAt(),
                body.satisfied(),
                body.noticeTitle(),
                body.whatChanges(),
                body.communityIds(),
                body.version())));
  }

  record WaiveBody(String reason, Integer version) {}

  @PostMapping("/api/v1/complaints/{id}/steps/8/waive")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "CS-8.8 a supervisor marks the prevention step not applicable, with a reason")
  StepView waive(@PathVariable long id, @RequestBody WaiveBody body) {
    return StepView.of(
        complaints.waivePrevention(Actors.require(), id, body.reason(), body.version()));
  }

  record EscalateBody(Long supervisorStaffId, String reason) {}

  @PostMapping("/api/v1/complaints/{id}/escalate")
  @Operation(summary = "CS-C2 escalate to a named supervisor (notified at once, becomes the owner)")
  void escalate(@PathVariable long id, @RequestBody EscalateBody body) {
    complaints.escalate(Actors.require(), id, body.supervisorStaffId(), body.reason());
  }

  record RepairRequestBody(String description) {}

  @PostMapping("/api/v1/complaints/{id}/repair-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "CS-8.6 ask the repair area for a repair order (linked when it answers)")
  Created requestRepair(@PathVariable long id, @RequestBody RepairRequestBody body) {
    return new Created(complaints.requestRepair(Actors.require(), id, body.description()));
  }

  record RepairLinkBody(String repairNumber, String note) {}

  @PostMapping("/api/v1/complaints/{id}/repair-links")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "CS-8.6 link an existing repair order by its number")
  Created linkRepair(@PathVariable long id, @RequestBody RepairLinkBody body) {
    return new Created(
        complaints.linkRepair(Actors.require(), id, body.repairNumber(), body.note()));
  }

  record DepartmentBody(String department, String description) {}

  @PostMapping("/api/v1/complaints/{id}/departments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "CS-8.6 assign another department")
  Created department(@PathVariable long id, @RequestBody DepartmentBody body) {
    return new Created(
        complaints.assignDepartment(Actors.require(), id, body.department(), body.description()));
  }

  @PostMapping("/api/v1/complaints/{id}/close")
  @Operation(
      summary =
          "Close: RESOLVED, CLARIFIED (explanation) or REFERRED (body, contact, resident told); thanks required")
  void close(@PathVariable long id, @RequestBody Complaints.CloseInput body) {
    complaints.close(Actors.require(), id, body);
  }

  @GetMapping("/api/v1/complaints/categories")
  @Operation(summary = "Complaint categories (active ones unless all=true)")
  List<Complaints.Category> categories(@RequestParam(defaultValue = "false") boolean all) {
    Actors.require();
    return complaints.categories(!all);
  }

  // --- residents

  @GetMapping("/api/v1/portal/complaints")
  @Operation(summary = "My complaints (residents)")
  List<Complaints.ResidentView> mine() {
    CurrentUser user = Actors.require();
    return complaints.mine(user).stream().map(r -> complaints.residentView(user, r.id())).toList();
  }

  @PostMapping("/api/v1/portal/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "File a complaint about one of my units (residents)")
  Created file(@RequestBody Complaints.PortalComplaint body) {
    return new Created(complaints.file(Actors.require(), body));
  }

  @GetMapping("/api/v1/portal/complaints/{id}")
  @Operation(summary = "One of my complaints, as meant for me (residents)")
  Complaints.ResidentView one(@PathVariable long id) {
    return complaints.residentView(Actors.require(), id);
  }
}
