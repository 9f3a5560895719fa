package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff 员工")
class StaffApi {

  private final StaffDirectory directory;

  StaffApi(StaffDirectory directory) {
    this.directory = directory;
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
}
