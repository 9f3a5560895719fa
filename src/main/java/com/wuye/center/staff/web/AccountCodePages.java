package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.AccountCodes;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issuing a one-time code from a page: the answer is the printable slip with the code, shown this
 * once (never kept in a flash or a later page); a refusal goes back to the page it came from.
 */
@Controller
class AccountCodePages {

  private final AccountCodes codes;

  AccountCodePages(AccountCodes codes) {
    this.codes = codes;
  }

  @PostMapping("/staff/units/{unitId}/residents/{residentId}/account-code")
  String forResident(
      @PathVariable long unitId,
      @PathVariable long residentId,
      Model model,
      RedirectAttributes redirect) {
    return slip(
        () -> codes.forResident(Actors.require(), unitId, residentId),
        "/staff/units/" + unitId,
        model,
        redirect);
  }

  @PostMapping("/admin/staff/{staffId}/reset-code")
  String forStaff(@PathVariable long staffId, Model model, RedirectAttributes redirect) {
    return slip(
        () -> codes.forStaff(Actors.require(), staffId),
        "/admin/staff/" + staffId,
        model,
        redirect);
  }

  static String slip(
      Supplier<AccountCodes.IssuedCode> issue,
      String back,
      Model model,
      RedirectAttributes redirect) {
    try {
      model.addAttribute("issued", issue.get());
    } catch (DomainException e) {
      FormSubmission.refused(redirect, e, null);
      return "redirect:" + back;
    }
    model.addAttribute("back", back);
    model.addAttribute(
        "activateUrl",
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/activate").toUriString());
    return "account/code-slip";
  }
}
