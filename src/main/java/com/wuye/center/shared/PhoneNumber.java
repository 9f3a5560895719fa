package com.wuye.center.shared;

import java.util.regex.Pattern;

/** A mainland mobile number: 11 digits starting 13–19. */
public record PhoneNumber(String value) {

  private static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");

  public PhoneNumber {
    value = value == null ? "" : value.replaceAll("[\\s-]", "");
    if (!MOBILE.matcher(value).matches()) {
      throw DomainException.invalid("phone", "error.phone.format");
    }
  }

  /** Validates a phone typed into the given field. */
  public static PhoneNumber of(String field, String raw) {
    try {
      return new PhoneNumber(raw);
    } catch (DomainException e) {
      throw DomainException.invalid(field, "error.phone.format");
    }
  }

  public String masked() {
    return Masking.phone(value);
  }

  @Override
  public String toString() {
    return masked();
  }
}
