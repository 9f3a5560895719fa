package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import java.util.regex.Pattern;

/**
 * The number to call back: a mainland mobile (13812345678), a landline with its area code
 * (0571-88886666) or a local number (88886666). Spaces are dropped; shown masked in lists.
 */
public record ContactPhone(String value) {

  private static final Pattern MOBILE = Pattern.compile("^1[3-9][0-9]{9}$");
  private static final Pattern LANDLINE = Pattern.compile("^0[0-9]{2,3}-?[0-9]{7,8}$");
  private static final Pattern LOCAL = Pattern.compile("^[0-9]{7,8}$");

  public ContactPhone {
    value = value == null ? "" : value.replaceAll("\\s", "");
    if (value.isEmpty()) {
      throw DomainException.invalid("contactPhone", "emergency.error.phoneRequired");
    }
    if (!MOBILE.matcher(value).matches()
        && !LANDLINE.matcher(value).matches()
        && !LOCAL.matcher(value).matches()) {
      throw DomainException.invalid("contactPhone", "emergency.error.phoneFormat");
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
