package com.wuye.center.keycustody.web;

import com.wuye.center.shared.pdf.PdfPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The key entrustment form (both parts) as a PDF: the print page's template and model. */
@Controller
class KeyCustodyPdfs {

  private final EntrustmentPages pages;
  private final KeyCustodyPortalPages portal;
  private final PdfPages pdf;

  KeyCustodyPdfs(EntrustmentPages pages, KeyCustodyPortalPages portal, PdfPages pdf) {
    this.pages = pages;
    this.portal = portal;
    this.pdf = pdf;
  }

  @GetMapping("/staff/keycustody/entrustments/{id}/form.pdf")
  void form(
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = pages.printForm(id, model);
    pdf.write(view, model.asMap(), "key-entrustment-" + id + ".pdf", request, response);
  }

  @GetMapping("/portal/keycustody/entrustments/{id}/form.pdf")
  void portalForm(
      @PathVariable long id,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    String view = portal.printForm(id, model);
    pdf.write(view, model.asMap(), "key-entrustment-" + id + ".pdf", request, response);
  }
}
