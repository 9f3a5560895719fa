package com.wuye.center.inquiry.web;

import com.wuye.center.inquiry.InquiryIntake;
import com.wuye.center.inquiry.InquiryQueries;
import com.wuye.center.inquiry.web.InquiryApi.Created;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API of consultations for residents (/api/v1/portal/inquiries): only {@link
 * InquiryQueries.ResidentView}, no internal notes, no confidential replies (CS-Q4).
 */
@RestController
@Tag(name = "Inquiries 咨询")
class InquiryPortalApi {

  private final InquiryIntake intake;
  private final InquiryQueries queries;

  InquiryPortalApi(InquiryIntake intake, InquiryQueries queries) {
    this.intake = intake;
    this.queries = queries;
  }

  @GetMapping("/api/v1/portal/inquiries")
  @Operation(summary = "My consultations, with the replies meant for me (residents)")
  List<InquiryQueries.ResidentView> mine() {
    CurrentUser user = Actors.require();
    return queries.mine(user).stream().map(r -> queries.residentView(user, r.id())).toList();
  }

  @PostMapping("/api/v1/portal/inquiries")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Ask in writing about one of my units (residents); internal notes and confidential flags are refused")
  Created ask(@RequestBody InquiryIntake.Ask body) {
    return new Created(intake.ask(Actors.require(), body));
  }

  @GetMapping("/api/v1/portal/inquiries/{id}")
  @Operation(summary = "One of my consultations: no internal notes, no confidential replies")
  InquiryQueries.ResidentView one(@PathVariable long id) {
    return queries.residentView(Actors.require(), id);
  }
}
