package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalog of a community's convenience services: read by its staff, kept by managers. */
@Controller
class CatalogPages {

  private final CatalogService catalog;
  private final StaffCommunity communities;

  CatalogPages(CatalogService catalog, StaffCommunity communities) {
    this.catalog = catalog;
    this.communities = communities;
  }

  @GetMapping("/staff/convenience/catalog")
  String catalog(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("services", catalog.catalog(user, c.id()));
    return formPage(model, ServiceEditForm.defaults(), "convenience/catalog");
  }

  @PostMapping("/staff/convenience/catalog")
  String createService(
      @RequestParam long community,
      @Valid ServiceEditForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            "/staff/convenience/catalog?community=" + community,
            () -> catalog.create(Actors.require(), community, form.toForm()));
  }

  @GetMapping("/staff/convenience/catalog/{id}")
  String editService(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    Offering o = catalog.get(user, id);
    communities.choose(user, o.communityId(), model);
    model.addAttribute("service", o);
    return formPage(model, ServiceEditForm.of(o), "convenience/service");
  }

  @PostMapping("/staff/convenience/catalog/{id}")
  String updateService(
      @PathVariable long id,
      @Valid ServiceEditForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/convenience/catalog/" + id)
        .saved("common.saved")
        .run(() -> updated(id, form));
  }

  private String updated(long id, ServiceEditForm form) {
    CurrentUser user = Actors.require();
    catalog.update(user, id, form.toForm(), form.versionSeen());
    return "/staff/convenience/catalog?community=" + catalog.get(user, id).communityId();
  }

  private static String formPage(Model model, Map<String, Object> defaults, String view) {
    model.addAttribute(
        "providerRoles",
        Arrays.stream(Role.values()).filter(r -> r.isStaffRole() && r != Role.ADMIN).toList());
    model.addAttribute("promiseUnits", ServiceEditForm.PromiseUnit.values());
    model.addAttribute("typed", StaffCommunity.typed(model, defaults));
    return view;
  }
}
