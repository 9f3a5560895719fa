package com.wuye.center.billing.web;

import com.wuye.center.shared.pdf.PdfPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The receipt (A4 or 80 mm, with 补打 on a reprint as on the print page) and the cashier's day report
 * as PDFs: the print pages' templates and models.
 */
@Controller
class BillingPdfs {

  /** A till receipt: 80 mm wide, as long as a receipt is. */
  static final String NARROW = "@page { size: 80mm 220mm; margin: 3mm; }";

  private final ReceiptPages receipts;
  private final DayPages days;
  private final PdfPages pdf;

  BillingPdfs(ReceiptPages receipts, DayPages days, PdfPages pdf) {
    this.receipts = receipts;
    this.days = days;
    this.pdf = pdf;
  }

  @GetMapping("/staff/billing/receipts/{id}/print.pdf")
  void receipt(
      @PathVariable long id,
      @RequestParam(defaultValue = "a4") String format,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = receipts.printPage(id, format, model);
    boolean narrow = "80mm".equalsIgnoreCase(format);
    pdf.write(
        view,
        model.asMap(),
        "receipt-" + id + (narrow ? "-80mm" : "") + ".pdf",
        narrow ? NARROW : null,
        request,
        response);
  }

  @GetMapping("/staff/billing/day.pdf")
  void day(
      @RequestParam(required = false) Long cashier,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = days.day(cashier, date, model);
    pdf.write(view, model.asMap(), "day-report.pdf", request, response);
  }
}
