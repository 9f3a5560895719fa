package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.KnowledgeBase;
import com.wuye.center.inquiry.KnowledgeEntry;
import com.wuye.center.inquiry.web.InquiryForms.Entry;
import com.wuye.center.inquiry.web.InquiryForms.Version;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The knowledge base: search (all staff), drafts and approval (supervisors). */
@Controller
class KnowledgePages {

  private static final Role[] MAINTAINERS = {
    Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.COMPANY_MANAGER
  };

  private final KnowledgeBase knowledge;
  private final AuditTrail audit;

  KnowledgePages(KnowledgeBase knowledge, AuditTrail audit) {
    this.knowledge = knowledge;
    this.audit = audit;
  }

  @GetMapping("/staff/knowledge")
  String search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("maintainer", user.hasAny(MAINTAINERS));
    if (q != null && !q.isBlank()) {
      model.addAttribute("found", knowledge.search(user, q));
      return "inquiry/knowledge";
    }
    KnowledgeEntry.Status s = InquiryForms.parse(KnowledgeEntry.Status.class, status);
    model.addAttribute("status", s == null ? "" : s.name());
    model.addAttribute("result", knowledge.list(user, s, Paged.bounds(page, 20, 20)[0], 20));
    return "inquiry/knowledge";
  }

  @GetMapping("/staff/knowledge/new")
  String newForm(Model model) {
    CurrentUser user = Actors.require();
    user.require(MAINTAINERS);
    return entryPage(model, null, user, List.of());
  }

  @PostMapping("/staff/knowledge")
  String create(@Valid Entry form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/knowledge/new")
        .run(() -> "/staff/knowledge/" + knowledge.create(Actors.require(), form.input()));
  }

  @GetMapping("/staff/knowledge/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    KnowledgeBase.Entry e = knowledge.entry(user, id);
    return entryPage(model, e, user, audit.history("kb_entry", id));
  }

  @PostMapping("/staff/knowledge/{id}")
  String update(
      @PathVariable long id,
      @Valid Entry form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            "/staff/knowledge/" + id,
            () -> knowledge.edit(Actors.require(), id, form.input(), form.version()));
  }

  @PostMapping("/staff/knowledge/{id}/approve")
  String approve(
      @PathVariable long id,
      @Valid Version form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            "/staff/knowledge/" + id,
            () -> knowledge.approve(Actors.require(), id, form.version()));
  }

  @PostMapping("/staff/knowledge/{id}/retire")
  String retire(
      @PathVariable long id,
      @Valid Version form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(
            "/staff/knowledge/" + id, () -> knowledge.retire(Actors.require(), id, form.version()));
  }

  /** The entry's page: maintainers draft and edit drafts, a company role approves and retires. */
  private static String entryPage(
      Model model, KnowledgeBase.Entry entry, CurrentUser user, List<?> history) {
    model.addAttribute("entry", entry);
    model.addAttribute("maintainer", user.hasAny(MAINTAINERS));
    model.addAttribute("company", user.hasCompanyRole());
    model.addAttribute("history", history);
    model.addAttribute("topics", KnowledgeEntry.Topic.values());
    return "inquiry/knowledge-entry";
  }
}
