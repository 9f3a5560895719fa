package com.wuye.center.shared.db;

/**
 * Run in a JVM of its own by the tests: starts the embedded PostgreSQL on a folder and waits to be
 * killed, leaving an orphan postmaster behind.
 */
public final class OrphanMaker {

  private OrphanMaker() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.obtain(args[0], Integer.parseInt(args[1]));
    org.slf4j.LoggerFactory.getLogger(OrphanMaker.class).info("READY {}", db.pid());
    // Not a wait for a condition: this JVM must stay alive, holding the server it started, until
    // the test kills it (SIGKILL) to leave the postmaster orphaned; 120 s only bounds its life if
    // the test never does.
    Thread.sleep(120_000);
  }
}
