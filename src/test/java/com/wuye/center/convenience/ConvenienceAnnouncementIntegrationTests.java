package com.wuye.center.convenience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CS-S1: the catalog is announced by poster, bulletin board and a flyer per household. */
@IntegrationTest
class ConvenienceAnnouncementIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateDirectory estate;
  @Autowired EstateService estateService;
  @Autowired StaffDirectory staffDirectory;
  @Autowired StaffService staffService;
  @Autowired Announcements announcements;

  Demo demo;
  ConvenienceFixture fx;

  @BeforeEach
  void setUp() {
    demo = new Demo(jdbc, estateService, staffService);
    fx = new ConvenienceFixture(jdbc, estate, estateService, staffService, demo);
  }

  long building(String number) {
    return estate.buildings(demo.community()).stream()
        .filter(b -> b.number().equals(number))
        .findFirst()
        .orElseThrow()
        .id();
  }

  long issue(Api api) {
    var r =
        api.post(
            "/api/v1/convenience/announcements",
            Map.of("communityId", demo.community(), "title", "2030 年便民服务项目公告"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  static int count(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  @DisplayName(
      "CS-S1 the catalog is announced: a poster and a bulletin-board notice, with where each was posted")
  void posterAndBulletinBoardAreProducedAndTheirPostingsRecorded() {
    Api kefu = Api.login(port, "kefu");
    long id = issue(kefu);
    JsonNode a = kefu.get("/api/v1/convenience/announcements/" + id).json();
    assertThat(a.get("announcement").get("services").findValuesAsString("name"))
        .contains("代收快递", "家政保洁", "家电清洗", "开锁换锁", "搬家协助", "借用工具");

    var poster = kefu.get("/staff/convenience/announcements/" + id + "/poster");
    assertThat(poster.status()).isEqualTo(200);
    assertThat(poster.body())
        .contains("id=\"poster\"", "2030 年便民服务项目公告", "家电清洗", "¥80.00/台", "免费", "1 天内")
        .contains("本中心员工不收取任何小费")
        .contains("有噪音的服务只在 08:00–20:00 之间提供，午休时段 12:00–14:00 不安排")
        // the service center's phone (the community's bulletin board; the demo's)
        .contains("服务中心电话：0571-8888 6666");
    var bulletin = kefu.get("/staff/convenience/announcements/" + id + "/bulletin");
    assertThat(bulletin.status()).isEqualTo(200);
    assertThat(bulletin.body())
        .contains("id=\"bulletin\"", "尊敬的各位业户", "家政保洁", "¥45.00/小时")
        .contains("合作方：好帮手家政服务部", "本中心员工不收取任何小费");

    assertThat(
            kefu.post(
                    "/api/v1/convenience/announcements/" + id + "/postings",
                    Map.of("kind", "POSTER", "location", "服务中心前台"))
                .status())
        .isEqualTo(201);
    assertThat(
            Api.login(port, "baoan2")
                .post(
                    "/api/v1/convenience/announcements/" + id + "/postings",
                    Map.of("kind", "BULLETIN", "location", "1 栋大堂公告栏"))
                .status())
        .isEqualTo(201);
    var missing =
        kefu.post(
            "/api/v1/convenience/announcements/" + id + "/postings",
            Map.of("kind", "BULLETIN", "location", " "));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("location");

    JsonNode postings = kefu.get("/api/v1/convenience/announcements/" + id).json().get("postings");
    assertThat(postings.findValuesAsString("location")).containsExactly("服务中心前台", "1 栋大堂公告栏");
    assertThat(postings.findValuesAsString("kind")).containsExactly("POSTER", "BULLETIN");
    assertThat(postings.findValuesAsString("recordedByName")).containsExactly("李晓梅", "孙勇");
  }

  @Test
  @DisplayName(
      "CS-S1 a building's flyer sheets are produced, one flyer per household with its unit code, and delivery is recorded per household")
  void flyerSheetsForABuildingAndTheirDeliveryPerHousehold() {
    Api kefu = Api.login(port, "kefu");
    long id = issue(kefu);
    long b1 = building("1");
    List<Estate.Unit> units = estate.unitsOfBuilding(b1);
    assertThat(units).hasSize(100);

    var sheet = kefu.get("/staff/convenience/announcements/" + id + "/buildings/" + b1 + "/flyers");
    assertThat(sheet.status()).isEqualTo(200);
    String html = sheet.body();
    assertThat(count(html, "class=\"flyer\"")).isEqualTo(100);
    for (Estate.Unit u : units) {
      assertThat(html).contains("data-unit=\"" + u.code() + "\"");
    }
    assertThat(html)
        .contains("致 滨江花园 1-1-101 业户", "致 滨江花园 1-2-2502 业户")
        .contains("滨江花园 1 栋 入户传单派发登记表", "已派发 0 / 100 户");
    assertThat(count(html, "class=\"sheet flyer-page\"")).isEqualTo(50); // two to an A4 sheet

    long u101 = demo.unit("1-1-101");
    long u102 = demo.unit("1-1-102");
    var delivered =
        kefu.post(
            "/api/v1/convenience/announcements/" + id + "/buildings/" + b1 + "/deliveries",
            Map.of("unitIds", List.of(u101, u102), "method", "MAILBOX"));
    assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    assertThat(delivered.json().get("recorded").asInt()).isEqualTo(2);
    assertThat(delivered.json().get("delivered").asInt()).isEqualTo(2);
    assertThat(delivered.json().get("households").asInt()).isEqualTo(100);
    // delivering again changes nothing; a unit of another building is refused
    var again =
        kefu.post(
            "/api/v1/convenience/announcements/" + id + "/buildings/" + b1 + "/deliveries",
            Map.of("unitIds", List.of(u101), "method", "DOOR"));
    assertThat(again.json().get("recorded").asInt()).isZero();
    var wrong =
        kefu.post(
            "/api/v1/convenience/announcements/" + id + "/buildings/" + b1 + "/deliveries",
            Map.of("unitIds", List.of(demo.unit("2-1-101")), "method", "DOOR"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("unitIds");

    JsonNode flyers =
        kefu.get("/api/v1/convenience/announcements/" + id + "/buildings/" + b1).json();
    for (JsonNode f : flyers.get("flyers")) {
      boolean expected = f.get("unitId").asLong() == u101 || f.get("unitId").asLong() == u102;
      assertThat(f.get("delivery").isNull()).as(f.get("unitCode").asString()).isEqualTo(!expected);
    }
    JsonNode progress = kefu.get("/api/v1/convenience/announcements/" + id).json().get("progress");
    for (JsonNode p : progress) {
      int expected = p.get("buildingId").asLong() == b1 ? 2 : 0;
      assertThat(p.get("delivered").asInt()).isEqualTo(expected);
      assertThat(p.get("units").asLong())
          .isEqualTo(
              jdbc.sql("SELECT count(*) FROM unit WHERE building_id = :b")
                  .param("b", p.get("buildingId").asLong())
                  .query(Long.class)
                  .single());
    }
    // the printed delivery sheet ticks what was delivered, and the staff page shows the progress
    String reprinted =
        kefu.get("/staff/convenience/announcements/" + id + "/buildings/" + b1 + "/flyers").body();
    assertThat(reprinted).contains("已派发 2 / 100 户");
    assertThat(count(reprinted, "☑")).isEqualTo(2);
    assertThat(kefu.get("/staff/convenience/announcements/" + id).body()).contains("2 / 100");

    // ticking the sheet: an unticked household is withdrawn, new ticks are recorded
    CurrentUser kefuUser = demo.staffUser("kefu");
    long u201 = demo.unit("1-1-201");
    announcements.tick(kefuUser, id, b1, List.of(u101, u201), Announcement.DeliveryMethod.DOOR);
    var after = announcements.flyerSheet(kefuUser, id, b1);
    assertThat(after.delivered()).isEqualTo(2);
    assertThat(
            after.flyers().stream()
                .filter(Announcement.Flyer::delivered)
                .map(Announcement.Flyer::unitCode))
        .containsExactlyInAnyOrder("1-1-101", "1-1-201");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE entity_type = 'convenience_announcement' AND entity_id = :id AND action = 'FLYERS_WITHDRAWN'")
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("CS-S1 residents see the catalog in the portal")
  void residentsSeeTheCatalogInThePortal() {
    Api resident = Api.login(port, "13800000001");
    JsonNode catalogs = resident.get("/api/v1/portal/convenience/services").json();
    assertThat(catalogs.get(0).get("community").asString()).isEqualTo("滨江花园");
    assertThat(catalogs.get(0).get("services").findValuesAsString("name"))
        .contains("代收快递", "家政保洁", "家电清洗", "开锁换锁", "搬家协助", "借用工具");
    var page = resident.get("/portal/convenience");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("滨江花园 便民服务", "家电清洗", "¥80.00/台", "本中心员工不收取任何小费");
  }

  @Test
  void nothingToAnnounceWithoutServicesOffered() {
    CurrentUser admin = new CurrentUser(0, "test", "测试", 0L, null, Set.of(Role.ADMIN), Set.of());
    long empty =
        estateService.createCommunity(
            admin,
            new EstateService.NewCommunity("CA" + System.nanoTime() % 1_000_000, "空目录小区", null));
    assertThatThrownBy(() -> announcements.issue(admin, empty, null))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.messageKey()).isEqualTo("convenience.error.emptyCatalog"));
    // staff of another community can neither announce nor read 滨江花园's notices
    assertThatThrownBy(() -> announcements.issue(demo.staffUser("kefu"), empty, null))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.FORBIDDEN);
  }
}
