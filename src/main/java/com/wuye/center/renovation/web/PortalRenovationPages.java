package com.wuye.center.renovation.web;

import com.wuye.center.renovation.RenovationQueries;
import com.wuye.center.renovation.RenovationReview;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A resident's renovations on the portal: the applications of their units, each with its progress
 * (review, decision, deposit, permit, inspections, violations, deductions, refund); withdrawing one
 * before the decision.
 */
@Controller
class PortalRenovationPages {

  private final RenovationQueries queries;
  private final RenovationReview review;

  PortalRenovationPages(RenovationQueries queries, RenovationReview review) {
    this.queries = queries;
    this.review = review;
  }

  record CancelForm(Integer version, String note) {}

  @GetMapping("/portal/renovations")
  String list(Model model) {
    model.addAttribute("rows", queries.ofResident(Actors.require()));
    return "renovation/portal-list";
  }

  @GetMapping("/portal/renovations/{id}")
  String application(@PathVariable long id, Model model) {
    var d = queries.details(Actors.require(), id);
    model.addAttribute("d", d);
    model.addAttribute("a", d.application());
    model.addAttribute("st", d.application().status().name());
    return "renovation/portal-application";
  }

  @GetMapping("/portal/renovations/{id}/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
    var f = queries.file(Actors.require(), id, fileId);
    return Uploads.image(f.contentType(), f.data());
  }

  @PostMapping("/portal/renovations/{id}/cancel")
  String cancel(@PathVariable long id, @Valid CancelForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            "/portal/renovations/" + id,
            () -> review.cancel(Actors.require(), id, f.version(), f.note()));
  }
}
