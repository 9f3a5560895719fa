package com.wuye.center.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident files a complaint in the portal; customer service records the eight steps, linking
 * repair orders on the way; the resident is satisfied; the lesson notice appears for another staff
 * member at login until acknowledged, and its read rate updates.
 */
@IntegrationTest
class ComplaintBrowserTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static void record(Browser b, int step) {
    b.click(By.cssSelector("#step-form-" + step + " button[type=submit]"));
    b.find(By.cssSelector("#step-" + step + " .recorded"));
  }

  @Test
  @DisplayName(
      "CS-C1 CS-8 CS-8.6 CS-8.8 CS-C3 portal complaint → eight steps with a linked repair → lesson shown at login until acknowledged, read rate updates")
  void complaintThroughTheEightStepsToTheLessonNotice() {
    String words = "浏览器测试：卫生间漏水修完第二天又漏，楼下邻居来找了两次。";
    String number;
    long complaintId;
    String existing;
    try (Browser resident = new Browser(port)) {
      resident.login("13800000001");
      resident.find(By.id("portal-home"));
      resident.open("/portal/complaints");
      resident.type(By.id("words"), words);
      resident.click(By.id("submit-complaint"));
      number = resident.find(By.id("complaint-number")).getText();
      assertThat(number).matches("TS\\d{8}-\\d{4}");
      assertThat(resident.text()).contains(words).contains("处理中");
      complaintId = Long.parseLong(resident.path().replaceAll(".*/", ""));
      resident.screenshot("complaint-portal-filed");
    }

    long noticeId;
    try (Browser kefu = new Browser(port)) {
      kefu.login("kefu");
      kefu.find(By.id("staff-home"));
      kefu.open("/staff/complaints");
      kefu.click(By.linkText(number));
      assertThat(kefu.find(By.id("complaint-words")).getText()).isEqualTo(words);

      // nothing is pre-filled: the clerk starts from a suggestion (or types their own words)
      assertThat(kefu.find(By.id("step-text-1")).getAttribute("value")).isEmpty();
      kefu.click(By.id("suggest-1"));
      record(kefu, 1);
      // the screen guides in order: only the next step has a form
      assertThat(kefu.driver().findElements(By.id("step-form-3"))).isEmpty();
      kefu.click(By.id("suggest-2"));
      record(kefu, 2);
      kefu.click(By.id("suggest-3"));
      record(kefu, 3);
      kefu.type(By.cssSelector("#step-form-4 textarea[name=text]"), "明天上午十点前派师傅重新做防水");
      kefu.click(By.id("promise-tomorrow18"));
      record(kefu, 4);
      assertThat(kefu.find(By.id("commitment-clock")).getText()).contains("剩余");
      kefu.type(By.cssSelector("#step-form-5 textarea[name=text]"), "彻底修好，并帮忙向楼下邻居解释");

      record(kefu, 5);
      // corrective actions: ask the repair team for an order, and link the existing one
      kefu.type(By.cssSelector("#repair-request-form textarea[name=description]"), "卫生间防水重做");
      kefu.click(By.cssSelector("#repair-request-form button[type=submit]"));
      kefu.find(By.cssSelector("#action-list li[data-kind=REPAIR_REQUEST]"));
      // the repair area logged the order at once: the action shows its number
      String requested =
          kefu.find(By.cssSelector("#action-list li[data-kind=REPAIR_REQUEST]")).getText();
      assertThat(requested).contains("卫生间防水重做").containsPattern("报修单 BX\\d{8}-\\d{4}");
      // an order the repair team already had links by its number, typed in any case
      existing = existingRepairNumber();
      kefu.type(
          By.cssSelector("#repair-link-form input[name=repairNumber]"),
          existing.toLowerCase(java.util.Locale.ROOT));
      kefu.click(By.cssSelector("#repair-link-form button[type=submit]"));
      kefu.find(By.cssSelector("#action-list li[data-kind=REPAIR_LINK]"));
      assertThat(kefu.find(By.id("action-list")).getText()).contains("报修单 " + existing);
      kefu.type(By.cssSelector("#step-form-6 textarea[name=text]"), "已重新做防水并做 24 小时闭水试验");
      record(kefu, 6);

      kefu.click(By.id("satisfied-yes"));
      kefu.type(By.cssSelector("#step-form-7 textarea[name=text]"), "业户回访表示满意");
      record(kefu, 7);

      kefu.type(By.cssSelector("#step-form-8 textarea[name=text]"), "防水维修后未做闭水试验就验收，导致二次漏水");
      kefu.type(
          By.cssSelector("#step-form-8 textarea[name=whatChanges]"), "卫生间防水维修一律做 24 小时闭水试验后再验收");
      record(kefu, 8);
      assertThat(kefu.find(By.id("lessons")).getText()).contains("已读 1 /");
      kefu.screenshot("complaint-eight-steps");

      kefu.click(By.id("suggest-thanks"));
      kefu.click(By.id("close-submit"));
      assertThat(kefu.find(By.id("closing-thanks")).getText()).isEqualTo("感谢您的支持与理解！");
      assertThat(kefu.find(By.id("complaint-status")).getText()).isEqualTo("已结案");
      noticeId =
          jdbc.sql("SELECT id FROM staff_notice WHERE source_type = 'complaint' AND source_id = :s")
              .param("s", String.valueOf(complaintId))
              .query(Long.class)
              .single();
    }

    long staff = jdbc.sql("SELECT count(*) FROM staff WHERE active").query(Long.class).single();
    try (Browser zhou = new Browser(port)) {
      zhou.login("kefu2");
      zhou.find(By.id("staff-home"));
      assertThat(zhou.find(By.id("staff-notice-" + noticeId)).getText())
          .contains(number)
          .contains("24 小时闭水试验");
      zhou.screenshot("lesson-notice-at-login");
      // still there after logging in again: it stays until acknowledged
      zhou.click(By.cssSelector("form[action$='/logout'] button"));
      zhou.login("kefu2");
      zhou.find(By.id("staff-notice-" + noticeId));

      try (Browser supervisor = new Browser(port)) {
        supervisor.login("zhuguan");
        supervisor.open("/staff/notices/" + noticeId);
        assertThat(supervisor.find(By.id("read-rate")).getText())
            .isEqualTo("已读 1 / " + staff + " 人（" + (100 / staff) + "%）");
        assertThat(supervisor.find(By.id("not-read")).getText()).contains("周婷");

        zhou.click(By.id("ack-notice-" + noticeId));
        // back on the home page, without the notice
        new WebDriverWait(zhou.driver(), Duration.ofSeconds(10))
            .until(d -> d.findElements(By.id("staff-notice-" + noticeId)).isEmpty());
        assertThat(zhou.find(By.id("staff-home")).isDisplayed()).isTrue();

        supervisor.open("/staff/notices/" + noticeId);
        assertThat(supervisor.find(By.id("read-rate")).getText())
            .startsWith("已读 2 / " + staff + " 人");
        assertThat(supervisor.find(By.id("not-read")).getText()).doesNotContain("周婷");
        assertThat(supervisor.find(By.id("have-read")).getText()).contains("周婷").contains("李晓梅");
        supervisor.screenshot("lesson-notice-read-rate");
      }
    }

    try (Browser resident = new Browser(port)) {
      resident.login("13800000001");
      resident.open("/portal/complaints/" + complaintId);
      assertThat(resident.find(By.id("complaint-reply")).getText()).contains("感谢您的支持与理解");
      assertThat(resident.text())
          .contains(existing)
          .doesNotContain("闭水试验后再验收"); // the staff lesson is not for residents
    }
  }

  /** A repair order of 滨江花园 logged by customer service over the API (not for a complaint). */
  private String existingRepairNumber() {
    var r =
        com.wuye.center.support.Api.login(port, "kefu")
            .post(
                "/api/v1/repairs",
                java.util.Map.of(
                    "communityId",
                    new Demo(jdbc).community(),
                    "location",
                    "2栋 楼道",
                    "category",
                    "OTHER",
                    "description",
                    "楼道灯不亮",
                    "channel",
                    "PHONE"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("number").asString();
  }
}
