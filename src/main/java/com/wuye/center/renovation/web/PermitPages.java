package com.wuye.center.renovation.web;

import com.wuye.center.renovation.PermitCheck;
import com.wuye.center.renovation.RenovationAccess;
import com.wuye.center.renovation.RenovationQueries;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.shared.web.QrCodes;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The permit 施工许可证 (RN-8): printed for the unit's door with a QR code that opens the guards' check
 * page with its code; the check page itself (scan or type the code; optionally a worker's ID to see
 * whether they are registered on the permit, RN-9). Residents print their own permit from the
 * portal.
 */
@Controller
class PermitPages {

  private final RenovationQueries queries;
  private final PermitCheck check;
  private final Clock clock;

  PermitPages(RenovationQueries queries, PermitCheck check, Clock clock) {
    this.queries = queries;
    this.check = check;
    this.clock = clock;
  }

  /** The code, and optionally the ID of a worker at the gate. */
  record CheckForm(String permitCode, String idType, String idNumber) {}

  @GetMapping({"/staff/renovations/{id}/permit", "/portal/renovations/{id}/permit"})
  String permit(@PathVariable long id, Model model) {
    var d = queries.details(Actors.require(), id);
    if (d.application().depositPayment() == null) {
      throw DomainException.rule("renovation.error.noPermitYet");
    }
    model.addAttribute("d", d);
    model.addAttribute("a", d.application());
    model.addAttribute("rules", d.header().rulesText().split("\\R"));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("portal", Actors.require().isResident());
    return "renovation/permit";
  }

  @GetMapping({"/staff/renovations/{id}/permit.png", "/portal/renovations/{id}/permit.png"})
  ResponseEntity<byte[]> qr(@PathVariable long id) {
    var d = queries.details(Actors.require(), id);
    String url =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/staff/renovations/check")
            .queryParam("code", d.header().permitCode())
            .toUriString();
    return Uploads.image("image/png", QrCodes.png(url, 240));
  }

  @GetMapping("/staff/renovations/check")
  String checkPage(@RequestParam(required = false) String code, Model model) {
    Actors.require().require(RenovationAccess.GATE);
    if (!model.containsAttribute("checked") && code != null && !code.isBlank()) {
      model.addAttribute("checked", check.check(Actors.require(), code, null, null));
    }
    model.addAttribute("idTypes", com.wuye.center.shared.IdDocument.Type.values());
    return "renovation/check";
  }

  @PostMapping("/staff/renovations/check")
  String checkWorker(@Valid CheckForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .saved(null)
        .run(
            "/staff/renovations/check",
            () ->
                r.addFlashAttribute(
                    "checked",
                    check.check(Actors.require(), f.permitCode(), f.idType(), f.idNumber())));
  }
}
