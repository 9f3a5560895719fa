package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintCategories;
import com.wuye.center.complaint.ComplaintIntake;
import com.wuye.center.complaint.ComplaintQueries;
import com.wuye.center.complaint.ComplaintStep;
import com.wuye.center.complaint.CorrectiveActions;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of complaints for staff: intake, lists, a complaint's details and the categories. The
 * handling is {@link ComplaintHandlingApi}; residents use {@link ComplaintPortalApi}.
 */
@RestController
@Tag(name = "Complaints 投诉")
class ComplaintApi {

  private final ComplaintIntake intake;
  private final ComplaintQueries queries;
  private final ComplaintCategories categories;

  ComplaintApi(ComplaintIntake intake, ComplaintQueries queries, ComplaintCategories categories) {
    this.intake = intake;
    this.queries = queries;
    this.categories = categories;
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
    static RowView of(ComplaintQueries.Row r) {
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
      List<CorrectiveActions.Action> actions,
      List<ComplaintQueries.Event> events,
      ClockView commitmentClock,
      List<LessonView> lessons,
      Complaint.Closing closing,
      Instant closedAt) {
    static DetailView of(ComplaintQueries.Details d) {
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
  }

  @GetMapping("/api/v1/complaints")
  @Operation(summary = "Complaints of my communities, newest first (status OPEN, CLOSED or all)")
  Paged<RowView> list(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) Complaint.Status status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    Paged<ComplaintQueries.Row> p =
        queries.list(Actors.require(), communityId, status, q, b[0], b[1]);
    return new Paged<>(p.items().stream().map(RowView::of).toList(), p.page(), p.size(), p.total());
  }

  @PostMapping("/api/v1/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "CS-C1 intake: channel, unit, contact, category and the resident's own words")
  Created receive(@RequestBody ComplaintIntake.NewComplaint body) {
    return new Created(intake.receive(Actors.require(), body));
  }

  @GetMapping("/api/v1/complaints/{id}")
  @Operation(summary = "A complaint with its steps, actions, commitment clock and lesson notices")
  DetailView details(@PathVariable long id) {
    return DetailView.of(queries.details(Actors.require(), id));
  }

  @GetMapping("/api/v1/complaints/categories")
  @Operation(summary = "Complaint categories (active ones unless all=true)")
  List<ComplaintCategories.Category> categories(@RequestParam(defaultValue = "false") boolean all) {
    Actors.require();
    return categories.all(!all);
  }
}
