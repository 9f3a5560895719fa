package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Codes typed or posted ("hospital", "HOSPITAL ") read as enum values, naming the field at fault.
 */
final class EnumInput {

  private EnumInput() {}

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** A required value; blank is refused with the key, an unknown code as a format error. */
  static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String blankKey) {
    if (blank(raw)) {
      throw DomainException.invalid(field, blankKey);
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "error.field.format");
    }
  }

  /** The checklist items ticked, once each; blanks ignored. */
  static <E extends Enum<E>> List<E> parseAll(Class<E> type, Collection<String> raw) {
    if (raw == null) {
      return List.of();
    }
    return raw.stream()
        .filter(Objects::nonNull)
        .filter(s -> !s.isBlank())
        .map(s -> parse(type, s, "items", "error.field.format"))
        .distinct()
        .toList();
  }
}
