package com.wuye.center.support;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared test fixture: ids of the demo company (滨江花园 BJHY, its units and logins), new
 * communities with units, residents and staff for tests that need a second community, and the
 * images forms send (a drawn signature, a photo). Build one with the test's beans; every area's
 * tests use this instead of copying the lookups.
 */
public final class Demo {

  /** The system actor of fixtures (an administrator with no community restriction). */
  public static final CurrentUser ADMIN =
      new CurrentUser(0, "system", "系统", 0L, null, Set.of(Role.ADMIN), Set.of());

  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

  private final JdbcClient jdbc;
  private final EstateService estate;
  private final StaffService staff;

  public Demo(JdbcClient jdbc, EstateService estate, StaffService staff) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.staff = staff;
  }

  /** A fixture that only reads ids (no estate or staff creation). */
  public Demo(JdbcClient jdbc) {
    this(jdbc, null, null);
  }

  /** A name no other test uses: {@code prefix + number}. */
  public static String unique(String prefix) {
    return prefix + SEQ.incrementAndGet();
  }

  /** The demo community 滨江花园. */
  public long community() {
    return community("BJHY");
  }

  public long community(String code) {
    return jdbc.sql("SELECT id FROM community WHERE code = :c")
        .param("c", code)
        .query(Long.class)
        .single();
  }

  /** A unit of the demo community by its code ("1-1-101"). */
  public long unit(String code) {
    return unit(community(), code);
  }

  public long unit(long communityId, String code) {
    return jdbc.sql("SELECT id FROM unit WHERE community_id = :c AND code = :code")
        .param("c", communityId)
        .param("code", code)
        .query(Long.class)
        .single();
  }

  /** The staff id of a login ("kefu"). */
  public long staffId(String username) {
    return jdbc.sql("SELECT staff_id FROM account WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  /** The current user of a staff login, as its session would hold it. */
  public CurrentUser staffUser(String username) {
    var row =
        jdbc.sql(
                "SELECT a.id AS account_id, a.staff_id, s.name FROM account a"
                    + " JOIN staff s ON s.id = a.staff_id WHERE a.username = :u")
            .param("u", username)
            .query()
            .singleRow();
    long staffId = ((Number) row.get("staff_id")).longValue();
    Set<Role> roles =
        Set.copyOf(
            jdbc
                .sql("SELECT role FROM staff_role WHERE staff_id = :s")
                .param("s", staffId)
                .query(String.class)
                .list()
                .stream()
                .map(Role::valueOf)
                .toList());
    Set<Long> communities =
        Set.copyOf(
            jdbc.sql("SELECT community_id FROM staff_community WHERE staff_id = :s")
                .param("s", staffId)
                .query(Long.class)
                .list());
    return new CurrentUser(
        ((Number) row.get("account_id")).longValue(),
        username,
        (String) row.get("name"),
        staffId,
        null,
        roles,
        communities);
  }

  /** A new community with one building (number "1", 30 floors). */
  public NewCommunity newCommunity() {
    String code = unique("T");
    long id =
        estate.createCommunity(ADMIN, new EstateService.NewCommunity(code, "测试花园" + code, null));
    long building = estate.createBuilding(ADMIN, id, "1", null, 30);
    return new NewCommunity(id, code, building);
  }

  public record NewCommunity(long id, String code, long buildingId) {}

  /** A residential unit ("1502") in the community's building, with an owner if moved in. */
  public long newUnit(NewCommunity c, String room, String area, LocalDate ownerMovedIn) {
    long unit =
        estate.createUnit(
            ADMIN,
            new EstateService.NewUnit(
                c.buildingId(),
                "1",
                Integer.parseInt(room.substring(0, room.length() - 2)),
                room,
                new BigDecimal(area),
                Estate.Usage.RESIDENTIAL));
    if (ownerMovedIn != null) {
      estate.moveIn(ADMIN, unit, newResident(), Estate.Relation.OWNER, ownerMovedIn);
    }
    return unit;
  }

  /** A registered resident with a unique phone and passport number. */
  public long newResident() {
    long n = SEQ.incrementAndGet();
    return estate.registerResident(
        ADMIN,
        new EstateService.NewResident(
            "业主" + n, "139" + String.format("%08d", n % 100_000_000), "PASSPORT", "P" + n));
  }

  /** A staff login with the roles, serving the communities; returns the username. */
  public String newStaff(String password, Set<Role> roles, Set<Long> communities) {
    String username = unique("st");
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            username, password, "员工" + username, null, roles, communities, false));
    return username;
  }

  /** A signature as the signature pad sends it: a PNG data URL with a drawn stroke. */
  public static String signature() {
    BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3));
    g.drawPolyline(new int[] {10, 60, 120, 180, 250}, new int[] {80, 20, 70, 15, 60}, 5);
    g.dispose();
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
  }

  /** An empty signature pad (nothing drawn). */
  public static String blankSignature() {
    return "data:image/png;base64,"
        + Base64.getEncoder()
            .encodeToString(png(new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB)));
  }

  /** A small real JPEG photo. */
  public static byte[] jpeg() {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(5, 5, 20, 10);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
