package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.Inquiries;
import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.KnowledgeBase;
import com.wuye.center.inquiry.KnowledgeEntry;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of consultations and the knowledge base. The resident API (/api/v1/portal/inquiries)
 * returns only {@link Inquiries.ResidentView}: no internal notes, no confidential replies (CS-Q4).
 */
@RestController
@Tag(name = "Inquiries 咨询")
class InquiryApi {

  private final Inquiries inquiries;
  private final KnowledgeBase knowledge;

  InquiryApi(Inquiries inquiries, KnowledgeBase knowledge) {
    this.inquiries = inquiries;
    this.knowledge = knowledge;
  }

  record Created(long id) {}

  record RowView(
      long id,
      String number,
      Inquiry.Kind kind,
      Inquiry.Channel channel,
      String unit,
      String askerName,
      String contactPhone,
      Instant receivedAt,
      Inquiry.Status status,
      Instant promisedAt,
      Instant answeredAt) {
    static RowView of(Inquiries.Row r) {
      return new RowView(
          r.id(),
          r.number(),
          r.kind(),
          r.channel(),
          r.unitLabel(),
          r.askerName(),
          Masking.phone(r.contactPhone()),
          r.receivedAt(),
          r.status(),
          r.promisedAt(),
          r.answeredAt());
    }
  }

  @GetMapping("/api/v1/inquiries")
  @Operation(summary = "Consultations of my communities, newest first")
  Paged<RowView> list(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) Inquiry.Status status,
      @RequestParam(required = false) Inquiry.Kind kind,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    Paged<Inquiries.Row> p =
        inquiries.list(Actors.require(), communityId, status, kind, q, b[0], b[1]);
    return new Paged<>(p.items().stream().map(RowView::of).toList(), p.page(), p.size(), p.total());
  }

  @PostMapping("/api/v1/inquiries")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Register a written (LETTER: two-day reply clock, CS-Q1) or oral (PHONE, VISIT) consultation")
  Created register(@RequestBody Inquiries.NewInquiry body) {
    return new Created(inquiries.register(Actors.require(), body));
  }

  @GetMapping("/api/v1/inquiries/{id}")
  @Operation(
      summary =
          "A consultation for staff: replies (also confidential ones), internal notes, reply clock")
  Inquiries.Details details(@PathVariable long id) {
    return inquiries.details(Actors.require(), id);
  }

  @PostMapping("/api/v1/inquiries/{id}/replies")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Reply (kept as written, CS-Q3); confidential=true keeps it staff-only (CS-Q4)")
  Created reply(@PathVariable long id, @RequestBody Inquiries.ReplyInput body) {
    return new Created(inquiries.reply(Actors.require(), id, body));
  }

  record KnowledgeAnswer(Long entryId, Integer version) {}

  @PostMapping("/api/v1/inquiries/{id}/answer-from-knowledge")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "CS-Q2 answer an oral consultation at once with an approved knowledge-base entry")
  Created answerFromKnowledge(@PathVariable long id, @RequestBody KnowledgeAnswer body) {
    if (body.entryId() == null) {
      throw com.wuye.center.shared.DomainException.invalid("entryId", "error.required");
    }
    return new Created(
        inquiries.answerFromKnowledge(Actors.require(), id, body.entryId(), body.version()));
  }

  @PostMapping("/api/v1/inquiries/{id}/refer")
  @Operation(
      summary =
          "CS-Q2 refer an oral consultation (DEPARTMENT with its name, or MANAGER) with the promised reply time told to the resident")
  void refer(@PathVariable long id, @RequestBody Inquiries.ReferInput body) {
    inquiries.refer(Actors.require(), id, body);
  }

  record NoteBody(String text) {}

  @PostMapping("/api/v1/inquiries/{id}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "An internal note (never shown to residents, CS-Q4)")
  Created note(@PathVariable long id, @RequestBody NoteBody body) {
    return new Created(inquiries.note(Actors.require(), id, body.text()));
  }

  @GetMapping("/api/v1/inquiries/{id}/letter")
  @Operation(
      summary =
          "The written reply as a letter (data; the printable page is /staff/inquiries/{id}/letter)")
  Inquiries.Letter letter(@PathVariable long id) {
    return inquiries.letter(Actors.require(), id);
  }

  // --- knowledge base

  @GetMapping("/api/v1/knowledge")
  @Operation(
      summary = "Search approved answers by Chinese keywords or phrases (q); without q the latest")
  KnowledgeBase.SearchResult search(@RequestParam(required = false) String q) {
    return knowledge.search(Actors.require(), q);
  }

  @GetMapping("/api/v1/knowledge/entries")
  @Operation(summary = "Entries by status (maintainers see drafts and retired ones)")
  Paged<KnowledgeBase.Entry> entries(
      @RequestParam(required = false) KnowledgeEntry.Status status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    return knowledge.list(Actors.require(), status, b[0], b[1]);
  }

  @GetMapping("/api/v1/knowledge/{id}")
  KnowledgeBase.Entry entry(@PathVariable long id) {
    return knowledge.entry(Actors.require(), id);
  }

  @PostMapping("/api/v1/knowledge")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "A new draft (supervisors)")
  Created create(@RequestBody KnowledgeBase.EntryInput body) {
    return new Created(knowledge.create(Actors.require(), body));
  }

  record EditBody(
      String title,
      KnowledgeEntry.Topic topic,
      String keywords,
      String answer,
      Boolean confidential,
      Integer version) {}

  @PutMapping("/api/v1/knowledge/{id}")
  @Operation(summary = "Edit (supervisors); an approved entry becomes a draft again")
  void edit(@PathVariable long id, @RequestBody EditBody body) {
    knowledge.edit(
        Actors.require(),
        id,
        new KnowledgeBase.EntryInput(
            body.title(), body.topic(), body.keywords(), body.answer(), body.confidential()),
        body.version());
  }

  record VersionBody(Integer version) {}

  @PostMapping("/api/v1/knowledge/{id}/approve")
  @Operation(summary = "Approve a draft (supervisors)")
  void approve(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
    knowledge.approve(Actors.require(), id, body == null ? null : body.version());
  }

  @PostMapping("/api/v1/knowledge/{id}/retire")
  @Operation(summary = "Retire an entry (supervisors)")
  void retire(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
    knowledge.retire(Actors.require(), id, body == null ? null : body.version());
  }

  // --- residents

  @GetMapping("/api/v1/portal/inquiries")
  @Operation(summary = "My consultations, with the replies meant for me (residents)")
  List<Inquiries.ResidentView> mine() {
    CurrentUser user = Actors.require();
    return inquiries.mine(user).stream().map(r -> inquiries.residentView(user, r.id())).toList();
  }

  @PostMapping("/api/v1/portal/inquiries")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Ask in writing about one of my units (residents); internal notes and confidential flags are refused")
  Created ask(@RequestBody Inquiries.Ask body) {
    return new Created(inquiries.ask(Actors.require(), body));
  }

  @GetMapping("/api/v1/portal/inquiries/{id}")
  @Operation(summary = "One of my consultations: no internal notes, no confidential replies")
  Inquiries.ResidentView one(@PathVariable long id) {
    return inquiries.residentView(Actors.require(), id);
  }
}
