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
    Thread.sleep(120_000);
  }
}
