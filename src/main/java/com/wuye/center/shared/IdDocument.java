package com.wuye.center.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identity document: its type and number. A mainland resident ID (居民身份证) is 18 characters with a
 * valid ISO 7064 check digit; other types are 5–32 letters and digits.
 */
public record IdDocument(Type type, String number) {

  public enum Type {
    RESIDENT_ID,
    PASSPORT,
    HK_MACAO_PERMIT,
    TAIWAN_PERMIT,
    OTHER
  }

  private static final Pattern OTHER_FORMAT = Pattern.compile("^[A-Z0-9]{5,32}$");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  public IdDocument {
    if (type == null) {
      throw DomainException.invalid("idType", "error.id.type");
    }
    number = number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
    if (type == Type.RESIDENT_ID
        ? !validResidentId(number)
        : !OTHER_FORMAT.matcher(number).matches()) {
      throw DomainException.invalid("idNumber", "error.id.format");
    }
  }

  public static IdDocument of(String type, String number) {
    Type t;
    try {
      t = Type.valueOf(type == null ? "" : type.trim());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("idType", "error.id.type");
    }
    return new IdDocument(t, number);
  }

  static boolean validResidentId(String n) {
    if (!n.matches("^[0-9]{17}[0-9X]$")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (n.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11] == n.charAt(17);
  }

  /** Appends the check digit to 17 digits (demo data and tests). */
  public static String withCheckDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }

  public String masked() {
    return Masking.idNumber(number);
  }

  @Override
  public String toString() {
    return type + ":" + masked();
  }
}
