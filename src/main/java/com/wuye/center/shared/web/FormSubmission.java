package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page form ends: a POST handler binds a {@code @Valid} form record and hands it here
 * with the action. Bad input (a binding or bean-validation error) and a refused {@link
 * DomainException} both go back to the form with the message, the field at fault and what was typed
 * (never a signature or a password); success redirects to where the action says, with a "saved"
 * message. The page shows both with {@code fragments/alerts :: alerts}.
 *
 * <pre>{@code
 * @PostMapping("/staff/repairs/new")
 * String report(@Valid NewRepairForm form, BindingResult binding, RedirectAttributes redirect) {
 *   return FormSubmission.of(binding, redirect, form)
 *       .onRefusal("/staff/repairs/new")
 *       .run(() -> "/staff/repairs/" + intake.report(Actors.require(), form.command()).id());
 * }
 * }</pre>
 */
public final class FormSubmission {

  /** Typed values never sent back to the page. */
  private static final Set<String> NEVER_KEPT =
      Set.of("signature", "password", "newPassword", "currentPassword", "code", "_csrf");

  private final BindingResult binding;
  private final RedirectAttributes redirect;
  private final Object form;
  private String refusalPath;
  private String savedKey = "form.saved";
  private Object[] savedArgs = new Object[0];

  private FormSubmission(BindingResult binding, RedirectAttributes redirect, Object form) {
    this.binding = binding;
    this.redirect = redirect;
    this.form = form;
  }

  /**
   * @param binding the binding result of the form (may be null when the handler binds nothing)
   * @param form the bound form record, or a map of typed values, kept for the page on refusal
   */
  public static FormSubmission of(BindingResult binding, RedirectAttributes redirect, Object form) {
    return new FormSubmission(binding, redirect, form);
  }

  /** A handler without a form body (a button): only refusals of the action. */
  public static FormSubmission of(RedirectAttributes redirect) {
    return new FormSubmission(null, redirect, null);
  }

  /** Where a refusal goes (the form's page); without it, the success path is used. */
  public FormSubmission onRefusal(String path) {
    this.refusalPath = path;
    return this;
  }

  /** The message shown after success (default "已保存"). */
  public FormSubmission saved(String key, Object... args) {
    this.savedKey = key;
    this.savedArgs = args;
    return this;
  }

  /**
   * Runs the action unless the input is already refused.
   *
   * @param action returns the path to redirect to after success
   * @return the view name: a redirect to the success path, or to the refusal path with the message
   */
  public String run(Supplier<String> action) {
    if (binding != null && binding.hasErrors()) {
      return refuse(fromBinding(binding), refusalPath);
    }
    String next;
    try {
      next = action.get();
    } catch (DomainException e) {
      return refuse(e, refusalPath);
    }
    if (savedKey != null) {
      saved(redirect, savedKey, savedArgs);
    }
    return "redirect:" + next;
  }

  /** Runs an action whose success and refusal both stay on one page. */
  public String run(String path, Runnable action) {
    if (refusalPath == null) {
      refusalPath = path;
    }
    return run(
        () -> {
          action.run();
          return path;
        });
  }

  private String refuse(DomainException e, String path) {
    refused(redirect, e, form);
    if (path == null) {
      throw e;
    }
    return "redirect:" + path;
  }

  /** Shows a refusal on the next page, with the typed values kept. */
  public static void refused(RedirectAttributes redirect, DomainException e, Object typed) {
    redirect.addFlashAttribute("errorKey", e.messageKey());
    redirect.addFlashAttribute(
        "errorArgs", Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new));
    redirect.addFlashAttribute("errorField", e.field());
    redirect.addFlashAttribute("typed", typedValues(typed));
  }

  /** Shows a success message on the next page. */
  public static void saved(RedirectAttributes redirect, String key, Object... args) {
    redirect.addFlashAttribute("saved", true);
    redirect.addFlashAttribute("savedKey", key);
    redirect.addFlashAttribute(
        "savedArgs", Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
  }

  /**
   * The first binding error as a refusal naming its field: a value of the wrong type ("abc" for a
   * number, "2026-13-01" for a date) or a bean-validation message key ({@code
   * message="{error.required}"}).
   */
  public static DomainException fromBinding(BindingResult binding) {
    FieldError fe = binding.getFieldError();
    if (fe == null) {
      var ge = binding.getGlobalError();
      String key = ge == null ? "error.field.format" : messageKey(ge.getDefaultMessage(), ge);
      return DomainException.invalid(null, key);
    }
    if (fe.isBindingFailure()) {
      Class<?> type = binding.getFieldType(fe.getField());
      return DomainException.invalid(fe.getField(), typeMessage(type));
    }
    return DomainException.invalid(
        fe.getField(), messageKey(fe.getDefaultMessage(), fe), constraintArgs(fe));
  }

  private static String messageKey(
      String defaultMessage, org.springframework.validation.ObjectError e) {
    if (defaultMessage != null && defaultMessage.startsWith("{") && defaultMessage.endsWith("}")) {
      return defaultMessage.substring(1, defaultMessage.length() - 1);
    }
    String[] codes = e.getCodes();
    String code = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
    return switch (code) {
      case "NotNull", "NotBlank", "NotEmpty" -> "error.required";
      case "Size", "Length" -> "error.tooLong";
      case "Positive", "PositiveOrZero", "Min", "Max", "DecimalMin", "DecimalMax", "Digits" ->
          "error.field.number";
      case "Future", "FutureOrPresent", "Past", "PastOrPresent" -> "error.field.date";
      default -> "error.field.format";
    };
  }

  private static Object[] constraintArgs(FieldError fe) {
    // @Size(max = n): the limit is the last constraint argument ({max}); others take none
    String[] codes = fe.getCodes();
    String code = codes == null || codes.length == 0 ? "" : codes[codes.length - 1];
    Object[] args = fe.getArguments();
    if (("Size".equals(code) || "Length".equals(code)) && args != null && args.length >= 2) {
      return new Object[] {args[1]};
    }
    return new Object[0];
  }

  static String typeMessage(Class<?> type) {
    if (type == null) {
      return "error.field.format";
    }
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return "error.field.number";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return type == java.time.LocalDate.class ? "error.field.date" : "error.field.dateTime";
    }
    return "error.field.format";
  }

  /** The typed values of a form record (or map), for refilling the form after a refusal. */
  static Map<String, Object> typedValues(Object typed) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (typed == null) {
      return out;
    }
    if (typed instanceof Map<?, ?> map) {
      map.forEach((k, v) -> keep(out, String.valueOf(k), v));
    } else if (typed.getClass().isRecord()) {
      for (RecordComponent c : typed.getClass().getRecordComponents()) {
        try {
          var accessor = c.getAccessor();
          accessor.setAccessible(true); // form records are package-private in their controllers
          keep(out, c.getName(), accessor.invoke(typed));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("form record " + typed.getClass() + " not readable", e);
        }
      }
    }
    return out;
  }

  private static void keep(Map<String, Object> out, String name, Object value) {
    if (NEVER_KEPT.contains(name) || value instanceof MultipartFile) {
      return;
    }
    if (value instanceof Collection<?> c && c.stream().anyMatch(MultipartFile.class::isInstance)) {
      return;
    }
    out.put(
        name,
        value == null ? null : value instanceof Collection<?> ? value : String.valueOf(value));
  }
}
