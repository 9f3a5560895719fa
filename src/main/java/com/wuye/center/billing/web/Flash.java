package com.wuye.center.billing.web;

import com.wuye.center.shared.DomainException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A refused form comes back with the message, the field at fault and what was typed. */
final class Flash {

  private Flash() {}

  static void error(RedirectAttributes redirect, DomainException e, Map<String, ?> typed) {
    redirect.addFlashAttribute("errorKey", e.messageKey());
    redirect.addFlashAttribute(
        "errorArgs", Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new));
    redirect.addFlashAttribute("errorField", e.field());
    redirect.addFlashAttribute("typed", typed);
  }

  static void saved(RedirectAttributes redirect, String key, Object... args) {
    redirect.addFlashAttribute("savedKey", key);
    redirect.addFlashAttribute(
        "savedArgs", Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
  }
}
