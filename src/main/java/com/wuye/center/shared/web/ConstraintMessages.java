package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Turns a database constraint violation into a clear refusal: a message key {@code
 * constraint.<constraint_name>} names the problem where one exists, else a generic conflict.
 */
@Component
public class ConstraintMessages {

  private final MessageSource messages;

  ConstraintMessages(MessageSource messages) {
    this.messages = messages;
  }

  public DomainException translate(DataIntegrityViolationException e) {
    String name = constraintName(e);
    if (name != null) {
      String key = "constraint." + name;
      if (messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE) != null) {
        return DomainException.conflict(key);
      }
    }
    return DomainException.conflict("error.integrity");
  }

  static String constraintName(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
        return p.getServerErrorMessage().getConstraint();
      }
    }
    return null;
  }
}
