package com.wuye.center.staff.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.PasswordPolicy;
import com.wuye.center.staff.StaffAdministration;
import com.wuye.center.staff.StaffService;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators keep staff accounts: the list with each login's state, a new member, a member's
 * page (roles, communities, contact; disable, enable, unlock; a reset code in {@link
 * AccountCodePages}).
 */
@Controller
class StaffAdminPages {

  private static final String PAGE = "/admin/staff";

  private final StaffAdministration admin;
  private final StaffService service;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  StaffAdminPages(
      StaffAdministration admin,
      StaffService service,
      EstateDirectory estate,
      AuditTrail audit,
      Clock clock) {
    this.admin = admin;
    this.service = service;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The new-staff form as typed: no password — the member sets their own with the one-time code the
   * administrator issues on the member's page.
   */
  record StaffForm(
      String username,
      String name,
      String phone,
      List<Role> roles,
      List<Long> communityIds,
      Boolean shiftLeader) {

    StaffService.NewStaff command() {
      return new StaffService.NewStaff(
          username,
          null,
          name,
          phone,
          set(roles),
          set(communityIds),
          Boolean.TRUE.equals(shiftLeader));
    }
  }

  /** A member's edit form as typed, with the version it was shown at. */
  record EditForm(
      String name,
      String phone,
      List<Role> roles,
      List<Long> communityIds,
      Boolean shiftLeader,
      Integer version) {

    StaffAdministration.StaffEdit command() {
      return new StaffAdministration.StaffEdit(
          name,
          phone,
          set(roles),
          set(communityIds),
          Boolean.TRUE.equals(shiftLeader),
          version == null ? -1 : version);
    }
  }

  @GetMapping(PAGE)
  String list(@RequestParam(required = false) String q, Model model) {
    model.addAttribute("staff", admin.list(Actors.require(), q));
    model.addAttribute("q", q);
    model.addAttribute("now", clock.instant());
    choices(model);
    return "admin/staff";
  }

  @PostMapping(PAGE)
  String create(@Valid StaffForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(PAGE)
        .saved("staff.createdIssueCode")
        .run(() -> PAGE + "/" + service.createStaff(Actors.require(), form.command()));
  }

  @GetMapping(PAGE + "/{staffId}")
  String member(@PathVariable long staffId, Model model) {
    model.addAttribute("s", admin.get(Actors.require(), staffId));
    model.addAttribute("now", clock.instant());
    model.addAttribute("history", audit.history("staff", staffId));
    choices(model);
    return "admin/staff-member";
  }

  @PostMapping(PAGE + "/{staffId}")
  String edit(
      @PathVariable long staffId,
      @Valid EditForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(PAGE + "/" + staffId, () -> admin.edit(Actors.require(), staffId, form.command()));
  }

  @PostMapping(PAGE + "/{staffId}/disable")
  String disable(@PathVariable long staffId, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("staff.disabled")
        .run(PAGE + "/" + staffId, () -> admin.disable(Actors.require(), staffId));
  }

  @PostMapping(PAGE + "/{staffId}/enable")
  String enable(@PathVariable long staffId, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("staff.enabled")
        .run(PAGE + "/" + staffId, () -> admin.enable(Actors.require(), staffId));
  }

  @PostMapping(PAGE + "/{staffId}/unlock")
  String unlock(@PathVariable long staffId, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("staff.unlocked")
        .run(PAGE + "/" + staffId, () -> admin.unlock(Actors.require(), staffId));
  }

  private void choices(Model model) {
    model.addAttribute("communities", estate.communities());
    model.addAttribute("allRoles", Arrays.stream(Role.values()).filter(Role::isStaffRole).toList());
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
  }

  static <T> LinkedHashSet<T> set(List<T> values) {
    return values == null ? null : new LinkedHashSet<>(values);
  }
}
