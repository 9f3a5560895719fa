package com.wuye.center.convenience.web;

import com.wuye.center.convenience.Announcement;
import com.wuye.center.convenience.Announcements;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.ConvenienceOrders;
import com.wuye.center.convenience.IntegrityCases;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderDetails;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of convenience services: orders, the catalog, announcements, integrity cases. */
@Controller
class ConveniencePages {

  private final ConvenienceOrders orders;
  private final CatalogService catalog;
  private final Announcements announcements;
  private final IntegrityCases cases;

  ConveniencePages(
      ConvenienceOrders orders,
      CatalogService catalog,
      Announcements announcements,
      IntegrityCases cases) {
    this.orders = orders;
    this.catalog = catalog;
    this.announcements = announcements;
    this.cases = cases;
  }

  /** The community a page is about: the one asked for, else the first the user serves. */
  private Estate.Community community(CurrentUser user, Long requested, Model model) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Estate.Community> mine = catalog.communities(user);
    Estate.Community c =
        requested == null
            ? mine.stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("error.community.notFound"))
            : mine.stream()
                .filter(x -> x.id() == requested)
                .findFirst()
                .orElseThrow(() -> DomainException.forbidden("error.forbidden.community"));
    model.addAttribute("communities", mine);
    model.addAttribute("community", c);
    model.addAttribute("isManager", user.has(Role.MANAGER));
    model.addAttribute("canEditCatalog", user.hasAny(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN));
    model.addAttribute(
        "atDesk", user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    return c;
  }

  @GetMapping("/staff/convenience")
  String home() {
    return "redirect:/staff/convenience/orders";
  }

  // ---- orders

  @GetMapping("/staff/convenience/orders")
  String orders(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) ServiceOrder.Status status,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = community(user, community, model);
    int[] b = Paged.bounds(page, 20, 20);
    model.addAttribute("result", orders.list(user, c.id(), status, b[0], b[1]));
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
    OrderForm form = new OrderForm();
    form.setServiceId(service);
    return orderForm(user, community, form, null, model);
  }

  @PostMapping("/staff/convenience/orders")
  String place(
      @RequestParam(required = false) Long community,
      @ModelAttribute("form") OrderForm form,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      long id = orders.place(user, form.toOrder());
      redirect.addFlashAttribute("saved", true);
      return "redirect:/staff/convenience/orders/" + id;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN
          || e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      return orderForm(user, community, form, e, model);
    }
  }

  private String orderForm(
      CurrentUser user, Long community, OrderForm form, DomainException error, Model model) {
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    Estate.Community c = community(user, community, model);
    List<Offering> offered = catalog.offered(c.id());
    model.addAttribute("services", offered);
    if (form.getServiceId() != null && (form.getPrice() == null || form.getPrice().isBlank())) {
      offered.stream()
          .filter(o -> o.id() == form.getServiceId() && o.paid())
          .findFirst()
          .ifPresent(o -> form.setPrice(o.price().toPlainString()));
    }
    Forms.bind(model, "form", form, error, OrderForm.FIELDS);
    return "convenience/new-order";
  }

  @GetMapping("/staff/convenience/orders/{id}")
  String order(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    OrderDetails d = orders.details(user, id);
    community(user, d.order().communityId(), model);
    model.addAttribute("d", d);
    model.addAttribute("o", d.order());
    if (d.order().status().open()) {
      model.addAttribute("assignable", orders.assignable(user, id));
    }
    model.addAttribute(
        "canComplete",
        d.order().status() == ServiceOrder.Status.ASSIGNED
            && (user.staffId().equals(d.order().assigneeStaffId())
                || user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN)));
    return "convenience/order";
  }

  @PostMapping("/staff/convenience/orders/{id}/assign")
  String assign(
      @PathVariable long id,
      @RequestParam(required = false) Long staffId,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> orders.assign(Actors.require(), id, staffId));
  }

  @PostMapping("/staff/convenience/orders/{id}/complete")
  String complete(
      @PathVariable long id,
      @RequestParam(required = false) String quantity,
      @RequestParam(required = false) String workNote,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> orders.complete(Actors.require(), id, Forms.number("quantity", quantity), workNote));
  }

  @PostMapping("/staff/convenience/orders/{id}/cancel")
  String cancel(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> orders.cancel(Actors.require(), id, reason));
  }

  private String act(long id, RedirectAttributes redirect, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Forms.flash(redirect, e);
    }
    return "redirect:/staff/convenience/orders/" + id;
  }

  // ---- catalog

  @GetMapping("/staff/convenience/catalog")
  String catalog(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    return catalogPage(user, community, new ServiceEditForm(), null, model);
  }

  @PostMapping("/staff/convenience/catalog")
  String createService(
      @RequestParam(required = false) Long community,
      @ModelAttribute("form") ServiceEditForm form,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    Estate.Community c = community(user, community, model);
    try {
      catalog.create(user, c.id(), form.toForm());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      return catalogPage(user, c.id(), form, ServiceEditForm.onForm(e), model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/convenience/catalog?community=" + c.id();
  }

  private String catalogPage(
      CurrentUser user, Long community, ServiceEditForm form, DomainException error, Model model) {
    Estate.Community c = community(user, community, model);
    model.addAttribute("services", catalog.catalog(user, c.id()));
    formModel(model, form, error);
    return "convenience/catalog";
  }

  private static void formModel(Model model, ServiceEditForm form, DomainException error) {
    model.addAttribute(
        "providerRoles",
        Arrays.stream(Role.values()).filter(r -> r.isStaffRole() && r != Role.ADMIN).toList());
    model.addAttribute("promiseUnits", ServiceEditForm.PromiseUnit.values());
    Forms.bind(model, "form", form, error, ServiceEditForm.FIELDS);
  }

  @GetMapping("/staff/convenience/catalog/{id}")
  String editService(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    Offering o = catalog.get(user, id);
    return editPage(user, o, ServiceEditForm.of(o), null, model);
  }

  @PostMapping("/staff/convenience/catalog/{id}")
  String updateService(
      @PathVariable long id,
      @ModelAttribute("form") ServiceEditForm form,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    Offering o = catalog.get(user, id);
    try {
      catalog.update(user, id, form.toForm(), form.getVersion());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      return editPage(user, o, form, ServiceEditForm.onForm(e), model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/convenience/catalog?community=" + o.communityId();
  }

  private String editPage(
      CurrentUser user, Offering o, ServiceEditForm form, DomainException error, Model model) {
    community(user, o.communityId(), model);
    model.addAttribute("service", o);
    formModel(model, form, error);
    return "convenience/service";
  }

  // ---- announcements (CS-S1)

  @GetMapping("/staff/convenience/announcements")
  String announcements(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = community(user, community, model);
    model.addAttribute("announcements", announcements.list(user, c.id()));
    model.addAttribute("offered", catalog.offered(c.id()));
    return "convenience/announcements";
  }

  @PostMapping("/staff/convenience/announcements")
  String issue(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String title,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    Estate.Community c = community(user, community, model);
    try {
      long id = announcements.issue(user, c.id(), title);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/staff/convenience/announcements/" + id;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      Forms.flash(redirect, e);
      return "redirect:/staff/convenience/announcements?community=" + c.id();
    }
  }

  @GetMapping("/staff/convenience/announcements/{id}")
  String announcement(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    Announcement a = announcements.get(user, id);
    community(user, a.communityId(), model);
    model.addAttribute("a", a);
    model.addAttribute("postings", announcements.postings(user, id));
    model.addAttribute("progress", announcements.progress(user, id));
    model.addAttribute("postingKinds", Announcement.PostingKind.values());
    return "convenience/announcement";
  }

  @PostMapping("/staff/convenience/announcements/{id}/postings")
  String posting(
      @PathVariable long id,
      @RequestParam(required = false) Announcement.PostingKind kind,
      @RequestParam(required = false) String location,
      @RequestParam(required = false) String postedAt,
      RedirectAttributes redirect) {
    try {
      announcements.recordPosting(
          Actors.require(), id, kind, location, Forms.dateTime("postedAt", postedAt, false));
      redirect.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Forms.flash(redirect, e);
      redirect.addFlashAttribute("typedLocation", location);
    }
    return "redirect:/staff/convenience/announcements/" + id;
  }

  @GetMapping("/staff/convenience/announcements/{id}/poster")
  String poster(@PathVariable long id, Model model) {
    return print(id, model, "convenience/print-poster");
  }

  @GetMapping("/staff/convenience/announcements/{id}/bulletin")
  String bulletin(@PathVariable long id, Model model) {
    return print(id, model, "convenience/print-bulletin");
  }

  private String print(long id, Model model, String view) {
    CurrentUser user = Actors.require();
    Announcement a = announcements.get(user, id);
    community(user, a.communityId(), model);
    model.addAttribute("a", a);
    return view;
  }

  @GetMapping("/staff/convenience/announcements/{id}/buildings/{buildingId}/flyers")
  String flyers(@PathVariable long id, @PathVariable long buildingId, Model model) {
    CurrentUser user = Actors.require();
    Announcement.FlyerSheet sheet = announcements.flyerSheet(user, id, buildingId);
    community(user, sheet.announcement().communityId(), model);
    model.addAttribute("sheet", sheet);
    model.addAttribute("a", sheet.announcement());
    return "convenience/print-flyers";
  }

  @GetMapping("/staff/convenience/announcements/{id}/buildings/{buildingId}")
  String deliveries(@PathVariable long id, @PathVariable long buildingId, Model model) {
    CurrentUser user = Actors.require();
    Announcement.FlyerSheet sheet = announcements.flyerSheet(user, id, buildingId);
    community(user, sheet.announcement().communityId(), model);
    model.addAttribute("sheet", sheet);
    model.addAttribute("methods", Announcement.DeliveryMethod.values());
    return "convenience/deliveries";
  }

  @PostMapping("/staff/convenience/announcements/{id}/buildings/{buildingId}")
  String tick(
      @PathVariable long id,
      @PathVariable long buildingId,
      @RequestParam(name = "unitIds", required = false) List<Long> unitIds,
      @RequestParam(required = false) Announcement.DeliveryMethod method,
      RedirectAttributes redirect) {
    try {
      announcements.tick(
          Actors.require(), id, buildingId, unitIds == null ? List.of() : unitIds, method);
      redirect.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      Forms.flash(redirect, e);
    }
    return "redirect:/staff/convenience/announcements/" + id + "/buildings/" + buildingId;
  }

  // ---- integrity cases (managers only)

  @GetMapping("/staff/convenience/integrity")
  String integrity(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = community(user, community, model);
    model.addAttribute("cases", cases.list(user, c.id()));
    return "convenience/integrity";
  }

  @GetMapping("/staff/convenience/integrity/{id}")
  String integrityCase(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    IntegrityCases.CaseView v = cases.get(user, id);
    community(user, v.integrityCase().communityId(), model);
    model.addAttribute("v", v);
    return "convenience/integrity-case";
  }

  @PostMapping("/staff/convenience/integrity/{id}/close")
  String closeCase(
      @PathVariable long id,
      @RequestParam(required = false) String outcome,
      RedirectAttributes redirect) {
    try {
      cases.close(Actors.require(), id, outcome);
      redirect.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND
          || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      Forms.flash(redirect, e);
    }
    return "redirect:/staff/convenience/integrity/" + id;
  }
}
