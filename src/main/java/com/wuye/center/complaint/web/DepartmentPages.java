package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Departments;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.StaffDirectory;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The department register: each community's departments and the person responsible. */
@Controller
class DepartmentPages {

  private static final String PAGE = "/staff/complaints/departments";

  /** A department to register. */
  record NewDepartment(Long communityId, String name, Long responsibleStaffId) {}

  private final Departments departments;
  private final EstateDirectory estate;
  private final StaffDirectory staff;

  DepartmentPages(Departments departments, EstateDirectory estate, StaffDirectory staff) {
    this.departments = departments;
    this.estate = estate;
    this.staff = staff;
  }

  @GetMapping(PAGE)
  String list(Model model) {
    CurrentUser user = Actors.require();
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    var communities = estate.communitiesFor(user);
    Map<String, List<Departments.Department>> byCommunity = new LinkedHashMap<>();
    communities.forEach(c -> byCommunity.put(c.name(), departments.of(user, c.id())));
    model.addAttribute("byCommunity", byCommunity);
    model.addAttribute("communities", communities);
    model.addAttribute("canRegister", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    model.addAttribute(
        "people",
        staff.allActive(
            user.has(Role.ADMIN)
                ? Set.of()
                : Set.copyOf(communities.stream().map(c -> c.id()).toList())));
    return "complaint/departments";
  }

  @PostMapping(PAGE)
  String register(@Valid NewDepartment form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            PAGE,
            () ->
                departments.register(
                    Actors.require(), form.communityId(), form.name(), form.responsibleStaffId()));
  }
}
