package com.wuye.center.keycustody.internal;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Codes printed on key tags: "K" and six characters without look-alikes (no 0/O, 1/I). Random, so a
 * code says nothing about the unit and cannot be guessed from another tag.
 */
@Component
public class TagCodes {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private final SecureRandom random = new SecureRandom();
  private final CustodyRepository repository;

  TagCodes(CustodyRepository repository) {
    this.repository = repository;
  }

  public String next() {
    for (int attempt = 0; attempt < 20; attempt++) {
      StringBuilder sb = new StringBuilder("K");
      for (int i = 0; i < 6; i++) {
        sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      if (!repository.codeTaken(sb.toString())) {
        return sb.toString();
      }
    }
    throw new IllegalStateException("no free tag code found");
  }

  /** A code as scanned or typed: trimmed, upper case. */
  public static String normalise(String raw) {
    return raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
