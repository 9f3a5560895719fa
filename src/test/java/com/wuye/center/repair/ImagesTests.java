package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.repair.internal.Images;
import com.wuye.center.shared.DomainException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Photos and signatures are checked by their content, never by their file name. */
class ImagesTests {

  @Test
  @DisplayName("JPEG, PNG and WebP are recognised by their first bytes; anything else is refused")
  void photoTypes() {
    assertThat(Images.photoType("p", RepairFixtures.jpeg())).isEqualTo("image/jpeg");
    assertThat(Images.photoType("p", RepairFixtures.png(new java.awt.image.BufferedImage(2, 2, 2))))
        .isEqualTo("image/png");
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Images.photoType("p", webp)).isEqualTo("image/webp");
    assertThatThrownBy(() -> Images.photoType("p", "GIF89a....".getBytes()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.photoType");
    assertThatThrownBy(() -> Images.photoType("p", new byte[0]))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.photoEmpty");
    byte[] big = new byte[Images.MAX_PHOTO_BYTES + 1];
    big[0] = (byte) 0xff;
    big[1] = (byte) 0xd8;
    big[2] = (byte) 0xff;
    assertThatThrownBy(() -> Images.photoType("p", big))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.photoTooLarge");
  }

  @Test
  @DisplayName("A signature is a PNG with ink on it; an empty pad or another format is refused")
  void signatures() {
    assertThat(Images.signature("s", RepairFixtures.signature())).isNotEmpty();
    assertThatThrownBy(() -> Images.signature("s", RepairFixtures.blankSignature()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.signatureRequired");
    assertThatThrownBy(() -> Images.signature("s", "data:image/jpeg;base64,/9j/4AAQ"))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.signatureFormat");
    assertThatThrownBy(() -> Images.signature("s", "data:image/png;base64,%%%"))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.signatureFormat");
    assertThatThrownBy(() -> Images.signature("s", null))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.signatureRequired");
  }
}
