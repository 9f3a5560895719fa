package com.wuye.center.staff.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.StaffService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customer service opens a resident's portal login (username: their phone) from the unit page or
 * the API.
 */
@Controller
@Tag(name = "Staff 员工")
class ResidentAccountController {

  private final StaffService staff;
  private final EstateDirectory estate;

  ResidentAccountController(StaffService staff, EstateDirectory estate) {
    this.staff = staff;
    this.estate = estate;
  }

  record NewAccount(String password) {}

  record Created(long id, String username) {}

  @PostMapping("/api/v1/units/{unitId}/residents/{residentId}/account")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Open a portal login for a current occupant of the unit (username = phone)")
  Created create(
      @PathVariable long unitId, @PathVariable long residentId, @RequestBody NewAccount body) {
    String username = open(Actors.require(), unitId, residentId, body.password());
    return new Created(staff.accountIdOf(username), username);
  }

  /** The initial password customer service sets (never sent back to the page). */
  record AccountForm(String password) {}

  @PostMapping("/staff/units/{unitId}/residents/{residentId}/account")
  String createFromPage(
      @PathVariable long unitId,
      @PathVariable long residentId,
      @Valid AccountForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            "/staff/units/" + unitId,
            () -> open(Actors.require(), unitId, residentId, form.password()));
  }

  private String open(CurrentUser user, long unitId, long residentId, String password) {
    estate.unitFor(user, unitId);
    var occupant =
        estate.currentOccupants(unitId).stream()
            .filter(o -> o.residentId() == residentId)
            .findFirst()
            .orElseThrow(() -> DomainException.invalid("residentId", "error.resident.notFound"));
    staff.createResidentAccount(user, residentId, occupant.residentPhone(), password);
    return occupant.residentPhone();
  }
}
