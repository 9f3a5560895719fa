package com.wuye.center.renovation.internal;

import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.NumberSeries;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The numbers an application is known by: its readable number ({@code ZS20270301-0001}, unique,
 * taken in its own short transaction) and its permit code (RN-8) — "P" and seven characters without
 * look-alikes (no 0/O, 1/I), random, so a code says nothing about the unit and cannot be guessed
 * from another permit.
 */
@Component
public class ApplicationNumbers {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private final SecureRandom random = new SecureRandom();
  private final ApplicationRepository repository;
  private final NumberSeries numbers;

  ApplicationNumbers(ApplicationRepository repository, NumberSeries numbers) {
    this.repository = repository;
    this.numbers = numbers;
  }

  public String number(LocalDate day) {
    return DocumentNumber.of(
        "ZS", day, numbers.nextUnique("renovation-" + DocumentNumber.day(day)));
  }

  public String permitCode() {
    for (int attempt = 0; attempt < 20; attempt++) {
      StringBuilder sb = new StringBuilder("P");
      for (int i = 0; i < 7; i++) {
        sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      if (!repository.permitCodeTaken(sb.toString())) {
        return sb.toString();
      }
    }
    throw new IllegalStateException("no free permit code found");
  }

  /**
   * A code as scanned or typed: trimmed, upper case; a scanned QR holds the check page's address,
   * whose {@code code=} parameter is the code.
   */
  public static String normalise(String raw) {
    String s = raw == null ? "" : raw.trim();
    int at = s.lastIndexOf("code=");
    if (at >= 0) {
      s = s.substring(at + 5);
      int amp = s.indexOf('&');
      s = amp < 0 ? s : s.substring(0, amp);
    }
    return s.toUpperCase(Locale.ROOT);
  }
}
