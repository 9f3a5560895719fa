package com.wuye.center.convenience;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.convenience.ConvenienceFixture.Household;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page of the area renders for the people who use it, in Chinese and English. */
@IntegrationTest
class ConveniencePagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateDirectory estate;
  @Autowired EstateService estateService;
  @Autowired StaffDirectory staffDirectory;
  @Autowired StaffService staffService;
  @Autowired ServiceOrdering ordering;
  @Autowired Announcements announcements;

  Demo demo;
  ConvenienceFixture fx;

  @BeforeEach
  void setUp() {
    demo = new Demo(jdbc, estateService, staffService);
    fx = new ConvenienceFixture(jdbc, estate, estateService, staffService, demo);
  }

  @AfterEach
  void finish() {
    fx.cancelOpenOrders(ordering, java.time.Instant.now());
  }

  static LocalDateTime tomorrowAt(int hour) {
    return LocalDateTime.of(LocalDate.now().plusDays(1), LocalTime.of(hour, 0));
  }

  void ok(Api api, String path, String... texts) {
    var r = api.get(path);
    assertThat(r.status()).as(path + "\n" + r.body()).isEqualTo(200);
    assertThat(r.body()).as(path).contains(texts).doesNotContain("Exception");
  }

  @Test
  void staffAndResidentPagesRender() {
    Household h = fx.newHousehold();
    CurrentUser me = fx.residentUser(h.phone());
    long id =
        ordering.place(
            me,
            new ServiceOrdering.NewOrder(
                fx.service("搬家协助"),
                h.unitId(),
                null,
                null,
                null,
                tomorrowAt(15),
                new java.math.BigDecimal("3"),
                new java.math.BigDecimal("60"),
                null,
                "二楼搬到车库"));
    long announcement = announcements.issue(demo.staffUser("kefu"), demo.community(), null);
    long building = estate.buildings(demo.community()).get(0).id();
    long service = fx.service("家电清洗");

    Api kefu = Api.login(port, "kefu");
    ok(kefu, "/staff/convenience/orders", "便民服务订单", "搬家协助");
    ok(kefu, "/staff/convenience/orders?status=ORDERED", "搬家协助");
    ok(kefu, "/staff/convenience/orders/new", "登记来电", "本中心员工不收取任何小费");
    ok(kefu, "/staff/convenience/orders/new?service=" + service, "value=\"80.00\"");
    ok(
        kefu,
        "/staff/convenience/orders/" + id,
        "派单",
        "¥60.00/小时",
        "预计 ¥180.00",
        "二楼搬到车库",
        "本中心员工不收取任何小费");
    ok(kefu, "/staff/convenience/catalog", "便民服务目录", "好帮手家政服务部");
    ok(kefu, "/staff/convenience/announcements", "便民服务项目公告");
    ok(kefu, "/staff/convenience/announcements/" + announcement, "张贴记录", "0 / 100");
    ok(
        kefu,
        "/staff/convenience/announcements/" + announcement + "/buildings/" + building,
        "1-1-101",
        "已派发");
    ok(kefu, "/staff/convenience/orders/" + id + "?lang=en", "Assign", "Our staff accept no tips");
    ok(kefu, "/staff/convenience/orders?lang=zh_CN", "便民服务订单");
    assertThat(kefu.get("/staff/convenience/integrity").status()).isEqualTo(403);

    Api jingli = Api.login(port, "jingli");
    ok(jingli, "/staff/convenience/catalog/" + service, "家电清洗", "保存");
    ok(jingli, "/staff/convenience/integrity", "廉洁事件");

    Api gongcheng = Api.login(port, "gongcheng");
    ok(gongcheng, "/staff/convenience/orders/" + id, "搬家协助");
    assertThat(gongcheng.get("/staff/convenience/orders/new").status()).isEqualTo(403);

    Api resident = Api.login(port, h.phone(), ConvenienceFixture.PASSWORD);
    ok(resident, "/portal/convenience", "我的预约", "搬家协助");
    ok(
        resident,
        "/portal/convenience/order?service=" + service,
        "预约：家电清洗",
        "¥80.00/台",
        "08:00–20:00（午休 12:00–14:00 除外）");
    ok(resident, "/portal/convenience/orders/" + id, "待派单", "本中心员工不收取任何小费");
    ok(resident, "/portal/convenience?lang=en", "My bookings");
    assertThat(resident.get("/portal/convenience/orders/" + id + "?lang=zh_CN").status())
        .isEqualTo(200);
    // another household does not see the order page
    assertThat(Api.login(port, "13800000002").get("/portal/convenience/orders/" + id).status())
        .isEqualTo(404);
    // a refused staff action says why on the page, not with a 500
    var twice = kefu.post("/api/v1/convenience/orders/" + id + "/cancel", Map.of("reason", "业户改期"));
    assertThat(twice.status()).isEqualTo(200);
    ok(kefu, "/staff/convenience/orders/" + id, "已取消", "业户改期");
  }
}
