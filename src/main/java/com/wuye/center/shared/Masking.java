package com.wuye.center.shared;

/** Personal data shown in lists and logs is masked: 138****5678, 110***********1234. */
public final class Masking {

  private Masking() {}

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
