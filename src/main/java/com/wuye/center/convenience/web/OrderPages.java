package com.wuye.center.convenience.web;

import com.wuye.center.convenience.Assignees;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderDetails;
import com.wuye.center.convenience.OrderFulfilment;
import com.wuye.center.convenience.OrderQueries;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.ServiceOrdering;
import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.math.BigDecimal;
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

/** Staff pages of convenience orders: the list, recording a call, assigning, done, cancelling. */
@Controller
class OrderPages {

  private static final Role[] DESK = {
    Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };

  private final ServiceOrdering ordering;
  private final OrderFulfilment fulfilment;
  private final OrderQueries queries;
  private final Assignees assignees;
  private final CatalogService catalog;
  private final StaffCommunity communities;

  OrderPages(
      ServiceOrdering ordering,
      OrderFulfilment fulfilment,
      OrderQueries queries,
      Assignees assignees,
      CatalogService catalog,
      StaffCommunity communities) {
    this.ordering = ordering;
    this.fulfilment = fulfilment;
    this.queries = queries;
    this.assignees = assignees;
    this.catalog = catalog;
    this.communities = communities;
  }

  public record AssignForm(Long staffId) {}

  public record CompleteForm(BigDecimal quantity, String workNote, Boolean early) {}

  public record CancelForm(String reason) {}

  @GetMapping("/staff/convenience")
  String home() {
    return "redirect:/staff/convenience/orders";
  }

  @GetMapping("/staff/convenience/orders")
  String orders(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) ServiceOrder.Status status,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    int[] b = Paged.bounds(page, 20, 20);
    model.addAttribute("result", queries.list(user, c.id(), status, b[0], b[1]));
    model.addAttribute("status", status);
    model.addAttribute("statuses", ServiceOrder.Status.values());
    return "convenience/orders";
  }

  @GetMapping("/staff/convenience/orders/new")
  String newOrder(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) Long service,
      Model model) {
    CurrentUser user = Actors.require();
    user.require(DESK);
    Estate.Community c = communities.choose(user, community, model);
    List<Offering> offered = catalog.offered(c.id());
    if (service != null && offered.stream().noneMatch(o -> o.id() == service)) {
      throw DomainException.invalid("service", "convenience.error.noService");
    }
    Map<String, Object> typed =
        StaffCommunity.typed(
            model,
            service == null
                ? Map.of("quantity", "1", "channel", "PHONE")
                : Map.of("quantity", "1", "channel", "PHONE", "serviceId", service.toString()));
    OrderForm.listedPrice(typed, offered);
    model.addAttribute("services", offered);
    model.addAttribute("typed", typed);
    return "convenience/new-order";
  }

  @PostMapping("/staff/convenience/orders")
  String place(
      @RequestParam(required = false) Long community,
      @Valid OrderForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    String again =
        "/staff/convenience/orders/new" + (community == null ? "" : "?community=" + community);
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(again)
        .saved("common.saved")
        .run(() -> "/staff/convenience/orders/" + ordering.place(Actors.require(), form.order()));
  }

  @GetMapping("/staff/convenience/orders/{id}")
  String order(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    OrderDetails d = queries.details(user, id);
    communities.choose(user, d.order().communityId(), model);
    model.addAttribute("d", d);
    model.addAttribute("o", d.order());
    model.addAttribute("contactPhone", OrderQueries.contactPhone(user, d.order()));
    if (d.order().status().open()) {
      model.addAttribute("assignable", assignees.assignable(user, id));
    }
    model.addAttribute(
        "canComplete",
        d.order().status() == ServiceOrder.Status.ASSIGNED
            && (user.staffId().equals(d.order().assigneeStaffId()) || user.hasAny(DESK)));
    model.addAttribute("earlyDone", fulfilment.wouldBeEarly(d.order()));
    return "convenience/order";
  }

  /** "Show" on a masked phone: the order again, with the whole number (the showing audited). */
  @PostMapping("/staff/convenience/orders/{id}/phone")
  String showPhone(@PathVariable long id, RedirectAttributes r) {
    r.addFlashAttribute("shownPhone", queries.showPhone(Actors.require(), id));
    return "redirect:/staff/convenience/orders/" + id;
  }

  @PostMapping("/staff/convenience/orders/{id}/assign")
  String assign(
      @PathVariable long id,
      @Valid AssignForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(orderPage(id), () -> fulfilment.assign(Actors.require(), id, form.staffId()));
  }

  @PostMapping("/staff/convenience/orders/{id}/complete")
  String complete(
      @PathVariable long id,
      @Valid CompleteForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            orderPage(id),
            () ->
                fulfilment.complete(
                    Actors.require(),
                    id,
                    form.quantity(),
                    form.workNote(),
                    Boolean.TRUE.equals(form.early())));
  }

  @PostMapping("/staff/convenience/orders/{id}/cancel")
  String cancel(
      @PathVariable long id,
      @Valid CancelForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(orderPage(id), () -> ordering.cancel(Actors.require(), id, form.reason()));
  }

  private static String orderPage(long id) {
    return "/staff/convenience/orders/" + id;
  }
}
