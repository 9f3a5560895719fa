package com.wuye.center.repair.web;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.Dispatching;
import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.PriceList;
import com.wuye.center.repair.RepairOrderPage;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.repair.ResidentConfirmation;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff order page with the actions of each role ({@link RepairWorkPages} takes them), the
 * resident signing on the technician's phone, and the order's images.
 */
@Controller
class RepairOrderPages {

  private final RepairOrderPage page;
  private final Dispatching dispatching;
  private final PriceList prices;
  private final ResidentConfirmation confirmation;

  RepairOrderPages(
      RepairOrderPage page,
      Dispatching dispatching,
      PriceList prices,
      ResidentConfirmation confirmation) {
    this.page = page;
    this.dispatching = dispatching;
    this.prices = prices;
    this.confirmation = confirmation;
  }

  @GetMapping("/staff/repairs/{id}")
  String order(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    RepairViews.OrderDetail o = page.order(user, id);
    model.addAttribute("o", o);
    model.addAttribute("now", o.now());
    boolean assignee = Objects.equals(o.row().assigneeStaffId(), user.staffId());
    boolean dispatcher =
        user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("assignee", assignee && user.has(Role.TECHNICIAN));
    model.addAttribute("dispatcher", dispatcher);
    model.addAttribute(
        "canVisit", user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("canDecideFees", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("manager", user.has(Role.MANAGER));
    model.addAttribute("causes", PauseCause.values());
    model.addAttribute("arrivalItems", ConductItem.required(ConductItem.Stage.ARRIVAL, o.indoor()));
    model.addAttribute(
        "completionItems", ConductItem.required(ConductItem.Stage.COMPLETION, o.indoor()));
    if (dispatcher && o.status().open()) {
      model.addAttribute("technicians", dispatching.technicians(user, o.row().communityId()));
    }
    if (assignee && o.indoor()) {
      model.addAttribute("priceList", prices.items(user, o.row().communityId()));
    }
    return "repair/order";
  }

  /** "Show" on a masked phone: the page again, with the whole number (the showing audited). */
  @PostMapping("/staff/repairs/{id}/phone")
  String showPhone(@PathVariable long id, RedirectAttributes r) {
    r.addFlashAttribute("shownPhone", page.showPhone(Actors.require(), id));
    return "redirect:/staff/repairs/" + id;
  }

  @GetMapping("/staff/repairs/{id}/sign")
  String signForm(@PathVariable long id, Model model) {
    ConfirmForm.prepare(model, page.order(Actors.require(), id));
    return "repair/sign";
  }

  @PostMapping("/staff/repairs/{id}/sign")
  String sign(@PathVariable long id, @Valid ConfirmForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .onRefusal("/staff/repairs/" + id + "/sign")
        .run(
            () -> {
              confirmation.confirm(Actors.require(), id, f.command());
              return "/staff/repairs/" + id;
            });
  }

  @GetMapping("/staff/repairs/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    var p = page.photo(Actors.require(), id, photoId);
    return RepairFiles.image(p.contentType(), p.data());
  }

  @GetMapping("/staff/repairs/{id}/signatures/{confirmationId}")
  ResponseEntity<byte[]> signature(@PathVariable long id, @PathVariable long confirmationId) {
    return RepairFiles.image("image/png", page.signature(Actors.require(), id, confirmationId));
  }
}
