package com.wuye.center.keycustody;

import com.wuye.center.shared.IdDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * An ID document as key custody keeps it: its type, a keyed fingerprint of type and number (for
 * matching) and the masked number (for display). The whole number is never stored.
 */
public record IdFingerprint(IdDocument.Type type, String hash, String masked) {

  public IdFingerprint {
    if (type == null || hash == null || hash.length() != 64 || masked == null) {
      throw new IllegalArgumentException("incomplete ID fingerprint");
    }
  }

  /** Same type and number (compared in constant time). */
  public boolean matches(IdFingerprint other) {
    return other != null
        && MessageDigest.isEqual(
            hash.getBytes(StandardCharsets.US_ASCII),
            other.hash.getBytes(StandardCharsets.US_ASCII));
  }
}
