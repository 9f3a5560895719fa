package com.wuye.center.inquiry.web;

import com.wuye.center.shared.pdf.PdfPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The written consultation's reply letter as a PDF: the print page's template and model. */
@Controller
class InquiryPdfs {

  private final InquiryPages pages;
  private final PdfPages pdf;

  InquiryPdfs(InquiryPages pages, PdfPages pdf) {
    this.pages = pages;
    this.pdf = pdf;
  }

  @GetMapping({"/staff/inquiries/{id}/letter.pdf", "/portal/inquiries/{id}/letter.pdf"})
  void letter(
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = pages.letter(id, model);
    pdf.write(view, model.asMap(), "inquiry-letter-" + id + ".pdf", request, response);
  }
}
