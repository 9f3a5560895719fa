package com.wuye.center.billing.web;

import com.wuye.center.billing.Arrears;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.BillingRuns;
import com.wuye.center.billing.MeterReadings;
import com.wuye.center.billing.Rates;
import com.wuye.center.billing.ReadingImport;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of what units owe: rates, billing runs, meter readings, parking; arrears. */
@RestController
@Tag(name = "Billing 收银")
class BillingSetupApi {

  private final Rates rates;
  private final BillingRuns runs;
  private final MeterReadings readings;
  private final ReadingImport readingImport;
  private final Arrears arrears;

  BillingSetupApi(
      Rates rates,
      BillingRuns runs,
      MeterReadings readings,
      ReadingImport readingImport,
      Arrears arrears) {
    this.rates = rates;
    this.runs = runs;
    this.readings = readings;
    this.readingImport = readingImport;
    this.arrears = arrears;
  }

  record Created(long id) {}

  record Rate(Billing.Item item, BigDecimal unitPrice, LocalDate validFrom) {}

  record Run(String period) {}

  record Remind(List<Long> unitIds) {}

  @PostMapping("/api/v1/billing/communities/{id}/rates")
  @ResponseStatus(HttpStatus.CREATED)
  Created rate(@PathVariable long id, @RequestBody Rate body) {
    return new Created(
        rates.setRate(Actors.require(), id, body.item(), body.unitPrice(), body.validFrom()));
  }

  @PostMapping("/api/v1/billing/communities/{id}/runs")
  @Operation(summary = "Billing run for a period (YYYY-MM); a second run creates nothing new")
  BillingRuns.RunResult run(@PathVariable long id, @RequestBody Run body) {
    return runs.run(Actors.require(), id, body.period());
  }

  @PostMapping("/api/v1/billing/units/{unitId}/readings")
  @ResponseStatus(HttpStatus.CREATED)
  Created reading(@PathVariable long unitId, @RequestBody MeterReadings.NewReading body) {
    return new Created(readings.recordReading(Actors.require(), unitId, body));
  }

  @PostMapping(
      value = "/api/v1/billing/communities/{id}/readings/import",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import meter readings from .xlsx, all or nothing; report per row")
  ReadingImport.Report importReadings(
      @PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
    return readingImport.importXlsx(Actors.require(), id, file.getInputStream());
  }

  @PostMapping("/api/v1/billing/units/{unitId}/parking")
  @ResponseStatus(HttpStatus.CREATED)
  Created parking(
      @PathVariable long unitId,
      @RequestParam String spaceCode,
      @RequestParam LocalDate starts,
      @RequestParam(required = false) LocalDate ends) {
    return new Created(rates.addParkingSpace(Actors.require(), unitId, spaceCode, starts, ends));
  }

  @GetMapping("/api/v1/billing/communities/{id}/arrears")
  @Operation(summary = "Arrears per unit and period, aged ≤30 / 31–90 / 90+ days")
  List<Arrears.UnitArrears> arrears(
      @PathVariable long id, @RequestParam(required = false) String q) {
    return arrears.arrears(Actors.require(), id, q);
  }

  @PostMapping("/api/v1/billing/communities/{id}/reminders")
  @ResponseStatus(HttpStatus.CREATED)
  List<Long> remind(@PathVariable long id, @RequestBody(required = false) Remind body) {
    return arrears.remind(Actors.require(), id, body == null ? null : body.unitIds());
  }

  @GetMapping("/api/v1/billing/communities/{id}/collection-rate")
  @Operation(summary = "收缴率 per month: collected ÷ billed")
  List<Arrears.CollectionRate> collection(
      @PathVariable long id, @RequestParam(required = false) String to) {
    return arrears.collectionRate(Actors.require(), id, to, 12);
  }
}
