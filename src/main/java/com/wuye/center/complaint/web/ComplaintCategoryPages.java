package com.wuye.center.complaint.web;

import com.wuye.center.complaint.ComplaintCategories;
import com.wuye.center.complaint.web.ComplaintForms.CategorySwitch;
import com.wuye.center.complaint.web.ComplaintForms.NewCategory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors and managers keep the complaint categories. */
@Controller
class ComplaintCategoryPages {

  private static final String PAGE = "/staff/complaints/categories";

  private final ComplaintCategories categories;

  ComplaintCategoryPages(ComplaintCategories categories) {
    this.categories = categories;
  }

  @GetMapping(PAGE)
  String categories(Model model) {
    Actors.require().requireCompanyRole();
    model.addAttribute("categories", categories.all(false));
    return "complaint/categories";
  }

  @PostMapping(PAGE)
  String add(@Valid NewCategory form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            PAGE,
            () ->
                categories.add(
                    Actors.require(), form.code(), form.name(), form.nameEn(), form.sortOrder()));
  }

  @PostMapping(PAGE + "/{code}/active")
  String toggle(
      @PathVariable String code,
      @Valid CategorySwitch form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            PAGE,
            () -> categories.setActive(Actors.require(), code, form.active(), form.version()));
  }
}
