package com.wuye.center.shared;

import java.util.Arrays;

/**
 * A business rule or input refused. Carries a message key (from messages*.properties), its
 * arguments, and the field at fault if there is one; the web layer turns it into a 4xx with the
 * message in the user's language.
 */
public class DomainException extends RuntimeException {

  /** What kind of refusal, which decides the HTTP status. */
  public enum Kind {
    INVALID(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    RULE(422);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String messageKey;
  private final String field;
  private final transient Object[] args;

  public DomainException(Kind kind, String messageKey, String field, Object... args) {
    super(messageKey + (field == null ? "" : " [" + field + "]") + " " + Arrays.toString(args));
    this.kind = kind;
    this.messageKey = messageKey;
    this.field = field;
    this.args = args == null ? new Object[0] : args;
  }

  /** Bad input in one field. */
  public static DomainException invalid(String field, String messageKey, Object... args) {
    return new DomainException(Kind.INVALID, messageKey, field, args);
  }

  /** A business rule refuses the action in the record's current state. */
  public static DomainException rule(String messageKey, Object... args) {
    return new DomainException(Kind.RULE, messageKey, null, args);
  }

  /** A business rule refuses the value of one field. */
  public static DomainException ruleOn(String field, String messageKey, Object... args) {
    return new DomainException(Kind.RULE, messageKey, field, args);
  }

  public static DomainException notFound(String messageKey, Object... args) {
    return new DomainException(Kind.NOT_FOUND, messageKey, null, args);
  }

  public static DomainException forbidden(String messageKey, Object... args) {
    return new DomainException(Kind.FORBIDDEN, messageKey, null, args);
  }

  /** Someone else changed the record, or the same thing was done twice. */
  public static DomainException conflict(String messageKey, Object... args) {
    return new DomainException(Kind.CONFLICT, messageKey, null, args);
  }

  /** The standard "changed by someone else, reload" refusal of optimistic locking. */
  public static DomainException staleVersion() {
    return conflict("error.stale");
  }

  public Kind kind() {
    return kind;
  }

  public String messageKey() {
    return messageKey;
  }

  public String field() {
    return field;
  }

  public Object[] args() {
    return args.clone();
  }
}
