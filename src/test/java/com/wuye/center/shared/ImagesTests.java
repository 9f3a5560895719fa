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
  @DisplayName("a 12000×12000 PNG bomb is refused from its header, before anything is decoded")
  void decompressionBombRefusedBeforeDecoding() throws Exception {
    String bomb = "data:image/png;base64," + Base64.getEncoder().encodeToString(bomb(12_000));
    assertThat(bomb.length()).isLessThan(400_000);
    assertThatThrownBy(() -> Images.signature("signature", bomb))
        .isInstanceOf(DomainException.class)
        .extracting("messageKey")
        .isEqualTo("error.image.tooLarge");
    // the header alone decides: a PNG cut off after its header is refused as too large when it
    // says 2001 pixels, and only a header within the limit gets as far as decoding (and fails
    // there, as its pixels are missing)
    assertThatThrownBy(() -> Images.signature("signature", headerOnly(2001)))
        .extracting("messageKey")
        .isEqualTo("error.image.tooLarge");
    assertThatThrownBy(() -> Images.signature("signature", headerOnly(2000)))
        .extracting("messageKey")
        .isEqualTo("error.signature.format");
  }

  private static String headerOnly(int side) throws Exception {
    byte[] png = bomb(side);
    byte[] header = java.util.Arrays.copyOf(png, 8 + 4 + 4 + 13 + 4); // signature + IHDR chunk
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(header);
  }

  @Test
  void photosAreCheckedByTheirBytes() {
    assertThat(Images.photoType("photos", Demo.jpeg())).isEqualTo("image/jpeg");
    assertThatThrownBy(() -> Images.photoType("photos", "GIF89a".getBytes()))
        .extracting("messageKey")
        .isEqualTo("error.photo.type");
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
