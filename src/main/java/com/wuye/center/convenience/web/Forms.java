package com.wuye.center.convenience.web;

import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turns typed text into values with a clear refusal, and refusals into form errors. */
final class Forms {

  private Forms() {}

  static LocalDateTime dateTime(String field, String text, boolean required) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw DomainException.invalid(field, "convenience.error.wantedRequired");
      }
      return null;
    }
    try {
      return LocalDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw DomainException.invalid(field, "error.field.format");
    }
  }

  static BigDecimal number(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  static Integer integer(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  /**
   * Puts the form (as typed) and the refusal into the model: next to the field when the form has
   * it, else at the top.
   */
  static void bind(
      Model model, String name, Object form, DomainException error, Set<String> fields) {
    model.addAttribute(name, form);
    BindingResult binding = new BeanPropertyBindingResult(form, name);
    if (error != null) {
      if (error.field() != null && fields.contains(error.field())) {
        binding.rejectValue(error.field(), error.messageKey(), error.args(), error.messageKey());
      } else {
        binding.reject(error.messageKey(), error.args(), error.messageKey());
      }
    }
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, binding);
  }

  /** A refused action on a page: the message shown after the redirect. */
  static void flash(RedirectAttributes redirect, DomainException e) {
    redirect.addFlashAttribute("errorKey", e.messageKey());
    redirect.addFlashAttribute(
        "errorArgs", Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new));
    redirect.addFlashAttribute("errorField", e.field());
  }
}
