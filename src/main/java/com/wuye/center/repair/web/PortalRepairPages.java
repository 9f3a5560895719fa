package com.wuye.center.repair.web;

import com.wuye.center.repair.Dispatching;
import com.wuye.center.repair.RepairCategories;
import com.wuye.center.repair.RepairOrderPage;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.ResidentConfirmation;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's repair pages: their orders and one order (confirm: sign, rate, the integrity
 * question; cancel while nobody has accepted it) with its images. Reporting and adding photos:
 * {@link RepairIntakePages}; the price list: {@link PriceListPages}.
 */
@Controller
class PortalRepairPages {

  private final RepairQueries queries;
  private final RepairOrderPage page;
  private final ResidentConfirmation confirmation;
  private final Dispatching dispatching;
  private final RepairCategories categories;
  private final Clock clock;

  PortalRepairPages(
      RepairQueries queries,
      RepairOrderPage page,
      ResidentConfirmation confirmation,
      Dispatching dispatching,
      RepairCategories categories,
      Clock clock) {
    this.queries = queries;
    this.page = page;
    this.confirmation = confirmation;
    this.dispatching = dispatching;
    this.categories = categories;
    this.clock = clock;
  }

  record CancelForm(String reason) {}

  @GetMapping("/portal/repairs")
  String list(Model model) {
    model.addAttribute("rows", queries.ofResident(Actors.require()));
    model.addAttribute("now", clock.instant());
    model.addAttribute("categories", categories.byCode());
    return "repair/portal-list";
  }

  @GetMapping("/portal/repairs/{id}")
  String order(@PathVariable long id, Model model) {
    ConfirmForm.prepare(model, page.order(Actors.require(), id));
    return "repair/portal-order";
  }

  @PostMapping("/portal/repairs/{id}/confirm")
  String confirm(
      @PathVariable long id, @Valid ConfirmForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .saved("repair.hint.confirmed")
        .run(
            "/portal/repairs/" + id, () -> confirmation.confirm(Actors.require(), id, f.command()));
  }

  @PostMapping("/portal/repairs/{id}/cancel")
  String cancel(@PathVariable long id, @Valid CancelForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            "/portal/repairs/" + id,
            () -> dispatching.cancel(Actors.require(), id, f.reason(), null));
  }

  @GetMapping("/portal/repairs/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    var p = page.photo(Actors.require(), id, photoId);
    return RepairFiles.image(p.contentType(), p.data());
  }

  @GetMapping("/portal/repairs/{id}/signatures/{confirmationId}")
  ResponseEntity<byte[]> signature(@PathVariable long id, @PathVariable long confirmationId) {
    return RepairFiles.image("image/png", page.signature(Actors.require(), id, confirmationId));
  }
}
