package com.wuye.center.billing;

import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in yuan with two decimals (fen). Typed amounts must be positive and have at most two
 * decimals: an over-precise amount is refused, never rounded silently. Computed amounts (rate ×
 * area, usage × price, pro-rating) are rounded HALF_UP to the fen.
 */
public final class Money {

  public static final BigDecimal ZERO = new BigDecimal("0.00");
  private static final BigDecimal MAX = new BigDecimal("9999999999.99");

  private Money() {}

  /** A typed amount: present, greater than 0, at most two decimals; returned with scale 2. */
  public static BigDecimal positive(String field, BigDecimal value) {
    BigDecimal v = nonNegative(field, value);
    if (v.signum() <= 0) {
      throw DomainException.invalid(field, "billing.error.amount.positive");
    }
    return v;
  }

  /** A typed amount that may be 0: present, not negative, at most two decimals; scale 2. */
  public static BigDecimal nonNegative(String field, BigDecimal value) {
    if (value == null) {
      throw DomainException.invalid(field, "error.required");
    }
    if (value.signum() < 0) {
      throw DomainException.invalid(field, "billing.error.amount.positive");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid(field, "billing.error.amount.precision");
    }
    if (value.compareTo(MAX) > 0) {
      throw DomainException.invalid(field, "billing.error.amount.tooLarge");
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A computed amount rounded to the fen (HALF_UP). */
  public static BigDecimal round(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  /** Parses a typed amount ("12.50"); a blank or non-number is refused on the field. */
  public static BigDecimal parse(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.trim().replace(",", "").replace("¥", ""));
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "error.field.number");
    }
  }

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
  private static final String[] UNITS = {"", "拾", "佰", "仟"};
  private static final String[] SECTIONS = {"", "万", "亿"};

  /** The amount in Chinese capitals as written on receipts: 壹佰贰拾叁元肆角伍分, 叁佰元整. */
  public static String chineseUpper(BigDecimal amount) {
    BigDecimal a = amount.setScale(2, RoundingMode.HALF_UP);
    String sign = a.signum() < 0 ? "负" : "";
    a = a.abs();
    long yuan = a.longValue();
    int fen = a.movePointRight(2).remainder(BigDecimal.valueOf(100)).intValue();
    StringBuilder sb = new StringBuilder(sign);
    if (yuan > 0) {
      sb.append(integerPart(yuan)).append('元');
    }
    int jiao = fen / 10;
    int f = fen % 10;
    if (jiao == 0 && f == 0) {
      sb.append(yuan == 0 ? "零元整" : "整");
    } else {
      if (jiao > 0) {
        sb.append(DIGITS.charAt(jiao)).append('角');
      } else if (yuan > 0) {
        sb.append('零');
      }
      if (f > 0) {
        sb.append(DIGITS.charAt(f)).append('分');
      } else {
        sb.append('整');
      }
    }
    return sb.toString();
  }

  private static String integerPart(long n) {
    StringBuilder out = new StringBuilder();
    int section = 0;
    boolean needZero = false;
    while (n > 0) {
      int part = (int) (n % 10000);
      StringBuilder s = new StringBuilder();
      if (part > 0) {
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
          int d = part % 10;
          part /= 10;
          if (d == 0) {
            zero = s.length() > 0;
          } else {
            if (zero) {
              s.insert(0, '零');
              zero = false;
            }
            s.insert(0, UNITS[i]).insert(0, DIGITS.charAt(d));
          }
        }
        s.append(SECTIONS[section]);
        if (needZero) {
          s.append('零');
        }
        out.insert(0, s);
        needZero = (n % 10000) < 1000;
      } else if (out.length() > 0) {
        needZero = true;
      }
      n /= 10000;
      section++;
    }
    String r = out.toString();
    return r.endsWith("零") ? r.substring(0, r.length() - 1) : r;
  }
}
