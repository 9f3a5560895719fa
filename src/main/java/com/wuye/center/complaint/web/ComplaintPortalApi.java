package com.wuye.center.complaint.web;

import com.wuye.center.complaint.ComplaintIntake;
import com.wuye.center.complaint.ResidentComplaints;
import com.wuye.center.complaint.web.ComplaintApi.Created;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of complaints for residents, under /api/v1/portal: only what is meant for them. */
@RestController
@Tag(name = "Complaints 投诉")
class ComplaintPortalApi {

  private final ComplaintIntake intake;
  private final ResidentComplaints residents;

  ComplaintPortalApi(ComplaintIntake intake, ResidentComplaints residents) {
    this.intake = intake;
    this.residents = residents;
  }

  @GetMapping("/api/v1/portal/complaints")
  @Operation(summary = "My complaints (residents)")
  List<ResidentComplaints.ResidentView> mine() {
    CurrentUser user = Actors.require();
    return residents.mine(user).stream().map(r -> residents.view(user, r.id())).toList();
  }

  @PostMapping("/api/v1/portal/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "File a complaint about one of my units (residents)")
  Created file(@RequestBody ComplaintIntake.PortalComplaint body) {
    return new Created(intake.file(Actors.require(), body));
  }

  @GetMapping("/api/v1/portal/complaints/{id}")
  @Operation(summary = "One of my complaints, as meant for me (residents)")
  ResidentComplaints.ResidentView one(@PathVariable long id) {
    return residents.view(Actors.require(), id);
  }
}
