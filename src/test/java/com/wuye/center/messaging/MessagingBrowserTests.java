package com.wuye.center.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real browser, at a desk and on a phone: the outbox with the demo announcement's
 * messages (no channel configured), the staff announcements with approval and read counts, the
 * bulletin sheet, and the resident's announcements.
 */
@IntegrationTest
class MessagingBrowserTests {

  @LocalServerPort int port;

  @Test
  @DisplayName("Outbox, announcements and the portal, at 1366×768 and 375×812")
  void pages() {
    try (Browser zhuguan = new Browser(port)) {
      zhuguan.login("zhuguan");
      for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(375, 812)}) {
        String suffix = "-" + size.getWidth();
        zhuguan.driver().manage().window().setSize(size);
        zhuguan.open("/staff/messaging/outbox?state=OFF");
        zhuguan.find(By.id("outbox-title"));
        assertThat(zhuguan.text()).contains("消息发件箱", "社区公告", "仅记录（未配置）");
        zhuguan.driver().findElements(By.cssSelector("details.msg-delivery")).stream()
            .findFirst()
            .ifPresent(d -> d.findElement(By.tagName("summary")).click());
        zhuguan.screenshot("messaging-outbox" + suffix);

        zhuguan.open("/staff/announcements");
        zhuguan.find(By.id("announcements-title"));
        assertThat(zhuguan.text()).contains("本周六上午全小区停水", "公告中", "待审批");
        zhuguan.screenshot("announcement-list" + suffix);

        zhuguan.driver().findElement(By.linkText("中秋游园活动报名")).click();
        zhuguan.find(By.id("phase"));
        assertThat(zhuguan.text()).contains("批准发布");
        zhuguan.screenshot("announcement-detail" + suffix);
      }
    }
    try (Browser resident = new Browser(port)) {
      resident.login("13800000001");
      for (Dimension size : new Dimension[] {new Dimension(1366, 768), new Dimension(375, 812)}) {
        String suffix = "-" + size.getWidth();
        resident.driver().manage().window().setSize(size);
        resident.open("/portal/announcements");
        resident.find(By.id("portal-announcements"));
        assertThat(resident.text()).contains("本周六上午全小区停水");
        resident.screenshot("announcement-portal" + suffix);
        resident.driver().findElement(By.linkText("本周六上午全小区停水")).click();
        resident.find(By.className("ann-body"));
        resident.screenshot("announcement-portal-detail" + suffix);
      }
    }
  }
}
