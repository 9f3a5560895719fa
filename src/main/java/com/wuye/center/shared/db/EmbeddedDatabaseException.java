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

  static EmbeddedDatabaseException startFailed(
      java.nio.file.Path dataDir,
      int exitCode,
      String reason,
      java.util.function.IntSupplier freePort) {
    String what =
        "The embedded PostgreSQL could not start on data folder "
            + dataDir
            + " (exit code "
            + exitCode
            + "): "
            + (reason.isEmpty() ? "no reason given" : reason);
    String action;
    if (reason.contains("incompatible with server")) {
      action =
          "The folder was made by another PostgreSQL major version; this app bundles PostgreSQL"
              + " 17. Start the PostgreSQL version that made it and back it up (pg_dump), or"
              + " upgrade the folder with pg_upgrade to 17; or point WUYE_DB_DATA_DIR to a new"
              + " folder and restore a backup of this app there (--restore=FILE).";
    } else if (reason.contains("pg_control")
        || reason.contains("checkpoint record")
        || reason.contains("could not open file")
        || reason.contains("could not read file")
        || reason.contains("invalid")
        || reason.contains("PANIC")) {
      action =
          "The data folder is damaged. Keep it for analysis, point WUYE_DB_DATA_DIR to a new"
              + " folder and restore the latest backup there: java -jar app.jar --restore=FILE.";
    } else if (reason.contains("could not bind") || reason.contains("could not create any")) {
      action =
          "The port was taken while starting: choose another with WUYE_DB_PORT, e.g. WUYE_DB_PORT="
              + freePort.getAsInt()
              + ".";
    } else if (reason.contains("lock file")) {
      action =
          "Another PostgreSQL is running on this folder: stop it, or use another folder"
              + " (WUYE_DB_DATA_DIR).";
    } else {
      action = "Look at the PostgreSQL log lines above ('postgres' logger).";
    }
    return new EmbeddedDatabaseException(what, action);
  }
}
