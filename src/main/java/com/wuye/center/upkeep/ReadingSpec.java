package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * PT-4: what is read at a checkpoint — its kind, label, unit and allowed range (a lower bound, an
 * upper bound, or both) — and how a typed value is read: a number (full-width digits from a Chinese
 * keyboard are accepted), at most three decimals; anything else is refused naming the reading.
 *
 * @param id null until stored
 * @param position 1…10, the order on the checkpoint's form
 */
public record ReadingSpec(
    Long id,
    int position,
    ReadingKind kind,
    String label,
    String unit,
    BigDecimal min,
    BigDecimal max) {

  static final int MAX_SPECS = 10;
  private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d{1,9}(\\.\\d{1,3})?$");
  private static final BigDecimal LIMIT = new BigDecimal("999999999");

  public ReadingSpec {
    String field = "specs[" + (position - 1) + "]";
    if (position < 1 || position > MAX_SPECS) {
      throw DomainException.invalid(field, "upkeep.error.specCount", MAX_SPECS);
    }
    if (kind == null) {
      throw DomainException.invalid(field + ".kind", "upkeep.error.specKind");
    }
    label = Text.required(field + ".label", label, 40);
    unit = Text.required(field + ".unit", unit, 15);
    if (min == null && max == null) {
      throw DomainException.invalid(field + ".min", "upkeep.error.specRange", label);
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw DomainException.invalid(field + ".max", "upkeep.error.specMinMax", label);
    }
    if (outOfLimits(min) || outOfLimits(max)) {
      throw DomainException.invalid(field + ".max", "upkeep.error.specLimits", label);
    }
  }

  /** Within the allowed range (bounds included). */
  public boolean inRange(BigDecimal value) {
    return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
  }

  /**
   * A typed value as a number, or a refusal naming {@code field} and this reading: blank ("须填写"),
   * not a number ("须为数字").
   */
  public BigDecimal parse(String field, String typed) {
    if (typed == null || typed.isBlank()) {
      throw DomainException.invalid(field, "upkeep.error.readingRequired", label, unit);
    }
    String v = halfWidth(typed.strip());
    if (!NUMBER.matcher(v).matches()) {
      throw DomainException.invalid(
          field, "upkeep.error.readingNumber", label, unit, typed.strip());
    }
    return new BigDecimal(v);
  }

  /** "0.20 – 0.60 MPa", "≤ 60 ℃", "≥ 0.3 MPa": the range as a person reads it. */
  public String range() {
    if (min != null && max != null) {
      return min.stripTrailingZeros().toPlainString()
          + " – "
          + max.stripTrailingZeros().toPlainString()
          + " "
          + unit;
    }
    return (min != null
            ? "≥ " + min.stripTrailingZeros().toPlainString()
            : "≤ " + max.stripTrailingZeros().toPlainString())
        + " "
        + unit;
  }

  private static boolean outOfLimits(BigDecimal v) {
    return v != null && (v.abs().compareTo(LIMIT) > 0 || v.scale() > 3);
  }

  /** Full-width digits, point and signs (０-９ ． ＋ －) as ASCII. */
  private static String halfWidth(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c >= '０' && c <= '９') {
        sb.append((char) (c - '０' + '0'));
      } else if (c == '．' || c == '。') {
        sb.append('.');
      } else if (c == '－') {
        sb.append('-');
      } else if (c == '＋') {
        sb.append('+');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
