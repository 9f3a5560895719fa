package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.Api;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Shared steps of the repair tests: real HTTP calls as the demo users. */
final class RepairFixtures {

  final int port;
  final EstateDirectory estate;
  final JdbcClient jdbc;

  RepairFixtures(int port, EstateDirectory estate, JdbcClient jdbc) {
    this.port = port;
    this.estate = estate;
    this.jdbc = jdbc;
  }

  long community() {
    return estate.communities().stream()
        .filter(c -> c.code().equals("BJHY"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  long unit(String code) {
    return estate.unitByCode(community(), code).orElseThrow().id();
  }

  long staffId(String username) {
    return jdbc.sql("SELECT staff_id FROM account WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  private final Map<String, Api> sessions = new java.util.HashMap<>();

  /** A logged-in API client per demo user (logged in once per test). */
  Api login(String user) {
    return sessions.computeIfAbsent(user, u -> Api.login(port, u));
  }

  /** A resident of 1-1-101 reports a water leak in their unit. */
  JsonNode reportInUnit(Api resident, String unitCode, boolean emergency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unitId", unit(unitCode));
    body.put("category", "WATER_ELECTRIC");
    body.put("description", "厨房水槽下水管漏水");
    body.put("location", "厨房");
    body.put("emergency", emergency);
    Api.Response r = resident.post("/api/v1/portal/repairs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** Customer service logs a common-area repair. */
  JsonNode reportCommon(Api staff, long communityId, String category, boolean emergency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("communityId", communityId);
    body.put("location", "3栋 电梯厅");
    body.put("category", category);
    body.put("description", "公共区域故障");
    body.put("emergency", emergency);
    body.put("channel", "PHONE");
    Api.Response r = staff.post("/api/v1/repairs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  JsonNode order(Api who, long id) {
    Api.Response r = who.get("/api/v1/repairs/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  int version(long id) {
    return jdbc.sql("SELECT version FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  String status(long id) {
    return jdbc.sql("SELECT status FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  void ok(Api.Response r) {
    assertThat(r.status()).as(r.body()).isBetween(200, 299);
  }

  void dispatch(long id, String technician) {
    ok(
        login("kefu")
            .post(
                "/api/v1/repairs/" + id + "/dispatch",
                Map.of("technicianId", staffId(technician), "version", version(id))));
  }

  /** Dispatched to, accepted by and arrived: the technician is on site. */
  Api onSite(long id, String technician, boolean indoor) {
    dispatch(id, technician);
    Api tech = login(technician);
    ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    List<String> items = new ArrayList<>(List.of("WORK_CARD", "INTRODUCED"));
    if (indoor) {
      items.add("FLOOR_PROTECTED");
    }
    ok(tech.post("/api/v1/repairs/" + id + "/arrive", Map.of("checklist", items)));
    return tech;
  }

  static List<String> completionChecklist(boolean indoor) {
    List<String> items = new ArrayList<>(List.of("SITE_CLEANED", "WASTE_REMOVED"));
    if (indoor) {
      items.add("SITE_RESTORED");
    }
    return items;
  }

  /** The id of a listed price item by name. */
  long priceItem(String name) {
    return jdbc.sql("SELECT id FROM repair_price_item WHERE name = :n AND active")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  /** The resident's confirmation body: satisfied, all conduct items yes, nothing extra asked. */
  static Map<String, Object> confirmation(boolean indoor, boolean extraAsked) {
    Map<String, Object> conduct = new LinkedHashMap<>();
    for (ConductItem i : ConductItem.applicable(indoor)) {
      conduct.put(i.name(), true);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("satisfied", true);
    body.put("signature", signature());
    body.put("speed", 5);
    body.put("service", 4);
    body.put("comment", "师傅很专业");
    body.put("conduct", conduct);
    body.put("extraAsked", extraAsked);
    if (extraAsked) {
      body.put("extraNote", "师傅说要另给 50 元材料费，没有收据");
    }
    return body;
  }

  /** A PNG with a drawn stroke, as the signature pad sends it. */
  static String signature() {
    BufferedImage img = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(3));
    g.drawLine(20, 90, 120, 30);
    g.drawLine(120, 30, 260, 80);
    g.dispose();
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(img));
  }

  static String blankSignature() {
    BufferedImage img = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(img));
  }

  static byte[] png(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] jpeg() {
    try {
      BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The texts of a user's notifications about a source, rendered in Chinese. */
  List<String> notificationTexts(String username, String sourceType, long sourceId) {
    Api user = login(username);
    Api.Response r =
        user.get(
            (username.startsWith("138") ? "/api/v1/portal" : "/api/v1")
                + "/notifications?limit=200");
    List<String> out = new ArrayList<>();
    for (JsonNode n : r.json()) {
      if (sourceType.equals(n.path("sourceType").asString(""))
          && String.valueOf(sourceId).equals(n.path("sourceId").asString(""))) {
        out.add(n.get("text").asString());
      }
    }
    return out;
  }

  static List<String> timelineTypes(JsonNode order) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : order.get("timeline")) {
      out.add(e.get("source").asString() + ":" + e.get("type").asString());
    }
    return out;
  }
}
