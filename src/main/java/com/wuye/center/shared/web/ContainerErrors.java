package com.wuye.center.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests the servlet container refuses before the application sees them (a control character
 * encoded in the path, a malformed URI) are answered for {@code /api/**} in Problem Details too,
 * instead of Tomcat's HTML report.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof Host host && host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
  }

  /** An encoded control character (%00–%1F, %7F) in the path: the container refuses it. */
  private static final Pattern CONTROL_IN_PATH = Pattern.compile("(?i)%(0[0-9a-f]|1[0-9a-f]|7f)");

  static boolean controlInPath(String uri) {
    return uri != null && CONTROL_IN_PATH.matcher(uri).find();
  }

  /** The problem in both languages (the container knows neither the user nor the messages). */
  static String body(int status, String uri) {
    String head =
        "{\"type\":\"urn:wuye:error:error.badRequest\",\"title\":\"Bad Request\",\"status\":"
            + status
            + ",\"detail\":\"请求无效。 The request is not valid.\"";
    if (status == 400 && controlInPath(uri)) {
      return head
          + ",\"errors\":[{\"field\":\"path\",\"message\":"
          + "\"地址含有不可见的控制字符。 The address contains a control character.\"}]}";
    }
    return head + "}";
  }

  /** Tomcat's error report, in Problem Details for an API path; unchanged elsewhere. */
  public static class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      String uri = request.getRequestURI();
      if (status < 400
          || response.getContentWritten() > 0
          || uri == null
          || !uri.startsWith("/api/")) {
        super.report(request, response, throwable);
        return;
      }
      if (!response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer out = response.getReporter();
        if (out != null) {
          out.write(body(status, uri));
          out.flush();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response was committed: nothing more to say
      }
    }
  }
}
