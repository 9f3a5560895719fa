package com.wuye.center.repair;

import static com.wuye.center.repair.RepairFixtures.completionChecklist;
import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
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
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, estate, jdbc);
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
    page(kefu, "/staff/repairs/new", "登记报修");
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
}
