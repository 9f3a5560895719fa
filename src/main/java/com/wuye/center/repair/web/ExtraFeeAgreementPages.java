package com.wuye.center.repair.web;

import com.wuye.center.repair.ExtraFees;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EN-6, issue 16: the resident agrees to (or declines) an unlisted item the supervisor priced,
 * before the extra work — on the portal, or signing on the assigned technician's phone.
 */
@Controller
class ExtraFeeAgreementPages {

  private final ExtraFees extraFees;

  ExtraFeeAgreementPages(ExtraFees extraFees) {
    this.extraFees = extraFees;
  }

  /** The resident's yes or no; on the technician's phone also the signer's name and signature. */
  record AgreementForm(Boolean agree, String signerName, String signature) {
    ExtraFees.Agreement command() {
      return new ExtraFees.Agreement(agree, signerName, signature);
    }
  }

  @PostMapping("/portal/repairs/{id}/extra-fees/{lineId}/agreement")
  String portal(
      @PathVariable long id,
      @PathVariable long lineId,
      @Valid AgreementForm f,
      BindingResult b,
      RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .saved("repair.hint.extraAnswered")
        .run(
            "/portal/repairs/" + id,
            () -> extraFees.agree(Actors.require(), id, lineId, f.command(), null));
  }

  @PostMapping("/staff/repairs/{id}/extra-fees/{lineId}/agreement")
  String onPhone(
      @PathVariable long id,
      @PathVariable long lineId,
      @Valid AgreementForm f,
      BindingResult b,
      RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .saved("repair.hint.extraAnswered")
        .run(
            "/staff/repairs/" + id,
            () -> extraFees.agree(Actors.require(), id, lineId, f.command(), null));
  }
}
