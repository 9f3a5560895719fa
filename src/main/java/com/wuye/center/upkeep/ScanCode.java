package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * PT-1: what a QR label encodes — a code, never an internal id: {@code E} (equipment) or {@code C}
 * (checkpoint) and six characters without look-alikes (no 0/O, 1/I). Random, so a code says nothing
 * about the community or the record and cannot be guessed from another label. A typed code is
 * accepted in lower case and with spaces around it.
 */
public record ScanCode(String value) {

  static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final Pattern FORMAT = Pattern.compile("^[EC][2-9A-HJ-NP-Z]{6}$");

  /** What a code labels. */
  public enum Kind {
    EQUIPMENT('E'),
    CHECKPOINT('C');

    private final char prefix;

    Kind(char prefix) {
      this.prefix = prefix;
    }

    public char prefix() {
      return prefix;
    }
  }

  public ScanCode {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw DomainException.invalid("code", "upkeep.error.codeFormat", value == null ? "" : value);
    }
  }

  /** A code as scanned or typed: trimmed, upper case, then checked. */
  public static ScanCode parse(String raw) {
    String v = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    if (v.isEmpty()) {
      throw DomainException.invalid("code", "upkeep.error.codeRequired");
    }
    if (v.length() > 20) {
      v = v.substring(0, 20);
    }
    return new ScanCode(v);
  }

  /** A new random code of the kind. */
  public static ScanCode random(Kind kind, RandomGenerator random) {
    StringBuilder sb = new StringBuilder().append(kind.prefix());
    for (int i = 0; i < 6; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return new ScanCode(sb.toString());
  }

  public Kind kind() {
    return value.charAt(0) == 'E' ? Kind.EQUIPMENT : Kind.CHECKPOINT;
  }

  @Override
  public String toString() {
    return value;
  }
}
