package com.wuye.center.complaint.web;

import com.wuye.center.complaint.ComplaintClosing;
import com.wuye.center.complaint.ComplaintSteps;
import com.wuye.center.complaint.CorrectiveActions;
import com.wuye.center.complaint.DepartmentAssignment;
import com.wuye.center.complaint.Escalation;
import com.wuye.center.complaint.Prevention;
import com.wuye.center.complaint.web.ComplaintApi.Created;
import com.wuye.center.complaint.web.ComplaintApi.StepView;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the handling of a complaint: the eight steps, escalation, actions, closing. */
@RestController
@Tag(name = "Complaints 投诉")
class ComplaintHandlingApi {

  private final ComplaintSteps steps;
  private final Prevention prevention;
  private final Escalation escalation;
  private final CorrectiveActions actions;
  private final ComplaintClosing closing;
  private final DepartmentAssignment departments;

  ComplaintHandlingApi(
      ComplaintSteps steps,
      Prevention prevention,
      Escalation escalation,
      CorrectiveActions actions,
      ComplaintClosing closing,
      DepartmentAssignment departments) {
    this.steps = steps;
    this.prevention = prevention;
    this.escalation = escalation;
    this.actions = actions;
    this.closing = closing;
    this.departments = departments;
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
        steps.record(
            Actors.require(),
            id,
            step,
            new ComplaintSteps.StepInput(
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
    return StepView.of(prevention.waive(Actors.require(), id, body.reason(), body.version()));
  }

  record EscalateBody(Long supervisorStaffId, String reason) {}

  @PostMapping("/api/v1/complaints/{id}/escalate")
  @Operation(summary = "CS-C2 escalate to a named supervisor (notified at once, becomes the owner)")
  void escalate(@PathVariable long id, @RequestBody EscalateBody body) {
    escalation.escalate(Actors.require(), id, body.supervisorStaffId(), body.reason());
  }

  record RepairRequestBody(String description) {}

  @PostMapping("/api/v1/complaints/{id}/repair-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "CS-8.6 ask the repair area for a repair order (linked when it answers)")
  Created requestRepair(@PathVariable long id, @RequestBody RepairRequestBody body) {
    return new Created(actions.requestRepair(Actors.require(), id, body.description()));
  }

  record RepairLinkBody(String repairNumber, String note) {}

  @PostMapping("/api/v1/complaints/{id}/repair-links")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "CS-8.6 link an existing repair order by its number")
  Created linkRepair(@PathVariable long id, @RequestBody RepairLinkBody body) {
    return new Created(actions.linkRepair(Actors.require(), id, body.repairNumber(), body.note()));
  }

  record DepartmentBody(Long departmentId, String description) {}

  @PostMapping("/api/v1/complaints/{id}/departments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "CS-8.6 assign a registered department of the community; its responsible person is notified")
  Created department(@PathVariable long id, @RequestBody DepartmentBody body) {
    return new Created(
        departments.assign(Actors.require(), id, body.departmentId(), body.description()));
  }

  @PostMapping("/api/v1/complaints/{id}/close")
  @Operation(
      summary =
          "Close: RESOLVED, CLARIFIED (explanation) or REFERRED (body, contact, resident told); thanks required")
  void close(@PathVariable long id, @RequestBody ComplaintClosing.CloseInput body) {
    closing.close(Actors.require(), id, body);
  }
}
