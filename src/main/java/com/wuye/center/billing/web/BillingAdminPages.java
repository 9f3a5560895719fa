package com.wuye.center.billing.web;

import com.wuye.center.billing.ArrearsService;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.BillingService;
import com.wuye.center.billing.Money;
import com.wuye.center.billing.ReadingImport;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rates, the billing run and meter readings; arrears with reminders; the collection rate. */
@Controller
class BillingAdminPages {

  private final BillingService billing;
  private final ArrearsService arrears;
  private final EstateDirectory estate;
  private final BillingExcel excel;
  private final java.time.Clock clock;
  private final ReadingImport readingImport;
  private final org.springframework.context.MessageSource messages;

  BillingAdminPages(
      BillingService billing,
      ArrearsService arrears,
      EstateDirectory estate,
      BillingExcel excel,
      java.time.Clock clock,
      ReadingImport readingImport,
      org.springframework.context.MessageSource messages) {
    this.readingImport = readingImport;
    this.messages = messages;
    this.billing = billing;
    this.arrears = arrears;
    this.estate = estate;
    this.excel = excel;
    this.clock = clock;
  }

  private long community(CurrentUser user, Long requested, Model model) {
    List<Estate.Community> communities = estate.communitiesFor(user);
    if (communities.isEmpty()) {
      throw DomainException.forbidden("error.forbidden.community");
    }
    long id = requested == null ? communities.get(0).id() : requested;
    user.requireCommunity(id);
    model.addAttribute("communities", communities);
    model.addAttribute("community", id);
    return id;
  }

  @GetMapping("/staff/billing/setup")
  String setup(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    long c = community(user, community, model);
    model.addAttribute("rates", billing.rates(user, c));
    model.addAttribute("thisMonth", YearMonth.now(clock).toString());
    model.addAttribute("canRun", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    model.addAttribute("canRate", user.hasAny(Role.MANAGER, Role.ADMIN));
    return "billing/setup";
  }

  @PostMapping("/staff/billing/setup/rates")
  String rate(
      @RequestParam long community,
      @RequestParam(required = false) Billing.Item item,
      @RequestParam(required = false) String unitPrice,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate validFrom,
      RedirectAttributes redirect) {
    try {
      billing.setRate(
          Actors.require(), community, item, Money.parse("unitPrice", unitPrice), validFrom);
      Flash.saved(redirect, "common.saved");
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of("unitPrice", unitPrice == null ? "" : unitPrice));
    }
    return "redirect:/staff/billing/setup?community=" + community;
  }

  @PostMapping("/staff/billing/setup/run")
  String run(
      @RequestParam long community,
      @RequestParam(required = false) String period,
      RedirectAttributes redirect) {
    try {
      var r = billing.run(Actors.require(), community, period);
      Flash.saved(redirect, "billing.run.done", r.period(), r.billsCreated(), r.total());
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of("period", period == null ? "" : period));
    }
    return "redirect:/staff/billing/setup?community=" + community;
  }

  @PostMapping("/staff/billing/setup/readings")
  String reading(
      @RequestParam long community,
      @RequestParam(required = false) String unitCode,
      @RequestParam(required = false) BillingService.Meter meter,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String reading,
      @RequestParam(required = false) String previousReading,
      @RequestParam(defaultValue = "false") boolean meterChanged,
      @RequestParam(required = false) String oldMeterFinal,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      user.requireCommunity(community);
      Estate.Unit unit =
          estate
              .unitByCode(community, unitCode)
              .orElseThrow(() -> DomainException.invalid("unitCode", "error.unit.notFound"));
      billing.recordReading(
          user,
          unit.id(),
          new BillingService.NewReading(
              meter,
              period,
              Money.parse("reading", reading),
              Money.parse("previousReading", previousReading),
              meterChanged,
              Money.parse("oldMeterFinal", oldMeterFinal),
              note));
      Flash.saved(redirect, "common.saved");
    } catch (DomainException e) {
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("unitCode", unitCode);
      typed.put("period", period);
      typed.put("reading", reading);
      typed.put("note", note);
      Flash.error(redirect, e, typed);
    }
    return "redirect:/staff/billing/setup?community=" + community;
  }

  @PostMapping("/staff/billing/setup/readings/import")
  String importReadings(
      @RequestParam long community,
      @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
      Locale locale,
      RedirectAttributes redirect)
      throws java.io.IOException {
    try {
      if (file.isEmpty()) {
        throw DomainException.invalid("file", "error.import.empty");
      }
      ReadingImport.Report report =
          readingImport.importXlsx(Actors.require(), community, file.getInputStream());
      if (report.errors().isEmpty()) {
        Flash.saved(redirect, "billing.reading.imported", report.imported());
      } else {
        String details =
            String.join(
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
        Flash.error(
            redirect,
            DomainException.invalid(
                "file", "billing.reading.importFailed", report.errors().size(), details),
            Map.of());
      }
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of());
    }
    return "redirect:/staff/billing/setup?community=" + community;
  }

  @GetMapping("/staff/billing/arrears")
  String arrearsPage(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String q,
      Model model) {
    CurrentUser user = Actors.require();
    long c = community(user, community, model);
    List<ArrearsService.UnitArrears> list = arrears.arrears(user, c, q);
    model.addAttribute("arrears", list);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute(
        "total",
        list.stream()
            .map(ArrearsService.UnitArrears::total)
            .reduce(Money.ZERO, java.math.BigDecimal::add));
    return "billing/arrears";
  }

  @PostMapping("/staff/billing/arrears/remind")
  String remind(
      @RequestParam long community,
      @RequestParam(name = "unitId", required = false) List<Long> unitIds,
      RedirectAttributes redirect) {
    try {
      var ids = arrears.remind(Actors.require(), community, unitIds);
      Flash.saved(redirect, "billing.reminder.issued", ids.size());
    } catch (DomainException e) {
      Flash.error(redirect, e, Map.of());
    }
    return "redirect:/staff/billing/arrears?community=" + community;
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
    long c = community(user, community, model);
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
