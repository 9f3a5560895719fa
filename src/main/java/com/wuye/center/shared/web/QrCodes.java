package com.wuye.center.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * QR codes as PNG, for every printed code of the service center: key tags, renovation permits,
 * equipment and checkpoint labels.
 */
public final class QrCodes {

  private QrCodes() {}

  /** A code printed for indoor use (key tags, permits): error correction M. */
  public static byte[] png(String text, int size) {
    return png(text, size, ErrorCorrectionLevel.M);
  }

  /** A code on a label that lives outdoors and gets dirty (checkpoints, equipment): level Q. */
  public static byte[] robustPng(String text, int size) {
    return png(text, size, ErrorCorrectionLevel.Q);
  }

  private static byte[] png(String text, int size, ErrorCorrectionLevel level) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  size,
                  size,
                  Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, 1));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode " + text, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
