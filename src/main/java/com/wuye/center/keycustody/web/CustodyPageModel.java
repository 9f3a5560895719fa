package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every key custody page may show: the ID types of the forms, and the values typed before a
 * refusal ({@code typed}, filled by {@code FormSubmission}; empty on a first visit).
 */
@ControllerAdvice(
    assignableTypes = {
      EntrustmentPages.class,
      PickupPages.class,
      KeyPages.class,
      KeyCabinetPages.class,
      KeyCustodyPortalPages.class
    })
class CustodyPageModel {

  @ModelAttribute("idTypes")
  IdDocument.Type[] idTypes() {
    return IdDocument.Type.values();
  }

  /** Only called when no flash attribute of that name came with the request. */
  @ModelAttribute("typed")
  Map<String, Object> typed() {
    return Map.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> typed(Model model) {
    Object typed = model.getAttribute("typed");
    return typed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static String typed(Model model, String field) {
    Object value = typed(model).get(field);
    return value == null ? null : String.valueOf(value);
  }

  static void requireHandler(CurrentUser user) {
    user.require(KeyCustody.HANDLERS.toArray(Role[]::new));
  }

  static boolean canConfigure(CurrentUser user) {
    return user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
  }
}
