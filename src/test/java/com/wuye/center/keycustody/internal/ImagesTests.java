package com.wuye.center.keycustody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.DomainException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImagesTests {

  static String png(boolean ink) throws Exception {
    BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
    if (ink) {
      Graphics2D g = image.createGraphics();
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(3));
      g.drawLine(20, 80, 200, 20);
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  static String refusal(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e.messageKey();
    }
    return "accepted";
  }

  @Test
  @DisplayName("CS-K5 a signature must be a real, non-blank PNG of sane size")
  void signaturesAreChecked() throws Exception {
    assertThat(Images.signature("signature", png(true))).isNotEmpty();
    assertThat(refusal(() -> Images.signature("signature", null)))
        .isEqualTo("keycustody.error.signatureMissing");
    String blank = png(false);
    assertThat(refusal(() -> Images.signature("signature", blank)))
        .isEqualTo("keycustody.error.signatureBlank");
    assertThat(refusal(() -> Images.signature("signature", "data:image/png;base64,aGVsbG8=")))
        .isEqualTo("keycustody.error.signatureFormat");
    assertThat(refusal(() -> Images.signature("signature", "data:image/jpeg;base64,/9j/4AAQ")))
        .isEqualTo("keycustody.error.signatureFormat");
    assertThat(refusal(() -> Images.signature("signature", "data:image/png;base64,%%%")))
        .isEqualTo("keycustody.error.signatureFormat");
    String huge = "data:image/png;base64," + "A".repeat(Images.MAX_SIGNATURE_BYTES * 2);
    assertThat(refusal(() -> Images.signature("signature", huge)))
        .isEqualTo("keycustody.error.signatureTooLarge");
  }

  @Test
  void scansMayBePngJpegOrPdf() {
    assertThat(Images.scan("scan", "%PDF-1.4 test".getBytes()).contentType())
        .isEqualTo("application/pdf");
    assertThat(refusal(() -> Images.scan("scan", "<html>".getBytes())))
        .isEqualTo("keycustody.error.scanFormat");
    assertThat(refusal(() -> Images.scan("scan", "not a data url")))
        .isEqualTo("keycustody.error.scanFormat");
  }
}
