package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.db.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Page errors: a page in the user's language that says what was wrong, with the right status. A
 * page controller that also serves an {@code /api/**} path answers there in Problem Details, as
 * every API answer is.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class PageExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);
  private final MessageSource messages;
  private final ConstraintMessages constraints;
  private final ApiProblems problems;
  private final ApiExceptionHandler api;

  PageExceptionHandler(
      MessageSource messages,
      ConstraintMessages constraints,
      ApiProblems problems,
      ApiExceptionHandler api) {
    this.messages = messages;
    this.constraints = constraints;
    this.problems = problems;
    this.api = api;
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView domain(DomainException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (ApiProblems.isApi(request)) {
      return asProblem(e, request, response);
    }
    return page(e.kind().status(), e.messageKey(), e.args(), response);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ModelAndView stale(
      OptimisticLockingFailureException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    return domain(DomainException.staleVersion(), request, response);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ModelAndView integrity(
      DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    return domain(constraints.translate(e), request, response);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView denied(HttpServletRequest request, HttpServletResponse response) throws Exception {
    return domain(DomainException.forbidden("error.forbidden.role"), request, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView mismatch(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws Exception {
    if (ApiProblems.isApi(request)) {
      return asProblem(e, request, response);
    }
    if (InputProblems.cause(e, PlainTextBinding.ControlCharacterRefused.class) != null) {
      return page(400, "error.controlCharacter", new Object[0], response);
    }
    return page(404, "error.notFound", new Object[0], response);
  }

  @ExceptionHandler(MultipartException.class)
  ModelAndView multipart(
      MultipartException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (ApiProblems.isApi(request)) {
      return asProblem(e, request, response);
    }
    log.warn("Upload refused: {}", e.getMessage());
    boolean large = InputProblems.uploadTooLarge(e);
    return page(
        large ? 413 : 400, large ? "error.tooLarge" : "error.multipart", new Object[0], response);
  }

  /** Anything else on an API path: the API's answer; on a page, the standard handling. */
  @ExceptionHandler(Exception.class)
  ModelAndView other(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (ApiProblems.isApi(request)) {
      return asProblem(e, request, response);
    }
    if (InputProblems.uploadTooLarge(e)) {
      log.warn("Upload too large: {}", e.getMessage());
      return page(413, "error.tooLarge", new Object[0], response);
    }
    throw e;
  }

  private ModelAndView asProblem(
      Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    ResponseEntity<?> answer = api.answer(e, new ServletWebRequest(request, response));
    answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    ProblemDetail pd =
        answer.getBody() instanceof ProblemDetail body
            ? body
            : problems.status(answer.getStatusCode().value());
    pd.setStatus(answer.getStatusCode().value());
    return new ModelAndView(problems.view(pd));
  }

  /** The database is down or restarting: 503 with Retry-After; anything else is not ours. */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ModelAndView unavailable(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (ApiProblems.isApi(request)) {
      return asProblem(e, request, response);
    }
    if (!DatabaseUnavailable.isCause(e)) {
      throw e;
    }
    log.warn("Database unavailable: page answered 503 ({})", e.getMessage());
    response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    return page(503, "error.unavailable", new Object[0], response);
  }

  private ModelAndView page(int status, String key, Object[] args, HttpServletResponse response) {
    if (status >= 500 && status != 503) {
      log.error("Page error {}", key);
    }
    response.setStatus(status);
    ModelAndView mv = new ModelAndView("error");
    mv.addObject("status", status);
    mv.addObject("message", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
    return mv;
  }
}
