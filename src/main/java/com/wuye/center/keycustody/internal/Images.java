package com.wuye.center.keycustody.internal;

import com.wuye.center.shared.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Checks what a browser sends as proof: an on-screen signature (a PNG data URL from
 * static/js/signature.js: really a PNG, not too large, not blank) or a scanned signed paper form
 * (PNG, JPEG or PDF).
 */
public final class Images {

  public static final int MAX_SIGNATURE_BYTES = 300_000;
  public static final int MAX_SCAN_BYTES = 5_000_000;
  private static final int MAX_SIDE = 3000;
  private static final int MIN_INK_PIXELS = 30;
  private static final int MIN_INK_EXTENT = 15;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

  private Images() {}

  /** A file and its content type, as detected from its first bytes. */
  public record Document(byte[] bytes, String contentType) {}

  public static boolean present(String dataUrl) {
    return dataUrl != null && !dataUrl.isBlank();
  }

  /** The PNG bytes of an on-screen signature; refused if missing, not a PNG, too large or blank. */
  public static byte[] signature(String field, String dataUrl) {
    if (!present(dataUrl)) {
      throw DomainException.invalid(field, "keycustody.error.signatureMissing");
    }
    byte[] png =
        decode(
            field, dataUrl, "image/png", MAX_SIGNATURE_BYTES, "keycustody.error.signatureTooLarge");
    if (!startsWith(png, PNG)) {
      throw DomainException.invalid(field, "keycustody.error.signatureFormat");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null
        || image.getWidth() > MAX_SIDE
        || image.getHeight() > MAX_SIDE
        || image.getWidth() < 1) {
      throw DomainException.invalid(field, "keycustody.error.signatureFormat");
    }
    if (!hasInk(image)) {
      throw DomainException.invalid(field, "keycustody.error.signatureBlank");
    }
    return png;
  }

  /** A scanned signed form sent as a data URL (PNG, JPEG or PDF). */
  public static Document scan(String field, String dataUrl) {
    if (!present(dataUrl)) {
      throw DomainException.invalid(field, "keycustody.error.signatureMissing");
    }
    return scan(
        field, decode(field, dataUrl, null, MAX_SCAN_BYTES, "keycustody.error.scanTooLarge"));
  }

  /** A scanned signed form uploaded as a file (PNG, JPEG or PDF). */
  public static Document scan(String field, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid(field, "keycustody.error.signatureMissing");
    }
    if (bytes.length > MAX_SCAN_BYTES) {
      throw DomainException.invalid(field, "keycustody.error.scanTooLarge");
    }
    String type =
        startsWith(bytes, PNG)
            ? "image/png"
            : startsWith(bytes, JPEG)
                ? "image/jpeg"
                : startsWith(bytes, PDF) ? "application/pdf" : null;
    if (type == null) {
      throw DomainException.invalid(field, "keycustody.error.scanFormat");
    }
    return new Document(bytes, type);
  }

  private static byte[] decode(
      String field, String dataUrl, String requiredType, int maxBytes, String tooLargeKey) {
    String s = dataUrl.trim();
    int comma = s.indexOf(',');
    String head = comma < 0 ? "" : s.substring(0, comma).toLowerCase(Locale.ROOT);
    if (!head.startsWith("data:")
        || !head.endsWith(";base64")
        || (requiredType != null && !head.equals("data:" + requiredType + ";base64"))) {
      throw DomainException.invalid(
          field,
          requiredType == null
              ? "keycustody.error.scanFormat"
              : "keycustody.error.signatureFormat");
    }
    String body = s.substring(comma + 1);
    // base64 is 4/3 of the bytes: refuse before decoding anything huge
    if ((long) body.length() * 3 / 4 > maxBytes) {
      throw DomainException.invalid(field, tooLargeKey);
    }
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(
          field,
          requiredType == null
              ? "keycustody.error.scanFormat"
              : "keycustody.error.signatureFormat");
    }
  }

  /** Enough dark, opaque pixels spread over some distance: a stroke, not an empty pad or a dot. */
  static boolean hasInk(BufferedImage image) {
    int count = 0;
    int minX = Integer.MAX_VALUE;
    int maxX = -1;
    int minY = Integer.MAX_VALUE;
    int maxY = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int argb = image.getRGB(x, y);
        int a = argb >>> 24;
        int lum = (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3;
        if (a >= 128 && lum < 160) {
          count++;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    return count >= MIN_INK_PIXELS && Math.max(maxX - minX, maxY - minY) >= MIN_INK_EXTENT;
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }
}
