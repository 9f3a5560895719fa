package com.wuye.center.billing.web;

import com.wuye.center.billing.Arrears;
import com.wuye.center.billing.Money;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Arrears with reminders (催缴), and the collection rate (收缴率), on screen and in Excel. */
@Controller
class ArrearsPages {

  private final Arrears arrears;
  private final EstateDirectory estate;
  private final BillingExcel excel;

  ArrearsPages(Arrears arrears, EstateDirectory estate, BillingExcel excel) {
    this.arrears = arrears;
    this.estate = estate;
    this.excel = excel;
  }

  /** The units ticked (none: every unit in arrears). */
  public record RemindForm(List<Long> unitId) {}

  @GetMapping("/staff/billing/arrears")
  String arrearsPage(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String q,
      Model model) {
    CurrentUser user = Actors.require();
    long c = CommunityChoice.choose(estate, user, community, model);
    List<Arrears.UnitArrears> list = arrears.arrears(user, c, q);
    model.addAttribute("arrears", list);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute(
        "total", list.stream().map(Arrears.UnitArrears::total).reduce(Money.ZERO, BigDecimal::add));
    return "billing/arrears";
  }

  @PostMapping("/staff/billing/arrears/remind")
  String remind(
      @RequestParam long community,
      @Valid RemindForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/billing/arrears?community=" + community)
        .saved(null)
        .run(() -> reminded(community, form, redirect));
  }

  private String reminded(long community, RemindForm form, RedirectAttributes redirect) {
    var ids = arrears.remind(Actors.require(), community, form.unitId());
    FormSubmission.saved(redirect, "billing.reminder.issued", ids.size());
    return "/staff/billing/arrears?community=" + community;
  }

  @GetMapping("/staff/billing/reminders/{id}")
  String reminder(@PathVariable long id, Model model) {
    model.addAttribute("reminder", arrears.reminder(Actors.require(), id));
    return "billing/reminder";
  }

  @GetMapping("/staff/billing/arrears.xlsx")
  ResponseEntity<byte[]> arrearsExport(
      @RequestParam long community, @RequestParam(required = false) String q, Locale locale) {
    return BillingExcel.download(
        excel.arrears(arrears.arrears(Actors.require(), community, q), locale),
        "arrears-" + community + ".xlsx");
  }

  @GetMapping("/staff/billing/collection")
  String collection(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String to,
      Model model) {
    CurrentUser user = Actors.require();
    long c = CommunityChoice.choose(estate, user, community, model);
    model.addAttribute("rates", arrears.collectionRate(user, c, to, 12));
    return "billing/collection";
  }

  @GetMapping("/staff/billing/collection.xlsx")
  ResponseEntity<byte[]> collectionExport(
      @RequestParam long community, @RequestParam(required = false) String to, Locale locale) {
    return BillingExcel.download(
        excel.collection(arrears.collectionRate(Actors.require(), community, to, 12), locale),
        "collection-" + community + ".xlsx");
  }
}
