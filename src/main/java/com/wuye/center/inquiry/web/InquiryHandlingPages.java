package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.InquiryQueries;
import com.wuye.center.inquiry.InquiryReplies;
import com.wuye.center.inquiry.KnowledgeBase;
import com.wuye.center.inquiry.OralConsultations;
import com.wuye.center.inquiry.web.InquiryForms.KnowledgeAnswer;
import com.wuye.center.inquiry.web.InquiryForms.Note;
import com.wuye.center.inquiry.web.InquiryForms.Referral;
import com.wuye.center.inquiry.web.InquiryForms.Reply;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A consultation's page and its forms: reply (CS-Q1, CS-Q3), answer from the knowledge base or
 * refer (CS-Q2), internal notes (CS-Q4). A refused form comes back with the reason and what was
 * typed in that form.
 */
@Controller
class InquiryHandlingPages {

  private final InquiryQueries queries;
  private final KnowledgeBase knowledge;
  private final InquiryReplies replies;
  private final OralConsultations oral;
  private final AuditTrail audit;
  private final Clock clock;

  InquiryHandlingPages(
      InquiryQueries queries,
      KnowledgeBase knowledge,
      InquiryReplies replies,
      OralConsultations oral,
      AuditTrail audit,
      Clock clock) {
    this.queries = queries;
    this.knowledge = knowledge;
    this.replies = replies;
    this.oral = oral;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The consultation's page; {@code kb} searches the knowledge base for an answer, {@code form}
   * names the form a refusal came from.
   */
  @GetMapping("/staff/inquiries/{id}")
  String view(
      @PathVariable long id,
      @RequestParam(required = false) String kb,
      @RequestParam(required = false) String form,
      Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("d", queries.details(user, id));
    model.addAttribute("kb", kb == null ? "" : kb);
    model.addAttribute("kbResult", kb == null || kb.isBlank() ? null : knowledge.search(user, kb));
    model.addAttribute("failedForm", model.containsAttribute("errorKey") ? form : null);
    model.addAttribute(
        "defaultPromise", clock.instant().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS));
    model.addAttribute("history", audit.history(Inquiry.SUBJECT, id));
    return "inquiry/view";
  }

  @PostMapping("/staff/inquiries/{id}/replies")
  String reply(
      @PathVariable long id,
      @Valid Reply form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(page(id, "reply", null))
        .run(page(id, null, null), () -> replies.reply(Actors.require(), id, form.input()));
  }

  @PostMapping("/staff/inquiries/{id}/answer-from-knowledge")
  String answerFromKnowledge(
      @PathVariable long id,
      @Valid KnowledgeAnswer form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(page(id, "knowledge", form.kb()))
        .run(
            page(id, null, null),
            () -> oral.answerFromKnowledge(Actors.require(), id, entry(form), form.version()));
  }

  @PostMapping("/staff/inquiries/{id}/refer")
  String refer(
      @PathVariable long id,
      @Valid Referral form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(page(id, "refer", null))
        .run(page(id, null, null), () -> oral.refer(Actors.require(), id, form.input()));
  }

  @PostMapping("/staff/inquiries/{id}/notes")
  String note(
      @PathVariable long id, @Valid Note form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(page(id, "note", null))
        .run(page(id, null, null), () -> replies.note(Actors.require(), id, form.text()));
  }

  /** The consultation's page, naming a refused form and the knowledge search, if any. */
  private static String page(long id, String failedForm, String kb) {
    return UriComponentsBuilder.fromPath("/staff/inquiries/{id}")
        .queryParamIfPresent("kb", Optional.ofNullable(kb).filter(s -> !s.isBlank()))
        .queryParamIfPresent("form", Optional.ofNullable(failedForm))
        .encode()
        .buildAndExpand(id)
        .toUriString();
  }

  private static long entry(KnowledgeAnswer form) {
    if (form.entryId() == null) {
      throw DomainException.invalid("entryId", "error.required");
    }
    return form.entryId();
  }
}
