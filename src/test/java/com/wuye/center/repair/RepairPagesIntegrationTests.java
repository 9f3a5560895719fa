package com.wuye.center.repair;

import static com.wuye.center.repair.RepairFixtures.completionChecklist;
import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every repair page renders for the people who use it, in Chinese and English, and no others. */
@IntegrationTest
class RepairPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
  }

  static void page(Api who, String path, String... texts) {
    Api.Response r = who.get(path);
    assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
    assertThat(r.body()).as(path).doesNotContain("出错了").doesNotContain("??");
    for (String t : texts) {
      assertThat(r.body()).as(path).contains(t);
    }
  }

  @Test
  @DisplayName("Staff, technician, manager and resident pages render through a whole order's life")
  void pagesRender() {
    Api resident = f.login("13800000001");
    Api kefu = f.login("kefu");
    Api tech = f.login("gongcheng");
    Api jingli = f.login("jingli");
    long id = f.reportInUnit(resident, "1-1-101", true).get("id").asLong();
    String number =
        jdbc.sql("SELECT number FROM repair_order WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();

    page(kefu, "/staff/repairs", "报修调度台", number, "紧急");
    page(kefu, "/staff/repairs?lang=en", "Repair dispatch board");
    page(kefu, "/staff/repairs/new", "登记报修", "name=\"idempotencyKey\"");
    page(kefu, "/staff/repairs/" + id, number, "派单", "报修登记", "开始计时");
    page(kefu, "/staff/repairs/settings", "维修收费标准", "更换水龙头");
    page(resident, "/portal/repairs", number);
    page(resident, "/portal/repairs/new", "我要报修");
    page(resident, "/portal/repairs/" + id, number, "处理进程");
    page(resident, "/portal/repairs/prices", "疏通马桶");

    f.dispatch(id, "gongcheng");
    page(tech, "/staff/repairs/mine", number, "接单");
    page(tech, "/staff/repairs/" + id, "接单");
    f.ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    page(tech, "/staff/repairs/" + id, "已佩戴工作卡（EN-1）", "已在地面铺设保护（EN-5）", "暂停计时");
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/arrive",
            Map.of("checklist", List.of("WORK_CARD", "INTRODUCED", "FLOOR_PROTECTED"))));
    page(tech, "/staff/repairs/" + id, "已将垃圾杂物带离（EN-4）", "更换水龙头（人工）", "申请标准外项目");
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of(
                "checklist",
                completionChecklist(true),
                "fees",
                List.of(Map.of("priceItemId", f.priceItem("更换角阀（人工）"), "quantity", 1)))));
    page(tech, "/staff/repairs/" + id + "/sign", "签字人姓名", "维修人员是否佩戴了工作卡");
    page(resident, "/portal/repairs/" + id, "signature-canvas", "除公布的收费标准外", "15.00");
    f.ok(
        resident.post(
            "/api/v1/portal/repairs/" + id + "/confirm", RepairFixtures.confirmation(true, true)));
    page(kefu, "/staff/repairs/" + id, "记录回访", "业户满意");
    assertThat(kefu.get("/staff/repairs/" + id).body()).doesNotContain("师傅说要另给");
    page(jingli, "/staff/repairs/" + id, "师傅说要另给");
    page(jingli, "/staff/repairs/integrity", number, "结案");
    page(resident, "/portal/repairs/" + id, "★★★★★");
    assertThat(kefu.get("/staff/repairs/" + id + "/signatures/1").status()).isIn(200, 404);
  }

  @Test
  @DisplayName(
      "Who may open which page: residents only their own orders, managers only the integrity cases")
  void access() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    assertThat(f.login("13800000002").get("/portal/repairs/" + id).status()).isEqualTo(404);
    assertThat(f.login("13800000002").get("/portal/repairs/" + id).body()).contains("报修单不存在");
    assertThat(resident.get("/staff/repairs/" + id).status()).isEqualTo(403);
    assertThat(f.login("kefu").get("/staff/repairs/integrity").status()).isEqualTo(403);
    assertThat(f.login("zhuguan").get("/staff/repairs/integrity").status()).isEqualTo(403);
  }

  /** Where a form's redirect went: the path of the Location header. */
  static String path(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(302);
    return URI.create(r.body()).getPath();
  }

  /** Posts a page form and reads the page it redirects to (with its saved or refused message). */
  String submit(Api who, String form, Map<String, ?> fields) {
    Api.Response page = who.get(path(f.postForm(who, form, fields)));
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  static final String SAVED = "id=\"saved\"";
  static final String REFUSED = "id=\"refused\"";

  @Test
  @DisplayName(
      "Forms on the pages: a report is saved once per form key, a refusal comes back with its message and what was typed, each step is saved")
  void formsSaveOrRefuse() {
    Api kefu = f.login("kefu");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("communityId", f.demo.community());
    report.put("area", "COMMON");
    report.put("location", "5栋 大堂");
    report.put("category", "PUBLIC_FACILITY");
    report.put("description", "大堂门禁刷卡无反应");
    report.put("channel", "PHONE");
    report.put("preferredVisitAt", "2099-01-02T09:30");
    report.put("idempotencyKey", UUID.randomUUID().toString());
    String order = path(f.postForm(kefu, "/staff/repairs/new", report));
    assertThat(order).matches("/staff/repairs/\\d+");
    long id = Long.parseLong(order.substring(order.lastIndexOf('/') + 1));
    assertThat(kefu.get(order).body()).contains(SAVED, "大堂门禁刷卡无反应", "2099-01-02 09:30");
    // the same form sent again (a double click, a resend): the same order
    assertThat(submit(kefu, "/staff/repairs/new", report)).contains("报修单 " + number(id));

    Map<String, Object> badPhone = new LinkedHashMap<>(report);
    badPhone.put("idempotencyKey", UUID.randomUUID().toString());
    badPhone.put("contactPhone", "12345");
    assertThat(submit(kefu, "/staff/repairs/new", badPhone)).contains(REFUSED, "大堂门禁刷卡无反应");

    long gongcheng = f.demo.staffId("gongcheng");
    assertThat(submit(kefu, order + "/dispatch", Map.of("technicianId", gongcheng, "version", 0)))
        .contains(SAVED, "派单给 张建国");
    long liu = f.demo.staffId("gongcheng2");
    assertThat(
            submit(
                kefu, order + "/reassign", Map.of("technicianId", liu, "version", f.version(id))))
        .contains(REFUSED, "请填写原因");
    Api tech = f.login("gongcheng");
    Map<String, String> pause = Map.of("cause", "PARTS_ON_ORDER", "note", "等门禁主板");
    assertThat(submit(tech, order + "/pause", pause)).contains(SAVED, "等门禁主板");
    assertThat(submit(tech, order + "/resume", Map.of())).contains(SAVED);
    assertThat(submit(tech, order + "/accept", Map.of())).contains(SAVED);
    List<String> arrival = List.of("WORK_CARD", "INTRODUCED");
    assertThat(submit(tech, order + "/arrive", Map.of("checklist", arrival))).contains(SAVED);
    Map<String, Object> notClean =
        Map.of("checklist", List.of("SITE_CLEANED"), "priceItemId", List.of(""), "quantity", "");
    assertThat(submit(tech, order + "/complete", notClean)).contains(REFUSED, "EN-4");
    var done = Map.of("checklist", completionChecklist(false));
    assertThat(submit(tech, order + "/complete", done)).contains(SAVED);
    assertThat(f.status(id)).isEqualTo("COMPLETED");

    Api jingli = f.login("jingli");
    Map<String, String> price =
        new LinkedHashMap<>(
            Map.of(
                "communityId", // a community's own item: company-wide ones are the company's
                String.valueOf(f.demo.community()),
                "name",
                "更换门禁读卡器",
                "unit",
                "个"));
    price.put("price", "abc");
    assertThat(submit(jingli, "/staff/repairs/settings/prices", price))
        .contains(REFUSED, "更换门禁读卡器");
    price.put("price", "120.00");
    assertThat(submit(jingli, "/staff/repairs/settings/prices", price)).contains(SAVED, "120.00");

    Api resident = f.login("13800000001");
    Map<String, Object> portal = new LinkedHashMap<>();
    portal.put("where", String.valueOf(f.demo.unit("1-1-101")));
    portal.put("category", "DRAIN");
    portal.put("description", "厨房地漏反味");
    portal.put("idempotencyKey", UUID.randomUUID().toString());
    String mine = path(f.postForm(resident, "/portal/repairs/new", portal));
    assertThat(mine).startsWith("/portal/repairs/");
    assertThat(resident.get(mine).body()).contains(SAVED, "厨房地漏反味");
    assertThat(submit(resident, mine + "/cancel", Map.of("reason", "已自行处理")))
        .contains(SAVED, "已取消");
  }

  String number(long id) {
    return jdbc.sql("SELECT number FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }
}
