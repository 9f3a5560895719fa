package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.staff.DutyRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The duty roster over the API. */
@RestController
@Tag(name = "Staff 员工")
class DutyRosterApi {

  private final DutyRoster roster;

  DutyRosterApi(DutyRoster roster) {
    this.roster = roster;
  }

  /** What to change: either or both; null leaves it. */
  record Duty(Boolean onDuty, Boolean shiftLeader) {}

  @GetMapping("/api/v1/staff/duty")
  @Operation(
      summary =
          "The duty roster of the communities I serve (supervisors, managers, administrators)")
  List<StaffApi.StaffView> roster() {
    return roster.roster(Actors.require()).stream().map(StaffApi.StaffView::of).toList();
  }

  @PutMapping("/api/v1/staff/{staffId}/duty")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Mark a member on or off duty (anyone for themselves; supervisors, managers,"
              + " administrators for their communities), or make a guard shift leader")
  void set(@PathVariable long staffId, @RequestBody Duty body) {
    CurrentUser user = Actors.require();
    if (body.onDuty() != null) {
      roster.setOnDuty(user, staffId, body.onDuty());
    }
    if (body.shiftLeader() != null) {
      roster.setShiftLeader(user, staffId, body.shiftLeader());
    }
  }
}
