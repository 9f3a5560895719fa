package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.PasswordChange;
import com.wuye.center.staff.PasswordPolicy;
import com.wuye.center.staff.security.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone changes their own password ({@code /account/password}): the current one is required;
 * this session stays logged in, the account's others end.
 */
@Controller
class PasswordPages {

  private static final String PAGE = "/account/password";

  private final PasswordChange change;
  private final SessionLogin sessions;

  PasswordPages(PasswordChange change, SessionLogin sessions) {
    this.change = change;
    this.sessions = sessions;
  }

  record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {}

  @GetMapping(PAGE)
  String form(Model model) {
    Actors.require();
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    return "account/password";
  }

  @PostMapping(PAGE)
  String change(
      @Valid PasswordForm form,
      BindingResult binding,
      RedirectAttributes redirect,
      HttpServletRequest request,
      HttpServletResponse response) {
    return FormSubmission.of(binding, redirect, form)
        .saved("account.passwordChanged")
        .run(
            PAGE,
            () -> {
              if (form.newPassword() == null
                  || !form.newPassword().equals(form.confirmPassword())) {
                throw DomainException.invalid("confirmPassword", "error.password.mismatch");
              }
              change.change(Actors.require(), form.currentPassword(), form.newPassword());
              sessions.refresh(request, response);
            });
  }
}
