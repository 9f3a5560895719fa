package com.wuye.center.shared;

/**
 * Typed text as the domain accepts it: trimmed, within its length, free of control characters (a
 * NUL byte or an escape sequence is never stored), naming the field at fault when refused. Line
 * breaks and tabs are allowed in multi-line text.
 */
public final class Text {

  private Text() {}

  /** A required value; blank is refused with {@code error.required}. */
  public static String required(String field, String value, int max) {
    return required(field, value, max, "error.required");
  }

  /** A required value; blank is refused with the given message key. */
  public static String required(String field, String value, int max, String blankKey) {
    String v = optional(field, value, max);
    if (v == null) {
      throw DomainException.invalid(field, blankKey);
    }
    return v;
  }

  /** An optional value: blank becomes null. */
  public static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    refuseControlCharacters(field, v);
    return v;
  }

  /** Refuses a control character other than a line break or a tab. */
  public static void refuseControlCharacters(String field, String value) {
    if (value != null && firstControlCharacter(value) >= 0) {
      throw DomainException.invalid(field, "error.controlCharacter");
    }
  }

  /** The index of the first control character other than CR, LF and TAB, or -1. */
  public static int firstControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t')
          || (c >= 0x7f && c <= 0x9f)
          || c == '\u2028'
          || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }
}
