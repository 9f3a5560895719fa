package com.wuye.center.inquiry.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.Inquiries;
import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.KnowledgeBase;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages of consultations: list, registration, the consultation, the reply letter. */
@Controller
class InquiryPages {

  private final Inquiries inquiries;
  private final KnowledgeBase knowledge;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  InquiryPages(
      Inquiries inquiries,
      KnowledgeBase knowledge,
      EstateDirectory estate,
      AuditTrail audit,
      Clock clock) {
    this.inquiries = inquiries;
    this.knowledge = knowledge;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/staff/inquiries")
  String list(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    int[] b = Paged.bounds(page, 20, 20);
    Inquiry.Status s = parse(Inquiry.Status.class, status);
    Inquiry.Kind k = parse(Inquiry.Kind.class, kind);
    Paged<Inquiries.Row> result = inquiries.list(user, community, s, k, q, b[0], b[1]);
    model.addAttribute("result", result);
    model.addAttribute("clocks", inquiries.replyClocks(result.items()));
    model.addAttribute("status", s == null ? "" : s.name());
    model.addAttribute("kind", k == null ? "" : k.name());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("community", community);
    model.addAttribute("communities", estate.communitiesFor(user));
    return "inquiry/list";
  }

  @GetMapping("/staff/inquiries/new")
  String newForm(Model model) {
    return registration(model, Map.of(), null);
  }

  @PostMapping("/staff/inquiries")
  String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
    try {
      long id =
          inquiries.register(
              Actors.require(),
              new Inquiries.NewInquiry(
                  id("communityId", form.get("communityId")),
                  null,
                  form.get("unitCode"),
                  channel(form.get("channel")),
                  form.get("askerName"),
                  form.get("contactPhone"),
                  form.get("question")));
      return "redirect:/staff/inquiries/" + id;
    } catch (DomainException e) {
      response.setStatus(e.kind().status());
      return registration(model, form, e);
    }
  }

  private String registration(Model model, Map<String, String> typed, DomainException error) {
    CurrentUser user = Actors.require();
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute(
        "channels", List.of(Inquiry.Channel.LETTER, Inquiry.Channel.PHONE, Inquiry.Channel.VISIT));
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    return "inquiry/new";
  }

  @GetMapping("/staff/inquiries/{id}")
  String view(@PathVariable long id, @RequestParam(required = false) String kb, Model model) {
    return page(id, kb, model, null, null, Map.of());
  }

  @PostMapping("/staff/inquiries/{id}/replies")
  String reply(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "reply",
        form,
        model,
        response,
        () ->
            inquiries.reply(
                Actors.require(),
                id,
                new Inquiries.ReplyInput(
                    form.get("text"),
                    "true".equals(form.get("confidential")),
                    integer(form.get("version")))));
  }

  @PostMapping("/staff/inquiries/{id}/answer-from-knowledge")
  String answerFromKnowledge(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "knowledge",
        form,
        model,
        response,
        () ->
            inquiries.answerFromKnowledge(
                Actors.require(),
                id,
                id("entryId", form.get("entryId")),
                integer(form.get("version"))));
  }

  @PostMapping("/staff/inquiries/{id}/refer")
  String refer(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "refer",
        form,
        model,
        response,
        () -> {
          Inquiry.ReferTo to = parse(Inquiry.ReferTo.class, form.get("referTo"));
          inquiries.refer(
              Actors.require(),
              id,
              new Inquiries.ReferInput(
                  to,
                  form.get("department"),
                  instant("promisedAt", form.get("promisedAt")),
                  "true".equals(form.get("residentTold")),
                  integer(form.get("version"))));
          return 0L;
        });
  }

  @PostMapping("/staff/inquiries/{id}/notes")
  String note(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "note",
        form,
        model,
        response,
        () -> inquiries.note(Actors.require(), id, form.get("text")));
  }

  @GetMapping("/staff/inquiries/{id}/letter")
  String letter(@PathVariable long id, Model model) {
    model.addAttribute("letter", inquiries.letter(Actors.require(), id));
    model.addAttribute("back", "/staff/inquiries/" + id);
    return "inquiry/letter";
  }

  private String act(
      long id,
      String formName,
      Map<String, String> form,
      Model model,
      HttpServletResponse response,
      Supplier<Long> action) {
    try {
      action.get();
      return "redirect:/staff/inquiries/" + id;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND
          || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      response.setStatus(e.kind().status());
      return page(id, form.get("kb"), model, e, formName, form);
    }
  }

  private String page(
      long id,
      String kb,
      Model model,
      DomainException error,
      String failedForm,
      Map<String, String> typed) {
    CurrentUser user = Actors.require();
    Inquiries.Details d = inquiries.details(user, id);
    model.addAttribute("d", d);
    model.addAttribute("r", d.row());
    model.addAttribute("clock", d.replyClock().orElse(null));
    model.addAttribute("kb", kb == null ? "" : kb);
    if (kb != null && !kb.isBlank()) {
      model.addAttribute("kbResult", knowledge.search(user, kb));
    }
    model.addAttribute("error", error);
    model.addAttribute(
        "errorArgs",
        error == null ? new Object[0] : Arrays.stream(error.args()).map(String::valueOf).toArray());
    model.addAttribute("failedForm", failedForm);
    model.addAttribute("typed", typed);
    model.addAttribute(
        "defaultPromise",
        LocalDateTime.ofInstant(
                clock.instant().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS),
                ClockConfiguration.ZONE)
            .toString());
    model.addAttribute("history", audit.history(Inquiries.SUBJECT, id));
    return "inquiry/view";
  }

  static Inquiry.Channel channel(String raw) {
    Inquiry.Channel c = parse(Inquiry.Channel.class, raw);
    if (c == null) {
      throw DomainException.invalid("channel", "inquiry.error.channel");
    }
    return c;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Instant instant(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(raw.strip()).atZone(ClockConfiguration.ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "inquiry.error.dateTimeFormat");
    }
  }

  static Integer integer(String raw) {
    try {
      return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long id(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }
}
