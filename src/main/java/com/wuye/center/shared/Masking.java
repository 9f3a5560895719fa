package com.wuye.center.shared;

import java.util.regex.Pattern;

/** Personal data shown in lists and logs is masked: 138****5678, 110***********1234. */
public final class Masking {

  /** A mainland mobile number standing alone (not inside a longer run of digits), +86 or not. */
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

  private Masking() {}

  /** The text with every mobile number in it masked ("kefu 13812345678" → "kefu 138****5678"). */
  public static String phonesIn(String text) {
    return text == null ? null : MOBILE.matcher(text).replaceAll("$1****$2");
  }

  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  public static String idNumber(String id) {
    if (id == null) {
      return null;
    }
    if (id.length() <= 7) {
      return "*".repeat(id.length());
    }
    return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
  }
}
