package com.wuye.center.staff.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffService;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage staff accounts. */
@Controller
class StaffAdminPages {

  private static final String PAGE = "/admin/staff";

  private final StaffDirectory directory;
  private final StaffService service;
  private final EstateDirectory estate;

  StaffAdminPages(StaffDirectory directory, StaffService service, EstateDirectory estate) {
    this.directory = directory;
    this.service = service;
    this.estate = estate;
  }

  /** The new-staff form as typed (the password is never sent back to the page). */
  record StaffForm(
      String username,
      String password,
      String name,
      String phone,
      List<Role> roles,
      List<Long> communityIds,
      Boolean shiftLeader) {

    StaffService.NewStaff command() {
      return new StaffService.NewStaff(
          username,
          password,
          name,
          phone,
          roles == null ? null : new LinkedHashSet<>(roles),
          communityIds == null ? null : new LinkedHashSet<>(communityIds),
          Boolean.TRUE.equals(shiftLeader));
    }
  }

  @GetMapping(PAGE)
  String list(Model model) {
    Actors.require().require(Role.ADMIN);
    model.addAttribute("staff", directory.allActive(null));
    model.addAttribute("communities", estate.communities());
    model.addAttribute("allRoles", Arrays.stream(Role.values()).filter(Role::isStaffRole).toList());
    return "admin/staff";
  }

  @PostMapping(PAGE)
  String create(@Valid StaffForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(PAGE, () -> service.createStaff(Actors.require(), form.command()));
  }
}
