package com.wuye.center.shared.db;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The embedded PostgreSQL could not be used. {@link #getMessage()} is one line saying what is wrong
 * (which folder or port, PostgreSQL's own reason); {@link #action()} says what to do next. Reported
 * once by {@link EmbeddedDatabaseFailureAnalyzer}, without a stack trace; the app exits with {@link
 * #EXIT_CODE}.
 */
public class EmbeddedDatabaseException extends RuntimeException implements ExitCodeGenerator {

  /** Exit code of an app that could not start its embedded database. */
  public static final int EXIT_CODE = 3;

  private final String action;

  public EmbeddedDatabaseException(String message, String action) {
    super(message);
    this.action = action;
  }

  public EmbeddedDatabaseException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }

  @Override
  public int getExitCode() {
    return EXIT_CODE;
  }
}
