package com.wuye.center.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * What a browser sends as an image, checked by its bytes, never by its name: photos (JPEG, PNG or
 * WebP, at most 5 MB), on-screen signatures (the PNG data URL of {@code static/js/signature.js}:
 * really a PNG, small, with a drawn stroke) and scanned signed forms (PNG, JPEG or PDF). The pixel
 * size of a PNG is read from its header and refused before anything is decoded, so a small file
 * that would unpack to hundreds of megabytes (a decompression bomb) costs nothing.
 */
public final class Images {

  public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
  public static final int MAX_PHOTOS = 4;
  public static final int MAX_SIGNATURE_BYTES = 300 * 1024;
  public static final int MAX_SCAN_BYTES = 5_000_000;

  /** The largest side of a signature image in pixels (the pad is about 600×200). */
  public static final int MAX_SIGNATURE_SIDE = 2000;

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

  /** The content type of a photo, from its first bytes; refuses anything else. */
  public static String photoType(String field, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid(field, "error.photo.empty");
    }
    if (bytes.length > MAX_PHOTO_BYTES) {
      throw DomainException.invalid(field, "error.photo.tooLarge", MAX_PHOTO_BYTES / 1024 / 1024);
    }
    String type = sniff(bytes);
    if (type == null) {
      throw DomainException.invalid(field, "error.photo.type");
    }
    return type;
  }

  /** JPEG, PNG or WebP by magic bytes; null for anything else. */
  public static String sniff(byte[] b) {
    if (startsWith(b, JPEG)) {
      return "image/jpeg";
    }
    if (startsWith(b, PNG)) {
      return "image/png";
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  /**
   * The PNG bytes of an on-screen signature (a {@code data:image/png;base64,…} URL or plain
   * base64); refused if missing, not a PNG, too large in bytes or pixels, or blank.
   */
  public static byte[] signature(String field, String dataUrl) {
    if (!present(dataUrl)) {
      throw DomainException.invalid(field, "error.signature.required");
    }
    String s = dataUrl.trim();
    if (s.startsWith("data:")) {
      int comma = s.indexOf(',');
      if (comma < 0 || !s.substring(0, comma).equalsIgnoreCase("data:image/png;base64")) {
        throw DomainException.invalid(field, "error.signature.format");
      }
      s = s.substring(comma + 1);
    }
    byte[] png = base64(field, s, MAX_SIGNATURE_BYTES, "error.signature.format");
    if (!startsWith(png, PNG)) {
      throw DomainException.invalid(field, "error.signature.format");
    }
    int[] size = pngSize(png);
    if (size == null) {
      throw DomainException.invalid(field, "error.signature.format");
    }
    if (size[0] > MAX_SIGNATURE_SIDE || size[1] > MAX_SIGNATURE_SIDE) {
      throw DomainException.invalid(field, "error.image.tooLarge", MAX_SIGNATURE_SIDE);
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null || image.getWidth() < 1) {
      throw DomainException.invalid(field, "error.signature.format");
    }
    if (!hasInk(image)) {
      throw DomainException.invalid(field, "error.signature.required");
    }
    return png;
  }

  /** A scanned signed form sent as a data URL (PNG, JPEG or PDF). */
  public static Document scan(String field, String dataUrl) {
    if (!present(dataUrl)) {
      throw DomainException.invalid(field, "error.signature.required");
    }
    String s = dataUrl.trim();
    int comma = s.indexOf(',');
    String head = comma < 0 ? "" : s.substring(0, comma).toLowerCase(Locale.ROOT);
    if (!head.startsWith("data:") || !head.endsWith(";base64")) {
      throw DomainException.invalid(field, "error.scan.format");
    }
    return scan(field, base64(field, s.substring(comma + 1), MAX_SCAN_BYTES, "error.scan.format"));
  }

  /** A scanned signed form uploaded as a file (PNG, JPEG or PDF). */
  public static Document scan(String field, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid(field, "error.signature.required");
    }
    if (bytes.length > MAX_SCAN_BYTES) {
      throw DomainException.invalid(field, "error.scan.tooLarge", MAX_SCAN_BYTES / 1_000_000);
    }
    String type =
        startsWith(bytes, PNG)
            ? "image/png"
            : startsWith(bytes, JPEG)
                ? "image/jpeg"
                : startsWith(bytes, PDF) ? "application/pdf" : null;
    if (type == null) {
      throw DomainException.invalid(field, "error.scan.format");
    }
    return new Document(bytes, type);
  }

  /** Width and height from a PNG's IHDR chunk, without decoding; null if the header is broken. */
  public static int[] pngSize(byte[] png) {
    // signature (8) + chunk length (4) + "IHDR" (4) + width (4) + height (4)
    if (png.length < 24 || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
      return null;
    }
    long w = readInt(png, 16);
    long h = readInt(png, 20);
    if (w < 1 || h < 1) {
      return null;
    }
    return new int[] {(int) Math.min(w, Integer.MAX_VALUE), (int) Math.min(h, Integer.MAX_VALUE)};
  }

  private static long readInt(byte[] b, int at) {
    return ((long) (b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static byte[] base64(String field, String body, int maxBytes, String badKey) {
    // base64 is 4/3 of the bytes: refuse before decoding anything huge
    if ((long) body.length() * 3 / 4 > maxBytes + 3) {
      throw DomainException.invalid(field, badKey);
    }
    try {
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, badKey);
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
    return bytes != null
        && bytes.length >= magic.length
        && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }
}
