package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.KnowledgeBase;
import com.wuye.center.inquiry.KnowledgeEntry;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The knowledge base: search (all staff), drafts and approval (supervisors). */
@Controller
class KnowledgePages {

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
    boolean maintainer = user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("maintainer", maintainer);
    if (q != null && !q.isBlank()) {
      model.addAttribute("found", knowledge.search(user, q));
    } else {
      int[] b = Paged.bounds(page, 20, 20);
      KnowledgeEntry.Status s = InquiryPages.parse(KnowledgeEntry.Status.class, status);
      model.addAttribute("status", s == null ? "" : s.name());
      model.addAttribute("result", knowledge.list(user, s, b[0], b[1]));
    }
    return "inquiry/knowledge";
  }

  @GetMapping("/staff/knowledge/new")
  String newForm(Model model) {
    Actors.require().require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    return edit(model, null, Map.of(), null);
  }

  @PostMapping("/staff/knowledge")
  String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
    try {
      long id = knowledge.create(Actors.require(), input(form));
      return "redirect:/staff/knowledge/" + id;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      response.setStatus(e.kind().status());
      return edit(model, null, form, e);
    }
  }

  @GetMapping("/staff/knowledge/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    KnowledgeBase.Entry e = knowledge.entry(user, id);
    model.addAttribute("entry", e);
    model.addAttribute("maintainer", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    model.addAttribute("history", audit.history("kb_entry", id));
    return edit(model, e, null, null);
  }

  @PostMapping("/staff/knowledge/{id}")
  String update(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      knowledge.edit(Actors.require(), id, input(form), InquiryPages.integer(form.get("version")));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN
          || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.kind().status());
      CurrentUser user = Actors.require();
      model.addAttribute("entry", knowledge.entry(user, id));
      model.addAttribute("maintainer", true);
      model.addAttribute("history", audit.history("kb_entry", id));
      return edit(model, knowledge.entry(user, id), form, e);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/knowledge/" + id;
  }

  @PostMapping("/staff/knowledge/{id}/approve")
  String approve(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    knowledge.approve(Actors.require(), id, version);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/knowledge/" + id;
  }

  @PostMapping("/staff/knowledge/{id}/retire")
  String retire(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    knowledge.retire(Actors.require(), id, version);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/knowledge/" + id;
  }

  private String edit(
      Model model, KnowledgeBase.Entry entry, Map<String, String> typed, DomainException error) {
    model.addAttribute("entry", entry);
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    model.addAttribute("topics", KnowledgeEntry.Topic.values());
    if (!model.containsAttribute("maintainer")) {
      model.addAttribute("maintainer", true);
    }
    if (!model.containsAttribute("history")) {
      model.addAttribute("history", java.util.List.of());
    }
    return "inquiry/knowledge-entry";
  }

  private static KnowledgeBase.EntryInput input(Map<String, String> form) {
    return new KnowledgeBase.EntryInput(
        form.get("title"),
        InquiryPages.parse(KnowledgeEntry.Topic.class, form.get("topic")),
        form.get("keywords"),
        form.get("answer"),
        "true".equals(form.get("confidential")));
  }
}
