package com.wuye.center.repair.web;

import com.wuye.center.shared.pdf.PdfPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The repair work order as a PDF: the order page's template and model, printed. */
@Controller
class RepairPdfs {

  private final RepairOrderPages pages;
  private final PdfPages pdf;

  RepairPdfs(RepairOrderPages pages, PdfPages pdf) {
    this.pages = pages;
    this.pdf = pdf;
  }

  @GetMapping("/staff/repairs/{id}/order.pdf")
  void order(
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = pages.order(id, model);
    pdf.write(view, model.asMap(), "repair-" + id + ".pdf", request, response);
  }
}
