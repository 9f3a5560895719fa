package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSourceResolvable;
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
  private static final Set<String> NEVER_KEPT = Set.of("_csrf", "code");

  /**
   * Parts of field names whose values are never kept: secrets. (Typed ID numbers are kept for the
   * one redirect so a clerk need not retype them; the flash lives in the server-side session only
   * until the next request and is never rendered outside the form it came from.)
   */
  private static final java.util.List<String> NEVER_KEPT_PARTS =
      java.util.List.of("signature", "password", "token");

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
        "errorArgs", Arrays.stream(e.args()).map(FormSubmission::shownArg).toArray());
    redirect.addFlashAttribute("errorField", e.field());
    redirect.addFlashAttribute("typed", typedValues(typed));
  }

  /**
   * An argument as the page reads it: one that names itself in the messages (an enum such as a step
   * or a choice) stays itself, so the page shows its name in the user's language; any other becomes
   * its text.
   */
  private static Object shownArg(Object arg) {
    return arg instanceof MessageSourceResolvable && arg instanceof Serializable
        ? arg
        : String.valueOf(arg);
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
      String key = ge == null ? "error.field.format" : messageKeyOf(ge);
      return DomainException.invalid(null, key);
    }
    return fromBindingError(fe, binding);
  }

  /** One binding error as a refusal naming its field. */
  static DomainException fromBindingError(FieldError fe, BindingResult binding) {
    if (fe.getCodes() != null && Arrays.asList(fe.getCodes()).contains("error.controlCharacter")) {
      return DomainException.invalid(fe.getField(), "error.controlCharacter");
    }
    if (fe.isBindingFailure()) {
      var problem = InputProblems.typeProblem(fe.getField(), binding.getFieldType(fe.getField()));
      return DomainException.invalid(fe.getField(), problem.messageKey(), problem.args());
    }
    return DomainException.invalid(fe.getField(), messageKeyOf(fe), constraintArgs(fe));
  }

  /**
   * The message key of a validation error: the constraint's message template ({@code
   * {error.required}}) rather than its interpolated text, so the page translates it in the user's
   * language; else one by the constraint's kind.
   */
  static String messageKeyOf(MessageSourceResolvable e) {
    String template = e.getDefaultMessage();
    if (e instanceof org.springframework.validation.ObjectError oe
        && oe.contains(jakarta.validation.ConstraintViolation.class)) {
      template = oe.unwrap(jakarta.validation.ConstraintViolation.class).getMessageTemplate();
    }
    if (template != null && template.startsWith("{") && template.endsWith("}")) {
      return template.substring(1, template.length() - 1);
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
          accessor.setAccessible(true); // form records may be package-private
          keep(out, c.getName(), accessor.invoke(typed));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("form record " + typed.getClass() + " not readable", e);
        }
      }
    }
    return out;
  }

  private static void keep(Map<String, Object> out, String name, Object value) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (NEVER_KEPT.contains(name)
        || NEVER_KEPT_PARTS.stream().anyMatch(lower::contains)
        || value instanceof MultipartFile) {
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
