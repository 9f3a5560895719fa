package com.wuye.center.billing.web;

import com.wuye.center.billing.MeterReadings;
import com.wuye.center.billing.Money;
import com.wuye.center.billing.ReadingImport;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Meter readings typed in on the setup page, or imported from an Excel sheet. */
@Controller
class ReadingPages {

  private final MeterReadings readings;
  private final ReadingImport readingImport;
  private final MessageSource messages;

  ReadingPages(MeterReadings readings, ReadingImport readingImport, MessageSource messages) {
    this.readings = readings;
    this.readingImport = readingImport;
    this.messages = messages;
  }

  /** A reading as typed; numbers are typed text. */
  public record ReadingForm(
      String unitCode,
      MeterReadings.Meter meter,
      String period,
      String reading,
      String previousReading,
      Boolean meterChanged,
      String oldMeterFinal,
      String note) {

    MeterReadings.NewReading command() {
      return new MeterReadings.NewReading(
          meter,
          period,
          Money.parse("reading", reading),
          Money.parse("previousReading", previousReading),
          Boolean.TRUE.equals(meterChanged),
          Money.parse("oldMeterFinal", oldMeterFinal),
          note);
    }
  }

  public record ImportForm(MultipartFile file) {}

  @PostMapping("/staff/billing/setup/readings")
  String reading(
      @RequestParam long community,
      @Valid ReadingForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            SetupPages.setup(community),
            () ->
                readings.recordReading(
                    Actors.require(), community, form.unitCode(), form.command()));
  }

  @PostMapping("/staff/billing/setup/readings/import")
  String importReadings(
      @RequestParam long community,
      @Valid ImportForm form,
      BindingResult binding,
      Locale locale,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, Map.of())
        .onRefusal(SetupPages.setup(community))
        .saved(null)
        .run(() -> imported(community, form.file(), locale, redirect));
  }

  /** Imports the sheet: all its rows, or none and a refusal saying which rows and why. */
  private String imported(
      long community, MultipartFile file, Locale locale, RedirectAttributes redirect) {
    if (file == null || file.isEmpty()) {
      throw DomainException.invalid("file", "error.import.empty");
    }
    ReadingImport.Report report;
    try {
      report = readingImport.importXlsx(Actors.require(), community, file.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!report.errors().isEmpty()) {
      throw DomainException.invalid(
          "file", "billing.reading.importFailed", report.errors().size(), details(report, locale));
    }
    FormSubmission.saved(redirect, "billing.reading.imported", report.imported());
    return SetupPages.setup(community);
  }

  private String details(ReadingImport.Report report, Locale locale) {
    return String.join(
        "; ",
        report.errors().stream()
            .map(
                e ->
                    messages.getMessage(
                        "billing.reading.rowError",
                        new Object[] {
                          e.row(),
                          messages.getMessage(
                              e.messageKey(), e.args().toArray(), e.messageKey(), locale)
                        },
                        locale))
            .toList());
  }
}
