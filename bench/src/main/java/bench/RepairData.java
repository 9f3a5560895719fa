package bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Repair orders with their timelines, by COPY. Full scale: 5,000,000 closed orders (3 years, more
 * in summer, ids and numbers in time order) and 50,000 open ones spread over states and due
 * times. Every order, closed ones included, has its deadline clock(s) (closed: STARTED, ASSIGNED,
 * STOPPED) so the order page (S4) shows a full timeline; open clocks carry the escalation levels
 * already passed (deadline_escalation rows) and the next one, so the sweep measures steady state.
 *
 * <p>Fast load: plain secondary indexes of the four big tables are dropped and recreated from
 * their pg_get_indexdef; foreign-key triggers are skipped for the session
 * (session_replication_role = replica; the rows are built consistent; CHECK, NOT NULL and UNIQUE
 * constraints still apply).
 */
final class RepairData {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZONE);
  static final List<String> TABLES = List.of("repair_order", "repair_event", "deadline_clock", "deadline_clock_event", "deadline_escalation");
  static final String[] UNIT_CATEGORIES = {"WATER_ELECTRIC", "WATER_ELECTRIC", "WATER_ELECTRIC", "WATER_ELECTRIC", "DOOR_WINDOW", "DOOR_WINDOW", "DRAIN", "DRAIN", "OTHER", "WATER_ELECTRIC"};
  static final String[] COMMON_CATEGORIES = {"ELEVATOR", "PUBLIC_FACILITY", "PUBLIC_FACILITY", "DRAIN", "ELEVATOR"};
  static final Map<String, String[]> TEXTS = Map.of(
      "WATER_ELECTRIC", new String[] {"厨房水龙头漏水", "卫生间插座没电", "客厅灯不亮", "热水器不出热水", "空开跳闸合不上", "水管接头渗水"},
      "DOOR_WINDOW", new String[] {"入户门锁芯卡住", "窗户关不严漏风", "阳台推拉门脱轨", "纱窗破损"},
      "DRAIN", new String[] {"厨房下水道堵塞", "马桶堵了", "地漏返臭味", "楼道排水管堵塞"},
      "ELEVATOR", new String[] {"电梯按钮失灵", "电梯运行有异响", "电梯门关不上"},
      "PUBLIC_FACILITY", new String[] {"楼道灯不亮", "单元门禁坏了", "小区路灯不亮", "健身器材松动"},
      "OTHER", new String[] {"墙面渗水发霉", "天花板掉皮", "晾衣架摇不动"});
  static final String[] CAUSES = {"PARTS_ON_ORDER", "RESIDENT_UNAVAILABLE", "NO_WORKING_CONDITIONS", "TRAFFIC_OR_ROAD"};
  static final String[] LOCATIONS = {"电梯厅", "单元门口", "地下车库", "楼道", "中心花园", "东门"};
  static final String[] OPEN_STATES = {"REPORTED", "REPORTED", "DISPATCHED", "DISPATCHED", "ACCEPTED", "ACCEPTED", "ON_SITE", "ON_SITE", "COMPLETED", "ON_SITE"};

  private final Generate g;
  private final List<Generate.Community> cs;
  private final SplittableRandom random = new SplittableRandom(7_2026);
  private final Map<String, long[]> categories = new HashMap<>();
  private final Map<Long, List<Long>> technicians = new HashMap<>();
  private final Map<Long, Long> customerService = new HashMap<>();
  private final Map<String, Integer> series = new LinkedHashMap<>();
  private long[] unitPrefix;
  private long[] firstOwner;
  private long[] firstBuilding;
  private long firstResident;
  private long orderId;
  private long clockId;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private Sink orders;
  private Sink events;
  private Sink clocks;
  private Sink clockEvents;
  private Sink escalations;
  private long eventRows;
  private long clockEventRows;

  RepairData(Generate g, List<Generate.Community> communities) {
    this.g = g;
    this.cs = communities;
  }

  /** One COPY stream on its own connection, so the server parses tables in parallel. */
  final class Sink {
    final Connection c;
    final CopyIn in;
    final StringBuilder sb = new StringBuilder(1 << 21);

    Sink(String copy) throws SQLException {
      c = DriverManager.getConnection(g.db.getMetaData().getURL(), g.user, g.password);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET session_replication_role = replica");
        s.execute("SET synchronous_commit = off");
      }
      in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
    }

    StringBuilder row() throws SQLException {
      if (sb.length() > 1 << 20) {
        flush();
      }
      return sb;
    }

    void flush() throws SQLException {
      byte[] b = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      in.writeToCopy(b, 0, b.length);
      sb.setLength(0);
    }

    long end() throws SQLException {
      flush();
      long n = in.endCopy();
      c.commit();
      c.close();
      return n;
    }
  }

  void run() throws SQLException, IOException {
    long t0 = System.nanoTime();
    double scale = g.scale;
    long closed = Math.max(200, Math.round(5_000_000 * scale));
    long open = Math.max(50, Math.round(50_000 * scale));
    prepare();
    List<String[]> indexes = dropIndexes();
    g.db.commit();
    orderId = g.nextId("repair_order");
    clockId = g.nextId("deadline_clock");
    long firstOrder = orderId;
    long firstClock = clockId;
    orders = new Sink("COPY repair_order (id, number, community_id, building_id, unit_id, unit_code, area, location, category, description, emergency, channel,"
        + " contact_phone, status, paused_cause, paused_at, assignee_staff_id, reporter_resident_id, reporter_staff_id, reported_at, due_at, arrive_due_at,"
        + " resolve_clock_id, arrive_clock_id, dispatched_at, accepted_at, arrived_at, completed_at, confirmed_at, closed_at, cancelled_at, cancel_reason) FROM STDIN");
    events = new Sink("COPY repair_event (order_id, at, type, actor, actor_name, note, data) FROM STDIN");
    clocks = new Sink("COPY deadline_clock (subject_type, subject_id, purpose, label, link, community_id, assignee_staff_id, started_at, target_seconds, state,"
        + " paused_since, due_at, stopped_at, next_level, next_fire_at) FROM STDIN");
    clockEvents = new Sink("COPY deadline_clock_event (clock_id, type, at, reason, note, actor) FROM STDIN");
    escalations = new Sink("COPY deadline_escalation (clock_id, level, fired_at, notified) FROM STDIN");
    closedOrders(closed);
    openOrders(open);
    long o = orders.end();
    events.end();
    long c = clocks.end();
    clockEvents.end();
    escalations.end();
    g.check("repair_order", firstOrder, orderId - 1);
    g.check("deadline_clock", firstClock, clockId - 1);
    Generate.log(String.format("repair: %d orders, %d events, %d clocks, %d clock events copied in %.1f s", o, eventRows, c, clockEventRows, (System.nanoTime() - t0) / 1e9));
    try (Statement s = g.db.createStatement()) {
      s.execute("SELECT setval(pg_get_serial_sequence('repair_order', 'id'), " + (orderId - 1) + ")");
      for (var e : series.entrySet()) {
        s.addBatch("INSERT INTO number_series (series, last_value) VALUES ('" + e.getKey() + "', " + e.getValue() + ") ON CONFLICT (series) DO UPDATE SET last_value = GREATEST(number_series.last_value, EXCLUDED.last_value)");
      }
      s.executeBatch();
    }
    g.db.commit();
    recreate(indexes);
    Generate.log(String.format("repair: done with indexes in %.1f s", (System.nanoTime() - t0) / 1e9));
  }

  void prepare() throws SQLException {
    try (Statement s = g.db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT code, target_hours, arrive_minutes FROM repair_category")) {
        while (rs.next()) {
          categories.put(rs.getString(1), new long[] {rs.getInt(2) * 3600L, rs.getInt(3) * 60L});
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT sc.community_id, r.role, st.id FROM staff st JOIN staff_role r ON r.staff_id = st.id JOIN staff_community sc ON sc.staff_id = st.id"
          + " WHERE r.role IN ('TECHNICIAN', 'CUSTOMER_SERVICE') ORDER BY st.id")) {
        while (rs.next()) {
          if (rs.getString(2).equals("TECHNICIAN")) {
            technicians.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(3));
          } else {
            customerService.putIfAbsent(rs.getLong(1), rs.getLong(3));
          }
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT resident_id FROM occupancy WHERE relation = 'OWNER' AND unit_id = " + cs.get(0).firstUnit())) {
        rs.next();
        firstResident = rs.getLong(1);
      }
      long b;
      try (ResultSet rs = s.executeQuery("SELECT min(id) FROM building WHERE community_id = " + cs.get(0).id())) {
        rs.next();
        b = rs.getLong(1);
      }
      unitPrefix = new long[cs.size() + 1];
      firstOwner = new long[cs.size()];
      firstBuilding = new long[cs.size()];
      long r = firstResident;
      for (int i = 0; i < cs.size(); i++) {
        Generate.Community c = cs.get(i);
        unitPrefix[i + 1] = unitPrefix[i] + c.units();
        firstOwner[i] = r;
        firstBuilding[i] = b;
        r += c.units() + (c.units() + 1) / 2;
        b += c.buildings();
      }
    }
  }

  List<String[]> dropIndexes() throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Statement s = g.db.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
          + " WHERE t.relname IN ('repair_order', 'repair_event', 'deadline_clock', 'deadline_clock_event')"
          + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] i : out) {
        s.execute("DROP INDEX " + i[0]);
      }
    }
    Generate.log("repair: dropped " + out.size() + " secondary indexes for the load");
    return out;
  }

  void recreate(List<String[]> indexes) throws SQLException {
    g.db.setAutoCommit(true);
    try (Statement s = g.db.createStatement()) {
      s.execute("SET maintenance_work_mem = '512MB'");
      s.execute("SET max_parallel_maintenance_workers = 1");
      for (String[] i : indexes) {
        long t = System.nanoTime();
        s.execute(i[1]);
        Generate.log(String.format("repair: %s rebuilt in %.1f s", i[0], (System.nanoTime() - t) / 1e9));
      }
    }
    g.db.setAutoCommit(false);
  }

  static void analyze(Generate g) throws SQLException {
    try (Statement s = g.db.createStatement()) {
      for (String t : TABLES) {
        s.execute("VACUUM ANALYZE " + t);
      }
    }
  }

  // ---------------------------------------------------------------- orders

  /** A picked unit: community index and unit index within it. */
  int pickCommunity(long globalUnit) {
    int lo = 0;
    int hi = cs.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (unitPrefix[mid] <= globalUnit) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  void closedOrders(long total) throws SQLException {
    LocalDate last = now.atZone(ZONE).toLocalDate().minusDays(7);
    LocalDate first = last.minusDays(3 * 365);
    int days = (int) ChronoUnit.DAYS.between(first, last);
    double[] w = new double[days];
    double sum = 0;
    for (int d = 0; d < days; d++) {
      int m = first.plusDays(d).getMonthValue();
      w[d] = (m >= 6 && m <= 8 ? 1.6 : m == 5 || m == 9 ? 1.25 : 1.0) * (first.plusDays(d).getDayOfWeek().getValue() >= 6 ? 1.15 : 1.0);
      sum += w[d];
    }
    long made = 0;
    double carry = 0;
    for (int d = 0; d < days; d++) {
      double want = total * w[d] / sum + carry;
      long n = d == days - 1 ? total - made : (long) want;
      carry = want - n;
      Instant dayStart = first.plusDays(d).atStartOfDay(ZONE).toInstant();
      long[] secs = new long[(int) n];
      for (int i = 0; i < n; i++) {
        secs[i] = 7 * 3600 + (long) (random.nextDouble() * 15 * 3600);
      }
      java.util.Arrays.sort(secs);
      for (int i = 0; i < n; i++) {
        closedOrder(dayStart.plusSeconds(secs[i]));
      }
      made += n;
    }
  }

  void openOrders(long total) throws SQLException {
    List<Instant> at = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      double h = random.nextDouble() < 0.85 ? random.nextDouble() * 30 : 30 + random.nextDouble() * 114;
      at.add(now.minusSeconds((long) (h * 3600) + 60));
    }
    at.sort(null);
    for (Instant r : at) {
      openOrder(r);
    }
  }

  /** The fields every order shares; the caller fills in state. */
  final class Order {
    long id = orderId++;
    int ci;
    Generate.Community c;
    long unit;
    long unitId;
    long buildingId;
    String unitCode;
    boolean common;
    String location;
    String category;
    String description;
    boolean emergency;
    String channel;
    String contactPhone;
    long reporterResident;
    long reporterStaff;
    String actor;
    String actorName;
    Instant reportedAt;
    String number;
    long target;
    long arriveTarget;

    Order(Instant reportedAt) {
      this.reportedAt = reportedAt;
      long global = (long) (random.nextDouble() * unitPrefix[cs.size()]);
      ci = pickCommunity(global);
      c = cs.get(ci);
      unit = global - unitPrefix[ci];
      long b = unit / Generate.PER_BUILDING;
      int k = (int) (unit % Generate.PER_BUILDING);
      buildingId = firstBuilding[ci] + b;
      unitId = c.firstUnit() + unit;
      unitCode = (b + 1) + "-" + (k / 36 + 1) + "-" + ((k % 36) / 2 + 1) + "0" + (k % 2 + 1);
      double ch = random.nextDouble();
      channel = ch < 0.6 ? "PORTAL" : ch < 0.9 ? "PHONE" : "PATROL";
      common = channel.equals("PATROL") || random.nextDouble() < 0.05;
      emergency = random.nextDouble() < 0.015;
      category = common ? COMMON_CATEGORIES[random.nextInt(COMMON_CATEGORIES.length)] : UNIT_CATEGORIES[random.nextInt(UNIT_CATEGORIES.length)];
      String[] texts = TEXTS.get(category);
      description = texts[random.nextInt(texts.length)];
      if (common) {
        location = (b + 1) + "号楼" + LOCATIONS[random.nextInt(LOCATIONS.length)];
      }
      long owner = firstOwner[ci] + unit + (unit + 1) / 2;
      if (channel.equals("PORTAL")) {
        reporterResident = owner;
        actor = "resident:" + owner;
        actorName = "业主";
      } else {
        reporterStaff = channel.equals("PATROL") ? tech(0) : customerService.getOrDefault(c.id(), tech(0));
        actor = "staff:" + reporterStaff;
        actorName = "员工";
      }
      if (!channel.equals("PATROL") && random.nextBoolean()) {
        contactPhone = Generate.phone(owner - firstResident);
      }
      long[] cat = categories.get(category);
      target = cat[0];
      arriveTarget = cat[1];
      String day = DAY.format(reportedAt);
      int seq = series.merge("BX" + day, 1, Integer::sum);
      number = "BX" + day + "-" + String.format("%04d", seq);
    }

    long tech(int i) {
      List<Long> t = technicians.get(c.id());
      return t.get((int) ((unit + i) % t.size()));
    }
  }

  void closedOrder(Instant r) throws SQLException {
    Order o = new Order(r);
    boolean cancelled = random.nextDouble() < 0.03;
    long tech = o.tech(random.nextInt(2));
    Instant dispatched = r.plusSeconds(300 + random.nextInt(1800));
    Instant accepted = dispatched.plusSeconds(60 + random.nextInt(900));
    Instant arrived = accepted.plusSeconds(o.emergency ? 300 + random.nextInt(1200) : 1200 + random.nextInt(3 * 3600));
    double q = random.nextDouble();
    long work = q < 0.6 ? 1800 + random.nextInt(4 * 3600) : q < 0.92 ? 4 * 3600 + random.nextInt(14 * 3600) : 18 * 3600 + random.nextInt(22 * 3600);
    Instant completed = arrived.plusSeconds(work);
    Instant confirmed = completed.plusSeconds(600 + random.nextInt(6 * 3600));
    Instant closedAt = confirmed.plusSeconds(3600 + random.nextInt(24 * 3600));
    Instant cancelledAt = r.plusSeconds(600 + random.nextInt(3600));
    long resolveClock = clockId;
    Instant due = r.plusSeconds(o.target);
    Long arriveClock = null;
    Instant arriveDue = null;
    clock(o, "resolve", o.target, cancelled ? null : tech, cancelled ? null : dispatched, cancelled ? cancelledAt : completed, null, null);
    if (o.emergency) {
      arriveClock = clockId;
      arriveDue = r.plusSeconds(o.arriveTarget);
      clock(o, "arrive", o.arriveTarget, cancelled ? null : tech, cancelled ? null : dispatched, cancelled ? cancelledAt : arrived, null, null);
    }
    StringBuilder sb = orders.row();
    head(sb, o);
    sb.append(cancelled ? "CANCELLED" : "CLOSED").append("\t\\N\t\\N\t").append(cancelled ? "\\N" : tech).append('\t');
    reporter(sb, o);
    sb.append(r).append('\t').append(due).append('\t').append(nul(arriveDue)).append('\t').append(resolveClock).append('\t').append(nul(arriveClock)).append('\t');
    if (cancelled) {
      sb.append("\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t").append(cancelledAt).append("\t住户已自行处理\n");
    } else {
      sb.append(dispatched).append('\t').append(accepted).append('\t').append(arrived).append('\t').append(completed).append('\t').append(confirmed).append('\t').append(closedAt).append("\t\\N\t\\N\n");
    }
    event(o, r, "REPORTED", o.actor, o.actorName, "{\"channel\":\"" + o.channel + "\",\"emergency\":" + o.emergency + ",\"photos\":0}");
    if (cancelled) {
      event(o, cancelledAt, "CANCELLED", o.actor, o.actorName, "{}");
      return;
    }
    String cs = "staff:" + customerService.getOrDefault(o.c.id(), tech);
    event(o, dispatched, "DISPATCHED", cs, "客服", "{\"technicianId\":" + tech + "}");
    event(o, accepted, "ACCEPTED", "staff:" + tech, "维修工", "{}");
    event(o, arrived, "ARRIVED", "staff:" + tech, "维修工", "{\"items\":[\"WORK_CARD\",\"INTRODUCED\"]}");
    event(o, completed, "COMPLETED", "staff:" + tech, "维修工", "{\"items\":[\"FLOOR_PROTECTED\",\"SITE_CLEANED\",\"WASTE_REMOVED\",\"SITE_RESTORED\"],\"fee\":\"0.00\"}");
    event(o, confirmed, "CONFIRMED", o.reporterResident > 0 ? "resident:" + o.reporterResident : cs, "业主", "{\"satisfied\":true}");
    event(o, closedAt, "CLOSED", cs, "客服", "{}");
  }

  void openOrder(Instant r) throws SQLException {
    Order o = new Order(r);
    if (o.emergency) {
      r = now.minusSeconds(120 + random.nextInt(2 * 3600));
      o.reportedAt = r;
    }
    String status = OPEN_STATES[random.nextInt(OPEN_STATES.length)];
    long ageSeconds = Duration.between(r, now).toSeconds();
    boolean older = ageSeconds > 30 * 3600;
    boolean paused = !status.equals("COMPLETED") && (older || random.nextDouble() < 0.05);
    int steps = switch (status) {
      case "REPORTED" -> 0;
      case "DISPATCHED" -> 1;
      case "ACCEPTED" -> 2;
      case "ON_SITE" -> 3;
      default -> 4;
    };
    // event times spread over the order's age: reported, dispatched, accepted, arrived, completed, paused
    Instant[] t = new Instant[6];
    for (int i = 0; i < 6; i++) {
      t[i] = r.plusSeconds(ageSeconds * i / 7);
    }
    long tech = steps > 0 ? o.tech(random.nextInt(2)) : 0;
    String cause = paused ? CAUSES[older ? 0 : random.nextInt(CAUSES.length)] : null;
    Instant pausedAt = paused ? t[5] : null;
    Instant due = r.plusSeconds(o.target);
    long resolveClock = clockId;
    clock(o, "resolve", o.target, steps > 0 ? tech : null, steps > 0 ? t[1] : null, status.equals("COMPLETED") ? t[4] : null, cause, pausedAt);
    Long arriveClock = null;
    Instant arriveDue = null;
    if (o.emergency) {
      arriveClock = clockId;
      arriveDue = r.plusSeconds(o.arriveTarget);
      clock(o, "arrive", o.arriveTarget, steps > 0 ? tech : null, steps > 0 ? t[1] : null, steps >= 3 ? t[3] : null, steps < 3 ? cause : null, steps < 3 ? pausedAt : null);
    }
    StringBuilder sb = orders.row();
    head(sb, o);
    sb.append(status).append('\t').append(nul(cause)).append('\t').append(nul(pausedAt)).append('\t').append(steps > 0 ? String.valueOf(tech) : "\\N").append('\t');
    reporter(sb, o);
    sb.append(r).append('\t').append(due).append('\t').append(nul(arriveDue)).append('\t').append(resolveClock).append('\t').append(nul(arriveClock)).append('\t');
    for (int i = 1; i <= 4; i++) {
      sb.append(steps >= i ? t[i].toString() : "\\N").append('\t');
    }
    sb.append("\\N\t\\N\t\\N\t\\N\n");
    event(o, r, "REPORTED", o.actor, o.actorName, "{\"channel\":\"" + o.channel + "\",\"emergency\":" + o.emergency + ",\"photos\":0}");
    String cs = "staff:" + customerService.getOrDefault(o.c.id(), tech);
    if (steps >= 1) {
      event(o, t[1], "DISPATCHED", cs, "客服", "{\"technicianId\":" + tech + "}");
    }
    if (steps >= 2) {
      event(o, t[2], "ACCEPTED", "staff:" + tech, "维修工", "{}");
    }
    if (steps >= 3) {
      event(o, t[3], "ARRIVED", "staff:" + tech, "维修工", "{\"items\":[\"WORK_CARD\",\"INTRODUCED\"]}");
    }
    if (steps >= 4) {
      event(o, t[4], "COMPLETED", "staff:" + tech, "维修工", "{\"items\":[\"FLOOR_PROTECTED\",\"SITE_CLEANED\",\"WASTE_REMOVED\",\"SITE_RESTORED\"],\"fee\":\"0.00\"}");
    }
    if (paused) {
      event(o, pausedAt, "PAUSED", steps > 0 ? "staff:" + tech : cs, steps > 0 ? "维修工" : "客服", "{\"cause\":\"" + cause + "\"}");
    }
  }

  void head(StringBuilder sb, Order o) {
    sb.append(o.id).append('\t').append(o.number).append('\t').append(o.c.id()).append('\t').append(o.buildingId).append('\t');
    if (o.common) {
      sb.append("\\N\t\\N\tCOMMON\t").append(o.location);
    } else {
      sb.append(o.unitId).append('\t').append(o.unitCode).append("\tUNIT\t\\N");
    }
    sb.append('\t').append(o.category).append('\t').append(o.description).append('\t').append(o.emergency).append('\t').append(o.channel).append('\t').append(nul(o.contactPhone)).append('\t');
  }

  void reporter(StringBuilder sb, Order o) {
    sb.append(o.reporterResident > 0 ? String.valueOf(o.reporterResident) : "\\N").append('\t').append(o.reporterStaff > 0 ? String.valueOf(o.reporterStaff) : "\\N").append('\t');
  }

  void event(Order o, Instant at, String type, String actor, String name, String data) throws SQLException {
    events.row().append(o.id).append('\t').append(at).append('\t').append(type).append('\t').append(actor).append('\t').append(name).append("\t\\N\t").append(data).append('\n');
    eventRows++;
  }

  /**
   * A clock as the module would have left it: started at reporting, assigned at dispatch, stopped
   * (completion, arrival or cancellation) or paused; levels already passed are recorded as fired.
   */
  void clock(Order o, String purpose, long target, Long assignee, Instant assignedAt, Instant stoppedAt, String pauseCause, Instant pausedAt) throws SQLException {
    long id = clockId++;
    Instant started = o.reportedAt;
    Instant due = started.plusSeconds(target);
    Instant until = stoppedAt != null ? stoppedAt : pausedAt != null ? pausedAt : now;
    Instant[] fire = {started.plusMillis((long) (target * 1000 * 0.8)), due, due.plusSeconds(4 * 3600)};
    String[] levels = {"WARNING", "BREACH", "ESCALATION"};
    String nextLevel = null;
    Instant nextFire = null;
    for (int i = 0; i < 3; i++) {
      if (!fire[i].isAfter(until)) {
        escalations.row().append(id).append('\t').append(levels[i]).append('\t').append(fire[i]).append('\t').append(i == 0 ? (assignee == null ? 0 : 1) : 1).append('\n');
      } else if (nextLevel == null && stoppedAt == null && pausedAt == null) {
        nextLevel = levels[i];
        nextFire = fire[i];
      }
    }
    String state = stoppedAt != null ? "STOPPED" : pausedAt != null ? "PAUSED" : "RUNNING";
    String label = purpose.equals("arrive") ? "紧急报修单 " + o.number + " 到场" : "报修单 " + o.number;
    clocks.row().append("repair\t").append(o.id).append('\t').append(purpose).append('\t').append(label).append("\t/staff/repairs/").append(o.id).append('\t').append(o.c.id()).append('\t')
        .append(assignee == null ? "\\N" : assignee.toString()).append('\t').append(started).append('\t').append(target).append('\t').append(state).append('\t').append(nul(pausedAt)).append('\t')
        .append(due).append('\t').append(nul(stoppedAt)).append('\t').append(nul(nextLevel)).append('\t').append(nul(nextFire)).append('\n');
    clockEvent(id, "STARTED", started, null, o.actor);
    if (assignee != null) {
      clockEvent(id, "ASSIGNED", assignedAt, null, "staff:" + customerService.getOrDefault(o.c.id(), assignee));
    }
    if (pausedAt != null) {
      clockEvent(id, "PAUSED", pausedAt, pauseCause, "staff:" + (assignee == null ? customerService.getOrDefault(o.c.id(), 0L) : assignee));
    }
    if (stoppedAt != null) {
      clockEvent(id, "STOPPED", stoppedAt, null, assignee == null ? o.actor : "staff:" + assignee);
    }
  }

  void clockEvent(long clock, String type, Instant at, String reason, String actor) throws SQLException {
    clockEvents.row().append(clock).append('\t').append(type).append('\t').append(at).append('\t').append(nul(reason)).append("\t\\N\t").append(actor).append('\n');
    clockEventRows++;
  }

  static String nul(Object o) {
    return o == null ? "\\N" : o.toString();
  }
}
