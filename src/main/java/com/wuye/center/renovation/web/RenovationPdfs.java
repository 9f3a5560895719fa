package com.wuye.center.renovation.web;

import com.wuye.center.shared.pdf.PdfPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The renovation permit as a PDF: the print page's template and model. */
@Controller
class RenovationPdfs {

  private final PermitPages pages;
  private final PdfPages pdf;

  RenovationPdfs(PermitPages pages, PdfPages pdf) {
    this.pages = pages;
    this.pdf = pdf;
  }

  @GetMapping({"/staff/renovations/{id}/permit.pdf", "/portal/renovations/{id}/permit.pdf"})
  void permit(
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = pages.permit(id, model);
    pdf.write(view, model.asMap(), "renovation-permit-" + id + ".pdf", request, response);
  }
}
