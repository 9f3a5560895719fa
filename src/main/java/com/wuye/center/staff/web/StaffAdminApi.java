package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.AccountCodes;
import com.wuye.center.staff.StaffAccount;
import com.wuye.center.staff.StaffAdministration;
import com.wuye.center.staff.StaffService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff administration for administrators: list, create, edit, disable, enable, unlock, reset. */
@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "Staff 员工")
class StaffAdminApi {

  private final StaffAdministration admin;
  private final StaffService service;
  private final AccountCodes codes;
  private final Clock clock;

  StaffAdminApi(StaffAdministration admin, StaffService service, AccountCodes codes, Clock clock) {
    this.admin = admin;
    this.service = service;
    this.codes = codes;
    this.clock = clock;
  }

  /** A member with their login's state (phone masked). */
  record StaffAccountView(
      long id,
      String username,
      String name,
      String phone,
      Set<Role> roles,
      Set<Long> communityIds,
      boolean shiftLeader,
      boolean onDuty,
      boolean enabled,
      boolean locked,
      int version) {
    static StaffAccountView of(StaffAccount a, Instant now) {
      var s = a.member();
      return new StaffAccountView(
          s.id(),
          a.username(),
          s.name(),
          Masking.phone(s.phone()),
          s.roles(),
          s.communityIds(),
          s.shiftLeader(),
          s.onDuty(),
          a.enabled() && s.active(),
          a.lockedAt(now),
          a.version());
    }
  }

  record Created(long id) {}

  @GetMapping
  @Operation(summary = "Staff with their login's state (administrators); q filters by name")
  List<StaffAccountView> list(@RequestParam(required = false) String q) {
    Instant now = clock.instant();
    return admin.list(Actors.require(), q).stream().map(a -> StaffAccountView.of(a, now)).toList();
  }

  @GetMapping("/{staffId}")
  @Operation(summary = "A staff member with their login's state (administrators)")
  StaffAccountView get(@PathVariable long staffId) {
    return StaffAccountView.of(admin.get(Actors.require(), staffId), clock.instant());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Create a staff member with a login (administrators). Leave out the password: then"
              + " issue a one-time code (reset-code) and the member sets their own; a password"
              + " given here (provisioning) must satisfy the password policy")
  Created create(@RequestBody StaffService.NewStaff body) {
    return new Created(service.createStaff(Actors.require(), body));
  }

  @PutMapping("/{staffId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary =
          "Edit roles, communities (at least one, unless administrator), name, phone, shift leader;"
              + " the member's sessions end at their next request")
  void edit(@PathVariable long staffId, @RequestBody StaffAdministration.StaffEdit body) {
    admin.edit(Actors.require(), staffId, body);
  }

  @PostMapping("/{staffId}/disable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Disable a member's login; their sessions and tokens end at the next request")
  void disable(@PathVariable long staffId) {
    admin.disable(Actors.require(), staffId);
  }

  @PostMapping("/{staffId}/enable")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Enable a member's login again")
  void enable(@PathVariable long staffId) {
    admin.enable(Actors.require(), staffId);
  }

  @PostMapping("/{staffId}/unlock")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Unlock a login locked after wrong passwords")
  void unlock(@PathVariable long staffId) {
    admin.unlock(Actors.require(), staffId);
  }

  @PostMapping("/{staffId}/reset-code")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue a one-time reset code (shown once) for the member to set a password")
  ResidentAccountApi.CodeView resetCode(@PathVariable long staffId) {
    return ResidentAccountApi.CodeView.of(codes.forStaff(Actors.require(), staffId));
  }
}
