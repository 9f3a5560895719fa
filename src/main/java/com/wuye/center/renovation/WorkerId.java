package com.wuye.center.renovation;

import com.wuye.center.shared.IdDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A worker's ID document as renovation keeps it (RN-9): its type, a keyed fingerprint of type and
 * number (for the guards' match at the gate) and the masked number (for display). The whole number
 * is never stored.
 */
public record WorkerId(IdDocument.Type type, String hash, String masked) {

  public WorkerId {
    if (type == null || hash == null || hash.length() != 64 || masked == null) {
      throw new IllegalArgumentException("incomplete worker ID");
    }
  }

  /** Same type and number (compared in constant time). */
  public boolean matches(WorkerId other) {
    return other != null
        && MessageDigest.isEqual(
            hash.getBytes(StandardCharsets.US_ASCII),
            other.hash.getBytes(StandardCharsets.US_ASCII));
  }
}
