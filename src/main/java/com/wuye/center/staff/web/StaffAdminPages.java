package com.wuye.center.staff.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffService;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage staff accounts. */
@Controller
class StaffAdminPages {

  private final StaffDirectory directory;
  private final StaffService service;
  private final EstateDirectory estate;

  StaffAdminPages(StaffDirectory directory, StaffService service, EstateDirectory estate) {
    this.directory = directory;
    this.service = service;
    this.estate = estate;
  }

  /** The new-staff form as typed, kept when refused. */
  public static class StaffForm {
    private String username;
    private String password;
    private String name;
    private String phone;
    private List<Role> roles = List.of();
    private List<Long> communityIds = List.of();
    private boolean shiftLeader;

    public String getUsername() {
      return username;
    }

    public void setUsername(String v) {
      username = v;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String v) {
      password = v;
    }

    public String getName() {
      return name;
    }

    public void setName(String v) {
      name = v;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String v) {
      phone = v;
    }

    public List<Role> getRoles() {
      return roles;
    }

    public void setRoles(List<Role> v) {
      roles = v == null ? List.of() : v;
    }

    public List<Long> getCommunityIds() {
      return communityIds;
    }

    public void setCommunityIds(List<Long> v) {
      communityIds = v == null ? List.of() : v;
    }

    public boolean isShiftLeader() {
      return shiftLeader;
    }

    public void setShiftLeader(boolean v) {
      shiftLeader = v;
    }
  }

  @GetMapping("/admin/staff")
  String list(Model model) {
    return page(model, new StaffForm(), null);
  }

  @PostMapping("/admin/staff")
  String create(
      @ModelAttribute("form") StaffForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    try {
      Set<Role> roles = new LinkedHashSet<>(form.getRoles());
      service.createStaff(
          Actors.require(),
          new StaffService.NewStaff(
              form.getUsername(),
              form.getPassword(),
              form.getName(),
              form.getPhone(),
              roles,
              new LinkedHashSet<>(form.getCommunityIds()),
              form.isShiftLeader()));
    } catch (DomainException e) {
      form.setPassword(null);
      return page(model, form, e);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/staff";
  }

  private String page(Model model, StaffForm form, DomainException error) {
    Actors.require().require(Role.ADMIN);
    model.addAttribute("staff", directory.allActive(null));
    model.addAttribute("communities", estate.communities());
    model.addAttribute("allRoles", Arrays.stream(Role.values()).filter(Role::isStaffRole).toList());
    model.addAttribute("form", form);
    BindingResult binding = new BeanPropertyBindingResult(form, "form");
    if (error != null) {
      if (error.field() != null
          && Set.of("username", "password", "name", "phone", "roles", "communityIds", "shiftLeader")
              .contains(error.field())) {
        binding.rejectValue(error.field(), error.messageKey(), error.args(), error.messageKey());
      } else {
        binding.reject(error.messageKey(), error.args(), error.messageKey());
      }
    }
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
    return "admin/staff";
  }
}
