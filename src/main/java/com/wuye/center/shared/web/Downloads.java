package com.wuye.center.shared.web;

import com.wuye.center.shared.ExcelExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The response of a file download: its type and name set before the first byte is written. */
public final class Downloads {

  private Downloads() {}

  /** The response body of an .xlsx download named {@code filename}. */
  public static OutputStream xlsx(HttpServletResponse response, String filename)
      throws IOException {
    return start(response, ExcelExport.CONTENT_TYPE, filename);
  }

  /** The response body of a download of this media type. */
  public static OutputStream start(
      HttpServletResponse response, String contentType, String filename) throws IOException {
    response.setContentType(contentType);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(filename, java.nio.charset.StandardCharsets.UTF_8)
            .build()
            .toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    return response.getOutputStream();
  }
}
