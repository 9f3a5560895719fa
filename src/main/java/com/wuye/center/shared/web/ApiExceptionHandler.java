package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.db.DatabaseUnavailable;
import com.wuye.center.shared.web.ApiProblems.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * JSON API errors as RFC 9457 Problem Details ({@link ApiProblems}), with a message in the user's
 * language and, where a field is at fault, {@code errors: [{field, message}]}. Bad input is always
 * a 4xx naming what was wrong; never a stack trace, never "conflict" for a malformed value.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private final ApiProblems problems;
  private final ConstraintMessages constraints;

  ApiExceptionHandler(
      MessageSource messages, ApiProblems problems, ConstraintMessages constraints) {
    this.problems = problems;
    this.constraints = constraints;
    setMessageSource(messages);
  }

  /** The answer to any exception of an API request (also used for page controllers' API paths). */
  ResponseEntity<?> answer(Exception e, WebRequest request) throws Exception {
    if (e instanceof DomainException d) {
      return domain(d);
    } else if (e instanceof OptimisticLockingFailureException o) {
      return stale(o);
    } else if (e instanceof DataIntegrityViolationException d) {
      return integrity(d);
    } else if (e instanceof AccessDeniedException a) {
      return denied(a);
    }
    try {
      return handleException(e, request);
    } catch (Exception notStandard) {
      return unexpected(e);
    }
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e) {
    return ResponseEntity.status(e.kind().status()).body(problems.of(e));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
    return domain(DomainException.staleVersion());
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
    return domain(constraints.translate(e));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return domain(DomainException.forbidden("error.forbidden.role"));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    if (InputProblems.uploadTooLarge(e)) {
      return tooLarge(e);
    }
    log.warn("Unreadable multipart request: {}", e.getMessage());
    return ResponseEntity.badRequest()
        .body(problems.fields(List.of(new FieldProblem("body", "error.multipart"))));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(413).body(tooLarge(ex).getBody());
  }

  private ResponseEntity<ProblemDetail> tooLarge(Exception e) {
    // the client sent too much: its fault, not ours (a warning, and a 413 in the metrics)
    log.warn("Upload too large: {}", e.getMessage());
    return ResponseEntity.status(413).body(problems.status(413));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Object problem = InputProblems.ofUnreadableJson(ex);
    if (problem instanceof DomainException d) {
      return ResponseEntity.status(d.kind().status()).body(problems.of(d));
    }
    return ResponseEntity.badRequest().body(problems.fields(List.of((FieldProblem) problem)));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
    return fields(List.of(InputProblems.ofTypeMismatch(field, ex)));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return fields(List.of(new FieldProblem(ex.getParameterName(), "error.required")));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return fields(List.of(new FieldProblem(ex.getRequestPartName(), "error.required")));
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex instanceof MissingRequestHeaderException h) {
      return fields(List.of(new FieldProblem(h.getHeaderName(), "error.required")));
    }
    return handleExceptionInternal(ex, null, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    BindingResult binding = ex.getBindingResult();
    List<FieldProblem> out = new ArrayList<>();
    for (FieldError fe : binding.getFieldErrors()) {
      DomainException refused = FormSubmission.fromBindingError(fe, binding);
      out.add(new FieldProblem(refused.field(), refused.messageKey(), refused.args()));
    }
    if (out.isEmpty()) {
      out.add(new FieldProblem("body", "error.validation"));
    }
    return fields(out);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> out = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            out.add(
                                new FieldProblem(
                                    String.valueOf(r.getMethodParameter().getParameterName()),
                                    FormSubmission.messageKeyOf(err)))));
    return fields(out);
  }

  /**
   * Every other standard answer (404, 405, 406, 415 …): the status's message, in Problem Details.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(status).headers(headers).body(problems.status(status.value()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (InputProblems.uploadTooLarge(e)) {
      return tooLarge(e);
    }
    if (InputProblems.unreadableParameters(e)) {
      log.warn("Unreadable request parameters: {}", e.getMessage());
      return ResponseEntity.badRequest().body(problems.status(400));
    }
    if (e instanceof org.springframework.web.ErrorResponse known
        && known.getStatusCode().value() < 500) {
      return ResponseEntity.status(known.getStatusCode())
          .body(problems.status(known.getStatusCode().value()));
    }
    if (DatabaseUnavailable.isCause(e)) {
      log.warn("Database unavailable: API call answered 503 ({})", e.getMessage());
      return ResponseEntity.status(503)
          .header(
              HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .body(problems.status(503));
    }
    log.error("Unexpected error in API call", e);
    return ResponseEntity.internalServerError().body(problems.status(500));
  }

  private ResponseEntity<Object> fields(List<FieldProblem> list) {
    return ResponseEntity.badRequest().body(problems.fields(list));
  }
}
