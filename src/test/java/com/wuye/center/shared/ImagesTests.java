package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.support.Demo;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImagesTests {

  @Test
  @DisplayName("a drawn signature is accepted; an empty pad and a non-PNG are refused on the field")
  void signatures() {
    assertThat(Images.signature("signature", Demo.signature())).isNotEmpty();
    assertThatThrownBy(() -> Images.signature("signature", Demo.blankSignature()))
        .isInstanceOf(DomainException.class)
        .extracting("messageKey")
        .isEqualTo("error.signature.required");
    assertThatThrownBy(() -> Images.signature("signature", "data:image/png;base64,AAAA"))
        .isInstanceOf(DomainException.class)
        .extracting("field")
        .isEqualTo("signature");
  }

  @Test
  @DisplayName("a 12000×12000 PNG bomb is refused from its header in under 50 ms of CPU")
  void decompressionBombRefusedBeforeDecoding() throws Exception {
    String bomb = "data:image/png;base64," + Base64.getEncoder().encodeToString(bomb(12_000));
    assertThat(bomb.length()).isLessThan(400_000);
    // CPU time of this thread, not wall time: the same on a quiet or a loaded machine
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    assertThatThrownBy(() -> Images.signature("signature", bomb))
        .isInstanceOf(DomainException.class)
        .extracting("messageKey")
        .isEqualTo("error.image.tooLarge");
    assertThat((threads.getCurrentThreadCpuTime() - start) / 1_000_000).isLessThan(50);
  }

  @Test
  @DisplayName(
      "a signature that is missing, not a PNG data URL, not base64 or too large is refused")
  void signaturesNotFromThePadAreRefused() {
    assertThatThrownBy(() -> Images.signature("signature", null))
        .extracting("messageKey")
        .isEqualTo("error.signature.required");
    for (String bad :
        new String[] {
          "data:image/jpeg;base64,/9j/4AAQ",
          "data:image/png;base64,%%%",
          "data:image/png;base64," + "A".repeat(Images.MAX_SIGNATURE_BYTES * 2)
        }) {
      assertThatThrownBy(() -> Images.signature("signature", bad))
          .extracting("messageKey")
          .isEqualTo("error.signature.format");
    }
  }

  @Test
  @DisplayName("a scanned signed form may be PNG, JPEG or PDF, by its bytes")
  void scansMayBePngJpegOrPdf() {
    assertThat(Images.scan("scan", "%PDF-1.4 test".getBytes()).contentType())
        .isEqualTo("application/pdf");
    assertThat(Images.scan("scan", Demo.jpeg()).contentType()).isEqualTo("image/jpeg");
    assertThatThrownBy(() -> Images.scan("scan", "<html>".getBytes()))
        .extracting("messageKey")
        .isEqualTo("error.scan.format");
    assertThatThrownBy(() -> Images.scan("scan", "not a data url"))
        .extracting("messageKey")
        .isEqualTo("error.scan.format");
  }

  @Test
  void photosAreCheckedByTheirBytes() {
    assertThat(Images.photoType("photos", Demo.jpeg())).isEqualTo("image/jpeg");
    assertThatThrownBy(() -> Images.photoType("photos", "GIF89a".getBytes()))
        .extracting("messageKey")
        .isEqualTo("error.photo.type");
  }

  @Test
  @DisplayName(
      "photos: PNG and WebP are recognised by their bytes too; an empty or an over-5-MB file is refused")
  void photoTypesEmptyAndTooLarge() {
    assertThat(Images.photoType("photos", Demo.png(new java.awt.image.BufferedImage(2, 2, 2))))
        .isEqualTo("image/png");
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(Images.photoType("photos", webp)).isEqualTo("image/webp");
    assertThatThrownBy(() -> Images.photoType("photos", new byte[0]))
        .extracting("messageKey")
        .isEqualTo("error.photo.empty");
    byte[] big = new byte[Images.MAX_PHOTO_BYTES + 1];
    System.arraycopy(Demo.jpeg(), 0, big, 0, 3);
    assertThatThrownBy(() -> Images.photoType("photos", big))
        .extracting("messageKey")
        .isEqualTo("error.photo.tooLarge");
  }

  /** A valid grey PNG of side×side pixels, all zeros: tiny compressed, huge decoded. */
  static byte[] bomb(int side) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    ihdr.write(intBytes(side));
    ihdr.write(intBytes(side));
    ihdr.write(new byte[] {8, 0, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
      byte[] row = new byte[side + 1];
      for (int y = 0; y < side; y++) {
        z.write(row);
      }
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    out.write(intBytes(data.length));
    byte[] t = type.getBytes();
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(intBytes((int) crc.getValue()));
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }
}
