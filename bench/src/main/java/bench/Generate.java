package bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fills a PostgreSQL database (schema made by the app's Flyway migrations) with a realistic
 * property company at a chosen scale, by COPY. Full scale (1.0): 500 communities, 1,000,000 units,
 * 1,500,000 residents, 2,000 staff; repair orders are added by {@link RepairData}. Deterministic
 * (fixed seed), so two runs at one scale give the same company.
 *
 * <p>Usage: java -cp bench.jar bench.Generate --url jdbc:postgresql://localhost:54329/postgres
 * [--user postgres] [--password postgres] [--scale 0.01]
 */
public final class Generate {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("generate");

  static final String PASSWORD = "Bench@2026";
  static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华志海燕婷东庆兰秀凤玉梅红建国文斌波辉鹏飞宇浩然子涵欣怡";
  static final String[] PLACES = {"江南", "滨江", "紫金", "翠苑", "金色", "阳光", "锦绣", "碧水", "香樟", "和园", "世纪", "星河", "东方", "天鹅", "绿城", "蓝湾", "桂花", "枫林", "湖畔", "云栖"};
  static final String[] KINDS = {"花园", "小区", "家园", "公寓", "名苑", "嘉园", "华府", "雅苑", "新村", "府"};

  final Connection db;
  final double scale;
  String user = "postgres";
  String password = "postgres";
  final SplittableRandom random = new SplittableRandom(20261127);

  Generate(Connection db, double scale) {
    this.db = db;
    this.scale = scale;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = Args.parse(args);
    double scale = Double.parseDouble(a.getOrDefault("scale", "0.01"));
    try (Connection db = DriverManager.getConnection(a.getOrDefault("url", "jdbc:postgresql://localhost:54329/postgres"), a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"))) {
      Generate g = new Generate(db, scale);
      g.user = a.getOrDefault("user", "postgres");
      g.password = a.getOrDefault("password", "postgres");
      g.run();
    }
  }

  /** A generated community's size and id range. */
  record Community(long id, int units, long firstUnit, int buildings) {}

  void run() throws SQLException, IOException {
    long t0 = System.nanoTime();
    exec("CREATE TABLE IF NOT EXISTS bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    String done = value("generated_scale");
    if (done != null) {
      log("already generated at scale " + done + "; nothing to do");
      return;
    }
    int communities = Math.max(1, (int) Math.round(500 * scale));
    long units = Math.max(50, Math.round(1_000_000 * scale));
    int staff = Math.max(12, (int) Math.round(2_000 * scale));
    db.setAutoCommit(false);
    List<Community> cs = communities(communities, units);
    long residentsMade = residents(cs);
    staff(cs, staff);
    db.commit();
    log(String.format("estate: %d communities, %d units, %d residents, %d staff in %.1f s", communities, units, residentsMade, staff, (System.nanoTime() - t0) / 1e9));
    new RepairData(this, cs).run();
    exec("INSERT INTO bench_meta VALUES ('generated_scale', '" + scale + "') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
    db.commit();
    db.setAutoCommit(true);
    for (String t : List.of("community", "building", "unit", "resident", "occupancy", "staff", "account")) {
      exec("VACUUM ANALYZE " + t);
    }
    RepairData.analyze(this);
    exec("INSERT INTO bench_meta VALUES ('generate_seconds', '" + Math.round((System.nanoTime() - t0) / 1e8) / 10.0 + "') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value");
    log(String.format("done in %.1f s", (System.nanoTime() - t0) / 1e9));
  }

  /** A few big communities, many small: sizes follow a Zipf-like curve, scaled to the total. */
  List<Community> communities(int n, long totalUnits) throws SQLException, IOException {
    double[] weights = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = 1.0 / Math.pow(i + 1, 0.7);
      sum += weights[i];
    }
    long firstCommunity = nextId("community");
    long firstBuilding = nextId("building");
    long firstUnit = nextId("unit");
    StringBuilder cb = new StringBuilder();
    StringBuilder bb = new StringBuilder();
    List<Community> out = new ArrayList<>();
    long unitId = firstUnit;
    long assigned = 0;
    for (int i = 0; i < n; i++) {
      long left = totalUnits - assigned;
      int size = i == n - 1 ? (int) left : (int) Math.max(1, Math.min(left - (n - 1 - i), Math.max(20, Math.round(totalUnits * weights[i] / sum))));
      assigned += size;
      long cid = firstCommunity + i;
      String name = PLACES[i % PLACES.length] + KINDS[(i / PLACES.length) % KINDS.length] + (i >= PLACES.length * KINDS.length ? (i / (PLACES.length * KINDS.length) + 1) + "期" : "");
      cb.append("C").append(String.format("%04d", i + 1)).append('\t').append(name).append('\t').append("杭州市").append(name).append("路").append(i + 1).append("号\n");
      int buildings = (size + PER_BUILDING - 1) / PER_BUILDING;
      for (int b = 0; b < buildings; b++) {
        bb.append(cid).append('\t').append(b + 1).append('\t').append(b + 1).append("号楼\t18\n");
      }
      out.add(new Community(cid, size, unitId, buildings));
      unitId += size;
    }
    copyAll("COPY community (code, name, address) FROM STDIN", cb);
    check("community", firstCommunity, firstCommunity + n - 1);
    copyAll("COPY building (community_id, number, name, floors) FROM STDIN", bb);
    // buildings of 2 entrances × 18 floors × 2 rooms = 72 units
    long buildingId = firstBuilding;
    CopyIn units = copy("COPY unit (community_id, building_id, entrance, floor, room_number, code, floor_area, usage) FROM STDIN");
    StringBuilder ub = new StringBuilder();
    for (Community c : out) {
      for (int b = 0; b < c.buildings(); b++) {
        int inBuilding = Math.min(PER_BUILDING, c.units() - b * PER_BUILDING);
        for (int k = 0; k < inBuilding; k++) {
          int entrance = k / 36 + 1;
          int floor = (k % 36) / 2 + 1;
          int room = k % 2 + 1;
          String roomNo = floor + "0" + room;
          String area = room == 1 ? "89.50" : (floor % 3 == 0 ? "143.20" : "118.75");
          ub.append(c.id()).append('\t').append(buildingId).append('\t').append(entrance).append('\t').append(floor).append('\t').append(roomNo).append('\t')
              .append(b + 1).append('-').append(entrance).append('-').append(roomNo).append('\t').append(area).append("\tRESIDENTIAL\n");
        }
        buildingId++;
        if (ub.length() > 1 << 20) {
          write(units, ub);
        }
      }
    }
    write(units, ub);
    units.endCopy();
    check("building", firstBuilding, buildingId - 1);
    check("unit", firstUnit, unitId - 1);
    return out;
  }

  static final int PER_BUILDING = 72;

  /** 1.5 residents per unit: an owner for every unit, a household member or tenant for half. */
  long residents(List<Community> cs) throws SQLException, IOException {
    long firstResident = nextId("resident");
    CopyIn rc = copy("COPY resident (name, phone, id_type, id_number) FROM STDIN");
    StringBuilder rb = new StringBuilder();
    long count = 0;
    for (Community c : cs) {
      for (int u = 0; u < c.units(); u++) {
        int people = u % 2 == 0 ? 2 : 1;
        for (int p = 0; p < people; p++) {
          rb.append(name()).append('\t').append(phone(count)).append("\tRESIDENT_ID\t").append(idNumber(count)).append('\n');
          count++;
        }
        if (rb.length() > 1 << 20) {
          write(rc, rb);
        }
      }
    }
    write(rc, rb);
    rc.endCopy();
    check("resident", firstResident, firstResident + count - 1);
    CopyIn oc = copy("COPY occupancy (unit_id, resident_id, relation, moved_in) FROM STDIN");
    long r = firstResident;
    LocalDate base = LocalDate.of(2010, 1, 1);
    for (Community c : cs) {
      for (int u = 0; u < c.units(); u++) {
        long unitId = c.firstUnit() + u;
        String movedIn = base.plusDays((unitId * 37) % 5800).toString();
        rb.append(unitId).append('\t').append(r++).append("\tOWNER\t").append(movedIn).append('\n');
        if (u % 2 == 0) {
          rb.append(unitId).append('\t').append(r++).append(u % 4 == 0 ? "\tMEMBER\t" : "\tTENANT\t").append(movedIn).append('\n');
        }
        if (rb.length() > 1 << 20) {
          write(oc, rb);
        }
      }
    }
    write(oc, rb);
    oc.endCopy();
    // portal logins for the owners of the first 200 units of each community (password Bench@2026)
    String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
    // communities' units are contiguous id ranges: the first 200 of each, joined by primary key
    StringBuilder ranges = new StringBuilder();
    for (Community c : cs) {
      ranges.append(ranges.length() == 0 ? "" : ",").append("(").append(c.firstUnit()).append(",").append(Math.min(200, c.units())).append(")");
    }
    exec(
        "INSERT INTO account (username, password_hash, kind, resident_id) SELECT r.phone, '" + hash + "', 'RESIDENT', r.id"
            + " FROM (VALUES " + ranges + ") f(first, n) CROSS JOIN LATERAL generate_series(f.first, f.first + f.n - 1) g(unit_id)"
            + " JOIN occupancy o ON o.unit_id = g.unit_id AND o.relation = 'OWNER' JOIN resident r ON r.id = o.resident_id ON CONFLICT DO NOTHING");
    return count;
  }

  /** Staff spread over communities: per community a customer-service assistant, technicians, security. */
  void staff(List<Community> cs, int total) throws SQLException {
    String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
    String[] roles = {"CUSTOMER_SERVICE", "TECHNICIAN", "TECHNICIAN", "SECURITY", "TECHNICIAN", "SUPERVISOR", "CASHIER", "SECURITY", "TECHNICIAN", "MANAGER"};
    try (Statement s = db.createStatement()) {
      for (int i = 0; i < total; i++) {
        Community c = cs.get(i % cs.size());
        String role = roles[(i / cs.size()) % roles.length];
        long id;
        try (ResultSet rs = s.executeQuery("INSERT INTO staff (name, shift_leader) VALUES ('" + name() + "', " + (role.equals("SECURITY") && i / cs.size() == 3) + ") RETURNING id")) {
          rs.next();
          id = rs.getLong(1);
        }
        s.addBatch("INSERT INTO staff_role VALUES (" + id + ", '" + role + "')");
        s.addBatch("INSERT INTO staff_community VALUES (" + id + ", " + c.id() + ")");
        s.addBatch("INSERT INTO account (username, password_hash, kind, staff_id) VALUES ('b" + role.toLowerCase().replace('_', '-') + "-" + c.id() + "-" + i + "', '" + hash + "', 'STAFF', " + id + ")");
        if (i % 500 == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
      // the administrator who may trigger the escalation sweep (POST /api/v1/admin/deadlines/sweep)
      long admin;
      try (ResultSet rs = s.executeQuery("INSERT INTO staff (name) VALUES ('基准管理员') RETURNING id")) {
        rs.next();
        admin = rs.getLong(1);
      }
      s.execute("INSERT INTO staff_role VALUES (" + admin + ", 'ADMIN')");
      s.execute("INSERT INTO staff_community VALUES (" + admin + ", " + cs.get(0).id() + ")");
      s.execute("INSERT INTO account (username, password_hash, kind, staff_id) VALUES ('bench-admin', '" + hash + "', 'STAFF', " + admin + ") ON CONFLICT DO NOTHING");
    }
  }

  String name() {
    return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length())) + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
  }

  static String phone(long i) {
    String[] prefixes = {"139", "138", "137", "136", "135", "158", "159", "186", "187", "188"};
    return prefixes[(int) (i / 100_000_000L % prefixes.length)] + String.format("%08d", i % 100_000_000L);
  }

  static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  static String idNumber(long i) {
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i % 18000);
    String first17 = "330106" + birth.toString().replace("-", "") + String.format("%03d", i / 18000 % 1000);
    int sum = 0;
    for (int k = 0; k < 17; k++) {
      sum += (first17.charAt(k) - '0') * WEIGHTS[k];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  long nextId(String table) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + table + "_id_seq")) {
      rs.next();
      return rs.getBoolean(2) ? rs.getLong(1) + 1 : rs.getLong(1);
    }
  }

  void check(String table, long first, long last) throws SQLException {
    long expected = last - first + 1;
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), min(id), max(id) FROM " + table + " WHERE id BETWEEN " + first + " AND " + last)) {
      rs.next();
      if (rs.getLong(1) != expected || rs.getLong(2) != first || rs.getLong(3) != last) {
        throw new IllegalStateException(table + ": ids not as planned (another writer?) " + rs.getLong(1) + "/" + expected);
      }
    }
  }

  CopyIn copy(String sql) throws SQLException {
    CopyManager cm = db.unwrap(PGConnection.class).getCopyAPI();
    return cm.copyIn(sql);
  }

  void copyAll(String sql, StringBuilder data) throws SQLException, IOException {
    CopyManager cm = db.unwrap(PGConnection.class).getCopyAPI();
    cm.copyIn(sql, new StringReader(data.toString()));
    data.setLength(0);
  }

  static void write(CopyIn in, StringBuilder sb) throws SQLException {
    byte[] bytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    sb.setLength(0);
  }

  void exec(String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  String value(String key) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet t = s.executeQuery("SELECT to_regclass('bench_meta') IS NOT NULL")) {
      t.next();
      if (!t.getBoolean(1)) {
        return null;
      }
    }
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT value FROM bench_meta WHERE key = '" + key + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static void log(String msg) {
    LOG.info(msg);
  }
}
