package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer of the JSON API that is not a success is an RFC 9457 Problem Details body in the
 * user's language: from a controller, a filter (the security chain's 401/403), the servlet
 * container's error dispatch (an unknown path, a wrong method) or a page controller that also
 * serves an API path. Where a field is at fault it is named: {@code errors: [{field, message}]}.
 */
@Component
public class ApiProblems {

  private final MessageSource messages;
  private final JsonMapper json;

  ApiProblems(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  /** One field at fault, with its message key and arguments. */
  public record FieldProblem(String field, String messageKey, Object... args) {}

  /** True for a request of the JSON API ({@code /api/**}), which is always answered in JSON. */
  public static boolean isApi(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    return path.startsWith("/api/");
  }

  /** A refusal of the domain. */
  public ProblemDetail of(DomainException e) {
    String text = msg(e.messageKey(), e.args());
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.kind().status()), text);
    pd.setType(URI.create("urn:wuye:error:" + e.messageKey()));
    if (e.field() != null) {
      pd.setProperty("errors", List.of(Map.of("field", e.field(), "message", text)));
    }
    return pd;
  }

  /** Bad input in one or more fields: 400 naming each. */
  public ProblemDetail fields(List<FieldProblem> problems) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, msg("error.validation"));
    pd.setType(URI.create("urn:wuye:error:error.validation"));
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldProblem p : problems) {
      errors.add(Map.of("field", p.field(), "message", msg(p.messageKey(), p.args())));
    }
    pd.setProperty("errors", errors);
    return pd;
  }

  /** An answer that is about the request as a whole (no field): the status's own message. */
  public ProblemDetail status(int status) {
    String key = statusKey(status);
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), msg(key));
    pd.setType(URI.create("urn:wuye:error:" + key));
    return pd;
  }

  static String statusKey(int status) {
    return switch (status) {
      case 400 -> "error.badRequest";
      case 401 -> "error.forbidden.login";
      case 403 -> "error.forbidden.role";
      case 404 -> "error.notFound";
      case 405 -> "error.methodNotAllowed";
      case 406 -> "error.notAcceptable";
      case 409 -> "error.integrity";
      case 413 -> "error.tooLarge";
      case 415 -> "error.mediaType";
      case 429 -> "error.tooManyRequests";
      case 503 -> "error.unavailable";
      default -> status >= 500 ? "error.unexpected" : "error.badRequest";
    };
  }

  /** Writes a problem straight to the response (filters, the error dispatch). */
  public void write(HttpServletResponse response, ProblemDetail pd) throws IOException {
    response.setStatus(pd.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), pd);
  }

  /** A problem as a view, for handlers that return a {@code ModelAndView}. */
  View view(ProblemDetail pd) {
    return new View() {
      @Override
      public String getContentType() {
        return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
      }

      @Override
      public void render(
          Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        write(response, pd);
      }
    };
  }

  String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }
}
