package com.wuye.center.staff.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation of a typed login name. Authentication looks the account up by it, failed
 * logins are counted under it and codes are redeemed by it, so {@code "kefu "}, {@code " KEFU"} and
 * a full-width {@code "ｋｅｆｕ"} are all the account {@code kefu} everywhere (usernames are stored as
 * typed when created, ASCII only, and matched by {@code lower(username)}).
 */
public final class LoginName {

  private LoginName() {}

  /** NFKC (full-width letters and digits become ASCII), surrounding space removed, lower case. */
  public static String normalise(String typed) {
    if (typed == null) {
      return "";
    }
    return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }
}
