package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.db.DatabaseUnavailable;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Page errors: a page in the user's language that says what was wrong, with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class PageExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);
  private final MessageSource messages;
  private final ConstraintMessages constraints;

  PageExceptionHandler(MessageSource messages, ConstraintMessages constraints) {
    this.messages = messages;
    this.constraints = constraints;
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView domain(DomainException e, HttpServletResponse response) {
    return page(e.kind().status(), e.messageKey(), e.args(), response);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ModelAndView stale(HttpServletResponse response) {
    return domain(DomainException.staleVersion(), response);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ModelAndView integrity(DataIntegrityViolationException e, HttpServletResponse response) {
    return domain(constraints.translate(e), response);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView denied(HttpServletResponse response) {
    return page(403, "error.forbidden.role", new Object[0], response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView mismatch(HttpServletResponse response) {
    return page(404, "error.notFound", new Object[0], response);
  }

  /** The database is down or restarting: 503 with Retry-After; anything else is not ours. */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ModelAndView unavailable(Exception e, HttpServletResponse response) throws Exception {
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
