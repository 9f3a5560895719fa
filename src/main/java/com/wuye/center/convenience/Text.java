package com.wuye.center.convenience;

import com.wuye.center.shared.DomainException;

/** Trimming and length checks of typed text, naming the field at fault. */
final class Text {

  private Text() {}

  static String required(String field, String value, int max) {
    String v = optional(field, value, max);
    if (v == null) {
      throw DomainException.invalid(field, "error.required");
    }
    return v;
  }

  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return v;
  }
}
