package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderDetails;
import com.wuye.center.convenience.OrderQueries;
import com.wuye.center.convenience.ResidentConfirmation;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.ServiceOrdering;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's convenience services: the catalog, ordering, their orders, confirming. */
@Controller
class PortalConveniencePages {

  private final CatalogService catalog;
  private final ServiceOrdering ordering;
  private final ResidentConfirmation confirmation;
  private final OrderQueries queries;
  private final EstateDirectory estate;

  PortalConveniencePages(
      CatalogService catalog,
      ServiceOrdering ordering,
      ResidentConfirmation confirmation,
      OrderQueries queries,
      EstateDirectory estate) {
    this.catalog = catalog;
    this.ordering = ordering;
    this.confirmation = confirmation;
    this.queries = queries;
    this.estate = estate;
  }

  /** The confirmation as typed. */
  public record ConfirmForm(Boolean tipAsked, Integer rating, String comment, String statement) {

    ResidentConfirmation.Confirmation confirmation() {
      return new ResidentConfirmation.Confirmation(tipAsked, rating, comment, statement);
    }
  }

  public record CancelForm(String reason) {}

  @GetMapping("/portal/convenience")
  String home(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("catalogs", catalog.forResident(user));
    model.addAttribute("orders", queries.ofResident(user));
    return "convenience/portal-home";
  }

  /** The order form of a service, for the resident's units in its community. */
  @GetMapping("/portal/convenience/order")
  String orderForm(@RequestParam long service, Model model) {
    Offering offering = catalog.get(service);
    List<Estate.Unit> where = unitsWhereOffered(Actors.require(), offering);
    // the resident orders at the price shown on this form (a changed price is refused, CS-S3)
    Map<String, Object> typed =
        StaffCommunity.typed(model, Map.of("serviceId", String.valueOf(service), "quantity", "1"));
    typed.putIfAbsent("unitId", String.valueOf(where.get(0).id()));
    OrderForm.listedPrice(typed, List.of(offering));
    model.addAttribute("typed", typed);
    model.addAttribute("service", offering);
    model.addAttribute("units", where);
    model.addAttribute("community", estate.community(offering.communityId()).orElseThrow());
    return "convenience/portal-order-form";
  }

  /** The resident's units in the service's community; none, or a service withdrawn: not found. */
  private List<Estate.Unit> unitsWhereOffered(CurrentUser user, Offering offering) {
    List<Estate.Unit> where =
        estate.unitsOfResident(user.residentId()).stream()
            .filter(u -> u.communityId() == offering.communityId())
            .toList();
    if (where.isEmpty() || !offering.active()) {
      throw DomainException.notFound("convenience.error.serviceNotFound");
    }
    return where;
  }

  @PostMapping("/portal/convenience/orders")
  String place(@Valid OrderForm form, BindingResult binding, RedirectAttributes redirect) {
    String again =
        form.serviceId() == null
            ? "/portal/convenience"
            : "/portal/convenience/order?service=" + form.serviceId();
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(again)
        .saved("convenience.portal.saved")
        .run(() -> "/portal/convenience/orders/" + ordering.place(Actors.require(), form.order()));
  }

  @GetMapping("/portal/convenience/orders/{id}")
  String order(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    OrderDetails d = queries.details(user, id);
    ServiceOrder o = d.order();
    boolean theirs = o.residentId() == null || o.residentId().equals(user.residentId());
    model.addAttribute("d", d);
    model.addAttribute("o", o);
    model.addAttribute("canConfirm", o.status() == ServiceOrder.Status.DONE && theirs);
    model.addAttribute("canCancel", o.status().open() && theirs);
    model.addAttribute("typed", StaffCommunity.typed(model, Map.of()));
    return "convenience/portal-order";
  }

  @PostMapping("/portal/convenience/orders/{id}/confirm")
  String confirm(
      @PathVariable long id,
      @Valid ConfirmForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("convenience.portal.thanks")
        .run(
            "/portal/convenience/orders/" + id,
            () -> confirmation.confirm(Actors.require(), id, form.confirmation()));
  }

  @PostMapping("/portal/convenience/orders/{id}/cancel")
  String cancel(
      @PathVariable long id,
      @Valid CancelForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("convenience.portal.saved")
        .run(
            "/portal/convenience/orders/" + id,
            () -> ordering.cancel(Actors.require(), id, form.reason()));
  }
}
