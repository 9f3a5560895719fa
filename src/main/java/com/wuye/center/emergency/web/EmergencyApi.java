package com.wuye.center.emergency.web;

import com.wuye.center.emergency.CaseRow;
import com.wuye.center.emergency.CaseView;
import com.wuye.center.emergency.EmergencyIntake;
import com.wuye.center.emergency.EmergencyQueries;
import com.wuye.center.emergency.EmergencySteps;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of emergencies (staff). Lists mask the contact phone. */
@RestController
@Tag(name = "Emergency 急救")
class EmergencyApi {

  private final EmergencyIntake intake;
  private final EmergencySteps steps;
  private final EmergencyQueries queries;

  EmergencyApi(EmergencyIntake intake, EmergencySteps steps, EmergencyQueries queries) {
    this.intake = intake;
    this.steps = steps;
    this.queries = queries;
  }

  record Created(long id, String number) {}

  @PostMapping("/api/v1/emergency/cases")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Take an emergency call (CS-E1): unit (unitId, or communityId + unitCode like 1-1-101),"
              + " contactPhone, callerName, callerRelation, callerWords (what the caller said — there"
              + " is no diagnosis field, CS-E3) and optionally the choice HOSPITAL | CALL_120 | NURSING")
  Created open(@RequestBody EmergencyIntake.NewCase body) {
    var user = Actors.require();
    long id = intake.open(user, body);
    return new Created(id, queries.view(user, id).number());
  }

  @GetMapping("/api/v1/emergency/cases")
  @Operation(summary = "Open emergencies (not ended), newest call first")
  List<CaseRow> open() {
    return queries.openCases(Actors.require());
  }

  @GetMapping("/api/v1/emergency/cases/{id}")
  @Operation(
      summary =
          "A case: intake, time since the call, acknowledgements, checklist, timeline, response"
              + " times, follow-up, and the steps the caller may record now")
  CaseView view(@PathVariable long id) {
    return queries.view(Actors.require(), id);
  }

  @PostMapping("/api/v1/emergency/cases/{id}/steps")
  @Operation(
      summary =
          "Record a step: type is one of CHOICE_RECORDED, GUARDS_ASSIGNED, VEHICLE_ARRANGED,"
              + " NECESSITIES_REMINDED, CALLED_120, ENTRANCE_WAITER_ASSIGNED, AMBULANCE_ARRIVED,"
              + " AMBULANCE_DEPARTED, CARERS_ASSIGNED, FAMILY_PRESENT, NURSING_STARTED, INSPECTION,"
              + " NURSING_ENDED, SETTLED, MORE_HELP, MANAGER_DECISION, ENDED, FOLLOW_UP_DONE;"
              + " expectedVersion (optional) refuses with 409 if the case changed since")
  CaseView step(@PathVariable long id, @RequestBody EmergencySteps.StepRequest body) {
    return steps.record(Actors.require(), id, body);
  }

  @GetMapping("/api/v1/emergency/follow-ups")
  @Operation(summary = "Ended cases whose follow-up visit is still to do; overdue ones flagged")
  List<CaseRow> followUps() {
    return queries.followUpsPending(Actors.require());
  }

  @GetMapping("/api/v1/emergency/response-times")
  @Operation(
      summary =
          "Per-case response times (call → security acknowledged → vehicle/ambulance/nursing →"
              + " settled) for cases called between two days (default: the last 30 days)")
  List<CaseRow> responseTimes(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return queries.responseTimes(Actors.require(), from, to);
  }
}
