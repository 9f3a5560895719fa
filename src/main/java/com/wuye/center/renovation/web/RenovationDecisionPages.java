package com.wuye.center.renovation.web;

import com.wuye.center.renovation.RenovationApplication.Recommendation;
import com.wuye.center.renovation.RenovationReview;
import com.wuye.center.renovation.WorksStart;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision on an application's page: engineering's review and the supervisor's approval or
 * refusal with reasons (RN-6), a withdrawal before the decision, and the start of works (RN-7).
 * Each form carries the version the user saw.
 */
@Controller
class RenovationDecisionPages {

  private final RenovationReview review;
  private final WorksStart works;

  RenovationDecisionPages(RenovationReview review, WorksStart works) {
    this.review = review;
    this.works = works;
  }

  record ReviewForm(Integer version, Recommendation recommendation, String reasons) {}

  record DecisionForm(Integer version, String reasons, BigDecimal deposit, BigDecimal fee) {}

  record NoteForm(Integer version, String note) {}

  @PostMapping("/staff/renovations/{id}/review")
  String review(@PathVariable long id, @Valid ReviewForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            page(id),
            () ->
                review.review(Actors.require(), id, f.version(), f.recommendation(), f.reasons()));
  }

  @PostMapping("/staff/renovations/{id}/approve")
  String approve(
      @PathVariable long id, @Valid DecisionForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            page(id),
            () ->
                review.approve(
                    Actors.require(), id, f.version(), f.reasons(), f.deposit(), f.fee()));
  }

  @PostMapping("/staff/renovations/{id}/refuse")
  String refuse(
      @PathVariable long id, @Valid DecisionForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(page(id), () -> review.refuse(Actors.require(), id, f.version(), f.reasons()));
  }

  @PostMapping("/staff/renovations/{id}/cancel")
  String cancel(@PathVariable long id, @Valid NoteForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(page(id), () -> review.cancel(Actors.require(), id, f.version(), f.note()));
  }

  @PostMapping("/staff/renovations/{id}/start")
  String start(@PathVariable long id, @Valid NoteForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .saved("renovation.saved.started")
        .run(page(id), () -> works.start(Actors.require(), id, f.version()));
  }

  private static String page(long id) {
    return "/staff/renovations/" + id;
  }
}
