package com.wuye.center.repair.web;

import com.wuye.center.repair.ExtraFees;
import com.wuye.center.repair.IntegrityCases;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.repair.ResidentConfirmation;
import com.wuye.center.repair.ReturnVisit;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * After the work, over the API: the resident's confirmation (portal, or signing on the technician's
 * phone), the customer-service return visit, and the integrity cases of EN-6 (managers only).
 */
@RestController
@Tag(name = "Repair 报修")
class RepairConfirmationApi {

  private final ResidentConfirmation confirmation;
  private final ReturnVisit returnVisit;
  private final IntegrityCases integrityCases;
  private final ExtraFees extraFees;

  RepairConfirmationApi(
      ResidentConfirmation confirmation,
      ReturnVisit returnVisit,
      IntegrityCases integrityCases,
      ExtraFees extraFees) {
    this.confirmation = confirmation;
    this.returnVisit = returnVisit;
    this.integrityCases = integrityCases;
    this.extraFees = extraFees;
  }

  record AgreementBody(Boolean agree, String signerName, String signature, Integer version) {}

  @PostMapping({
    "/api/v1/portal/repairs/{id}/extra-fees/{lineId}/agreement",
    "/api/v1/repairs/{id}/extra-fees/{lineId}/agreement"
  })
  @Operation(
      summary =
          "EN-6 the resident agrees to (or declines) an unlisted item the supervisor priced, before"
              + " the extra work: on the portal, or signing on the assigned technician's phone")
  void agree(@PathVariable long id, @PathVariable long lineId, @RequestBody AgreementBody body) {
    extraFees.agree(
        Actors.require(),
        id,
        lineId,
        new ExtraFees.Agreement(body.agree(), body.signerName(), body.signature()),
        body.version());
  }

  record ReturnVisitBody(String channel, Boolean satisfied, String note, Integer version) {}

  record Finding(String finding, Integer version) {}

  @PostMapping({"/api/v1/portal/repairs/{id}/confirm", "/api/v1/repairs/{id}/confirm"})
  @Operation(
      summary =
          "The resident confirms (portal, or signing on the assigned technician's phone): signature,"
              + " ratings, conduct answers, the integrity question (EN-6)")
  void confirm(@PathVariable long id, @RequestBody ResidentConfirmation.Confirmation body) {
    confirmation.confirm(Actors.require(), id, body);
  }

  @PostMapping("/api/v1/repairs/{id}/return-visit")
  @Operation(summary = "The customer-service return visit (回访); satisfied closes the order")
  void returnVisit(@PathVariable long id, @RequestBody ReturnVisitBody body) {
    returnVisit.record(
        Actors.require(),
        id,
        new ReturnVisit.Report(body.channel(), body.satisfied(), body.note()),
        body.version());
  }

  @GetMapping("/api/v1/repairs/integrity-cases")
  @Operation(summary = "EN-6 integrity cases (managers only)")
  List<RepairViews.IntegrityCase> integrityCases() {
    return integrityCases.list(Actors.require());
  }

  @PostMapping("/api/v1/repairs/integrity-cases/{caseId}/close")
  void closeCase(@PathVariable long caseId, @RequestBody Finding body) {
    integrityCases.close(Actors.require(), caseId, body.finding(), body.version());
  }
}
