package com.wuye.center.messaging;

import com.wuye.center.shared.PhoneNumber;

/**
 * Who a message goes to: a resident, a staff member, or a caller known only by the name and phone
 * they left. Name and phone are filled in from the estate or staff records when not given.
 */
public record Recipient(Long residentId, Long staffId, String name, String phone) {

  public static Recipient resident(long residentId) {
    return new Recipient(residentId, null, null, null);
  }

  /** A resident whose name and phone the caller already has (e.g. from the occupancy). */
  public static Recipient resident(long residentId, String name, String phone) {
    return new Recipient(residentId, null, name, phone);
  }

  public static Recipient staff(long staffId) {
    return new Recipient(null, staffId, null, null);
  }

  /** A caller without a resident record: reached by SMS on the mobile they left, if it is one. */
  public static Recipient caller(String name, String phone) {
    return new Recipient(null, null, name, mobile(phone));
  }

  /** The mobile number, or null for anything else (a landline cannot get an SMS). */
  static String mobile(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    try {
      return new PhoneNumber(phone).value();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** How the message's idempotency key names the recipient. */
  String ref() {
    if (residentId != null) {
      return "r" + residentId;
    }
    return staffId != null ? "s" + staffId : "p" + phone;
  }

  /** Whether anyone can be reached at all. */
  boolean reachable() {
    return residentId != null || staffId != null || phone != null;
  }
}
