package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import com.wuye.center.staff.StaffService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff 员工")
class StaffApi {

  private final StaffDirectory directory;
  private final StaffService service;

  StaffApi(StaffDirectory directory, StaffService service) {
    this.directory = directory;
    this.service = service;
  }

  record StaffView(
      long id,
      String name,
      String phone,
      Set<Role> roles,
      Set<Long> communityIds,
      boolean shiftLeader,
      boolean onDuty) {
    static StaffView of(StaffMember s) {
      return new StaffView(
          s.id(),
          s.name(),
          Masking.phone(s.phone()),
          s.roles(),
          s.communityIds(),
          s.shiftLeader(),
          s.onDuty());
    }
  }

  record Created(long id) {}

  @GetMapping({"/api/v1/me", "/api/v1/portal/me"})
  @Operation(summary = "Who am I: roles and communities")
  CurrentUser me() {
    return Actors.require();
  }

  @GetMapping("/api/v1/staff")
  @Operation(summary = "Staff of the communities I serve (phones masked)")
  List<StaffView> staff() {
    CurrentUser user = Actors.require();
    return directory.allActive(user.has(Role.ADMIN) ? null : user.communityIds()).stream()
        .map(StaffView::of)
        .toList();
  }

  @PostMapping("/api/v1/admin/staff")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a staff member with a login (administrators)")
  Created create(@RequestBody StaffService.NewStaff body) {
    return new Created(service.createStaff(Actors.require(), body));
  }
}
