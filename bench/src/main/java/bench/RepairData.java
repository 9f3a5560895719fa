package bench;

import java.sql.SQLException;
import java.util.List;

/** Repair orders with their timelines (closed history and open orders); filled in once repairs land. */
final class RepairData {

  private final Generate g;
  private final List<Generate.Community> communities;

  RepairData(Generate g, List<Generate.Community> communities) {
    this.g = g;
    this.communities = communities;
  }

  void run() throws SQLException {
    Generate.log("repair orders: the repair schema is not in this database; skipped (" + communities.size() + " communities)");
  }

  static void analyze(Generate g) {}
}
