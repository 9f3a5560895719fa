package com.wuye.center.repair.internal;

import com.wuye.center.shared.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Photos and signatures are checked by their bytes, never by their file name: JPEG, PNG or WebP,
 * not empty, at most 5 MB; a signature is a PNG with at least one drawn stroke.
 */
public final class Images {

  public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
  public static final int MAX_PHOTOS = 4;
  public static final int MAX_SIGNATURE_BYTES = 300 * 1024;

  private Images() {}

  /** The content type of a photo, from its first bytes; refuses anything else. */
  public static String photoType(String field, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid(field, "repair.error.photoEmpty");
    }
    if (bytes.length > MAX_PHOTO_BYTES) {
      throw DomainException.invalid(field, "repair.error.photoTooLarge", 5);
    }
    String type = sniff(bytes);
    if (type == null) {
      throw DomainException.invalid(field, "repair.error.photoType");
    }
    return type;
  }

  static String sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (isPng(b)) {
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

  static boolean isPng(byte[] b) {
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A signature drawn on the signature pad: a PNG data URL (or plain base64) whose image has at
   * least a few drawn pixels. Returns the PNG bytes.
   */
  public static byte[] signature(String field, String dataUrl) {
    if (dataUrl == null || dataUrl.isBlank()) {
      throw DomainException.invalid(field, "repair.error.signatureRequired");
    }
    String b64 = dataUrl.trim();
    int comma = b64.indexOf(',');
    if (b64.startsWith("data:")) {
      if (comma < 0 || !b64.substring(0, comma).equals("data:image/png;base64")) {
        throw DomainException.invalid(field, "repair.error.signatureFormat");
      }
      b64 = b64.substring(comma + 1);
    }
    if (b64.length() > MAX_SIGNATURE_BYTES * 4 / 3 + 4) {
      throw DomainException.invalid(field, "repair.error.signatureFormat");
    }
    byte[] png;
    try {
      png = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "repair.error.signatureFormat");
    }
    if (!isPng(png) || png.length > MAX_SIGNATURE_BYTES) {
      throw DomainException.invalid(field, "repair.error.signatureFormat");
    }
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException | RuntimeException e) {
      throw DomainException.invalid(field, "repair.error.signatureFormat");
    }
    if (img == null || img.getWidth() > 2000 || img.getHeight() > 2000) {
      throw DomainException.invalid(field, "repair.error.signatureFormat");
    }
    if (inkedPixels(img, 20) < 20) {
      throw DomainException.invalid(field, "repair.error.signatureRequired");
    }
    return png;
  }

  /** Pixels that are drawn (not transparent and not near-white), counted up to {@code enough}. */
  static int inkedPixels(BufferedImage img, int enough) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int argb = img.getRGB(x, y);
        int a = argb >>> 24;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int bl = argb & 0xff;
        if (a > 64 && (r + g + bl) < 600 && ++n >= enough) {
          return n;
        }
      }
    }
    return n;
  }
}
