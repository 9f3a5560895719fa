package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.estate.Estate;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The community a staff page is about, and what the page's tabs need to know of the user. */
@Component
class StaffCommunity {

  private final CatalogService catalog;

  StaffCommunity(CatalogService catalog) {
    this.catalog = catalog;
  }

  /** The one asked for, else the first the user serves. */
  Estate.Community choose(CurrentUser user, Long requested, Model model) {
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

  /** What the form shows: the values typed before a refusal, else the given defaults. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> typed(Model model, Map<String, Object> defaults) {
    Object typed = model.getAttribute("typed");
    Map<String, Object> shown = new LinkedHashMap<>();
    if (typed instanceof Map<?, ?> m && !m.isEmpty()) {
      shown.putAll((Map<String, Object>) m);
    } else {
      shown.putAll(defaults);
    }
    return shown;
  }
}
