package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.ConvenienceOrders;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderDetails;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's convenience services: the catalog, ordering, their orders, confirming. */
@Controller
class PortalConveniencePages {

  private final CatalogService catalog;
  private final ConvenienceOrders orders;
  private final EstateDirectory estate;

  PortalConveniencePages(CatalogService catalog, ConvenienceOrders orders, EstateDirectory estate) {
    this.catalog = catalog;
    this.orders = orders;
    this.estate = estate;
  }

  /** The confirmation as typed, kept when refused. */
  public static class ConfirmForm {
    static final Set<String> FIELDS = Set.of("tipAsked", "rating", "comment", "statement");
    private Boolean tipAsked;
    private Integer rating;
    private String comment;
    private String statement;

    public Boolean getTipAsked() {
      return tipAsked;
    }

    public void setTipAsked(Boolean v) {
      tipAsked = v;
    }

    public Integer getRating() {
      return rating;
    }

    public void setRating(Integer v) {
      rating = v;
    }

    public String getComment() {
      return comment;
    }

    public void setComment(String v) {
      comment = v;
    }

    public String getStatement() {
      return statement;
    }

    public void setStatement(String v) {
      statement = v;
    }
  }

  @GetMapping("/portal/convenience")
  String home(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("catalogs", catalog.forResident(user));
    model.addAttribute("orders", orders.ofResident(user));
    return "convenience/portal-home";
  }

  @GetMapping("/portal/convenience/order")
  String orderForm(@RequestParam long service, Model model) {
    CurrentUser user = Actors.require();
    OrderForm form = new OrderForm();
    form.setServiceId(service);
    return form(user, form, null, model);
  }

  @PostMapping("/portal/convenience/orders")
  String place(@ModelAttribute("form") OrderForm form, Model model, RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      long id = orders.place(user, form.toOrder());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/portal/convenience/orders/" + id;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN
          || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      return form(user, form, e, model);
    }
  }

  private String form(CurrentUser user, OrderForm form, DomainException error, Model model) {
    if (form.getServiceId() == null) {
      throw DomainException.notFound("convenience.error.serviceNotFound");
    }
    List<Estate.Unit> units = estate.unitsOfResident(user.residentId());
    Offering service = catalog.get(form.getServiceId());
    List<Estate.Unit> where =
        units.stream().filter(u -> u.communityId() == service.communityId()).toList();
    if (where.isEmpty() || !service.active()) {
      throw DomainException.notFound("convenience.error.serviceNotFound");
    }
    if (form.getUnitId() == null) {
      form.setUnitId(where.get(0).id());
    }
    // the resident orders at the price shown on this form (a changed price is refused, CS-S3)
    if (error == null) {
      form.setPrice(service.paid() ? service.price().toPlainString() : "");
    }
    model.addAttribute("service", service);
    model.addAttribute("units", where);
    model.addAttribute("community", estate.community(service.communityId()).orElseThrow());
    Forms.bind(model, "form", form, error, OrderForm.FIELDS);
    return "convenience/portal-order-form";
  }

  @GetMapping("/portal/convenience/orders/{id}")
  String order(@PathVariable long id, Model model) {
    return orderPage(Actors.require(), id, new ConfirmForm(), null, model);
  }

  private String orderPage(
      CurrentUser user, long id, ConfirmForm form, DomainException error, Model model) {
    OrderDetails d = orders.details(user, id);
    model.addAttribute("d", d);
    model.addAttribute("o", d.order());
    model.addAttribute(
        "canConfirm",
        d.order().status() == ServiceOrder.Status.DONE
            && (d.order().residentId() == null
                || d.order().residentId().equals(user.residentId())));
    model.addAttribute(
        "canCancel",
        d.order().status().open()
            && (d.order().residentId() == null
                || d.order().residentId().equals(user.residentId())));
    Forms.bind(model, "form", form, error, ConfirmForm.FIELDS);
    return "convenience/portal-order";
  }

  @PostMapping("/portal/convenience/orders/{id}/confirm")
  String confirm(
      @PathVariable long id,
      @ModelAttribute("form") ConfirmForm form,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      orders.confirm(
          user,
          id,
          new ConvenienceOrders.Confirmation(
              form.getTipAsked(), form.getRating(), form.getComment(), form.getStatement()));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      return orderPage(user, id, form, e, model);
    }
    redirect.addFlashAttribute("confirmed", true);
    return "redirect:/portal/convenience/orders/" + id;
  }

  @PostMapping("/portal/convenience/orders/{id}/cancel")
  String cancel(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    try {
      orders.cancel(Actors.require(), id, reason);
      redirect.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Forms.flash(redirect, e);
    }
    return "redirect:/portal/convenience/orders/" + id;
  }
}
