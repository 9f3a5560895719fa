package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.KnowledgeBase;
import com.wuye.center.inquiry.KnowledgeEntry;
import com.wuye.center.inquiry.web.InquiryApi.Created;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the knowledge base: search for all staff, drafts and approval for supervisors. */
@RestController
@Tag(name = "Inquiries 咨询")
class KnowledgeApi {

  private final KnowledgeBase knowledge;

  KnowledgeApi(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

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
  @Operation(
      summary =
          "Edit a draft (supervisors); an approved entry (a company role) becomes a draft again")
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
  @Operation(summary = "Approve a draft (a company role)")
  void approve(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
    knowledge.approve(Actors.require(), id, body == null ? null : body.version());
  }

  @PostMapping("/api/v1/knowledge/{id}/retire")
  @Operation(summary = "Retire an entry (a company role)")
  void retire(@PathVariable long id, @RequestBody(required = false) VersionBody body) {
    knowledge.retire(Actors.require(), id, body == null ? null : body.version());
  }
}
