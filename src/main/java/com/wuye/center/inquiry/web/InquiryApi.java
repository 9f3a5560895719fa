package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.InquiryIntake;
import com.wuye.center.inquiry.InquiryQueries;
import com.wuye.center.inquiry.InquiryReplies;
import com.wuye.center.inquiry.OralConsultations;
import com.wuye.center.inquiry.ReplyDelivery;
import com.wuye.center.inquiry.WrittenConsultations;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of consultations for staff. The knowledge base is {@link KnowledgeApi}; residents use
 * {@link InquiryPortalApi}, which shows no internal notes and no confidential replies (CS-Q4).
 */
@RestController
@Tag(name = "Inquiries 咨询")
class InquiryApi {

  private final InquiryIntake intake;
  private final InquiryQueries queries;
  private final InquiryReplies replies;
  private final OralConsultations oral;
  private final WrittenConsultations written;
  private final ReplyDelivery delivery;

  InquiryApi(
      InquiryIntake intake,
      InquiryQueries queries,
      InquiryReplies replies,
      OralConsultations oral,
      WrittenConsultations written,
      ReplyDelivery delivery) {
    this.delivery = delivery;
    this.intake = intake;
    this.queries = queries;
    this.replies = replies;
    this.oral = oral;
    this.written = written;
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
    static RowView of(InquiryQueries.Row r) {
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
    Paged<InquiryQueries.Row> p =
        queries.list(Actors.require(), communityId, status, kind, q, b[0], b[1]);
    return new Paged<>(p.items().stream().map(RowView::of).toList(), p.page(), p.size(), p.total());
  }

  @PostMapping("/api/v1/inquiries")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Register a written (LETTER: two-day reply clock, CS-Q1) or oral (PHONE, VISIT) consultation")
  Created register(@RequestBody InquiryIntake.NewInquiry body) {
    return new Created(intake.register(Actors.require(), body));
  }

  @GetMapping("/api/v1/inquiries/{id}")
  @Operation(
      summary =
          "A consultation for staff: replies (also confidential ones), internal notes, reply clock")
  InquiryQueries.Details details(@PathVariable long id) {
    return queries.details(Actors.require(), id);
  }

  @PostMapping("/api/v1/inquiries/{id}/replies")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Reply (kept as written, CS-Q3); confidential=true keeps it staff-only (CS-Q4)")
  Created reply(@PathVariable long id, @RequestBody InquiryReplies.ReplyInput body) {
    return new Created(replies.reply(Actors.require(), id, body));
  }

  record DeliveryBody(ReplyDelivery.Method method, java.time.LocalDate deliveredOn) {}

  @PostMapping("/api/v1/inquiries/{id}/delivery")
  @Operation(
      summary =
          "CS-Q1 how the written reply was delivered (HANDED_OVER, MAILBOX, POST, PORTAL) and the day (default today)")
  void delivery(@PathVariable long id, @RequestBody DeliveryBody body) {
    delivery.record(Actors.require(), id, body.method(), body.deliveredOn());
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
        oral.answerFromKnowledge(Actors.require(), id, body.entryId(), body.version()));
  }

  @PostMapping("/api/v1/inquiries/{id}/refer")
  @Operation(
      summary =
          "CS-Q2 refer an oral consultation (DEPARTMENT with its name, or MANAGER) with the promised reply time told to the resident")
  void refer(@PathVariable long id, @RequestBody OralConsultations.ReferInput body) {
    oral.refer(Actors.require(), id, body);
  }

  record NoteBody(String text) {}

  @PostMapping("/api/v1/inquiries/{id}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "An internal note (never shown to residents, CS-Q4)")
  Created note(@PathVariable long id, @RequestBody NoteBody body) {
    return new Created(replies.note(Actors.require(), id, body.text()));
  }

  @GetMapping("/api/v1/inquiries/{id}/letter")
  @Operation(
      summary =
          "The written reply as a letter (data; the printable page is /staff/inquiries/{id}/letter)")
  WrittenConsultations.Letter letter(@PathVariable long id) {
    return written.letter(Actors.require(), id);
  }
}
