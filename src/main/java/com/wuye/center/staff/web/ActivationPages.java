package com.wuye.center.staff.web;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.CodeRedemption;
import com.wuye.center.staff.security.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /activate} (anonymous): a resident activates their account, or anyone resets a forgotten
 * password, with the one-time code they were given; then they are logged in and sent home.
 */
@Controller
class ActivationPages {

  private static final String PAGE = "/activate";

  private final CodeRedemption codes;
  private final SessionLogin sessions;

  ActivationPages(CodeRedemption codes, SessionLogin sessions) {
    this.codes = codes;
    this.sessions = sessions;
  }

  /** As typed; only the login is sent back to the page after a refusal. */
  record ActivateForm(String login, String code, String password, String confirmPassword) {}

  @GetMapping(PAGE)
  String form() {
    return "account/activate";
  }

  @PostMapping(PAGE)
  String activate(
      @Valid ActivateForm form,
      BindingResult binding,
      RedirectAttributes redirect,
      HttpServletRequest request,
      HttpServletResponse response) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(PAGE)
        .saved("account.activated")
        .run(() -> setAndLogIn(form, request, response));
  }

  private String setAndLogIn(
      ActivateForm form, HttpServletRequest request, HttpServletResponse response) {
    if (form.password() == null || !form.password().equals(form.confirmPassword())) {
      throw DomainException.invalid("confirmPassword", "error.password.mismatch");
    }
    var done = codes.redeem(form.login(), form.code(), form.password());
    try {
      return sessions.login(done.username(), form.password(), request, response).resident()
          ? "/portal"
          : "/staff";
    } catch (AuthenticationException e) {
      return "/login";
    }
  }
}
