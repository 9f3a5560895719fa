package com.wuye.center.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff notices: the audience, acknowledgement once, who may follow up. */
@IntegrationTest
class StaffNoticeIntegrationTests {

  @LocalServerPort int port;
  @Autowired StaffNotices notices;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "CS-8.8 a lesson for chosen communities reaches only their staff; one for the company reaches everyone")
  void audienceDecidesWhoMustRead() {
    Demo demo = new Demo(jdbc, estate, staff);
    Demo.NewCommunity other = demo.newCommunity();
    String code = other.code();
    String username =
        demo.newStaff("Other#Pass1", Set.of(Role.CUSTOMER_SERVICE), Set.of(other.id()));
    long bjhy = demo.community();
    CurrentUser kefu = demo.staffUser("kefu");

    long local =
        notices.publish(
            kefu,
            new StaffNotices.NewNotice(
                "只发滨江花园", "发生了什么", "今后怎么做", Set.of(bjhy), "test", code, null));
    long company =
        notices.publish(
            kefu,
            new StaffNotices.NewNotice("全公司", "发生了什么", "今后怎么做", Set.of(), "test", code, null));

    Api outsider = Api.login(port, username, "Other#Pass1");
    String pending = outsider.get("/api/v1/staff-notices/pending").body();
    assertThat(pending).contains("全公司").doesNotContain("只发滨江花园");
    assertThat(outsider.post("/api/v1/staff-notices/" + local + "/ack", null).status())
        .isEqualTo(404);
    assertThat(outsider.get("/staff").body())
        .contains("staff-notice-" + company)
        .doesNotContain("staff-notice-" + local);

    StaffNotices.ReadRate localRate = notices.readRate(local);
    StaffNotices.ReadRate companyRate = notices.readRate(company);
    long servingBjhy =
        jdbc.sql(
                "SELECT count(*) FROM staff s WHERE s.active AND EXISTS (SELECT 1 FROM staff_community c WHERE c.staff_id = s.id AND c.community_id = :c)")
            .param("c", bjhy)
            .query(Long.class)
            .single();
    long allActive = jdbc.sql("SELECT count(*) FROM staff WHERE active").query(Long.class).single();
    assertThat(localRate.recipients()).isEqualTo(servingBjhy);
    assertThat(companyRate.recipients()).isEqualTo(allActive);
    assertThat(localRate.acknowledged()).isEqualTo(1);
    assertThat(notices.notice(kefu, local).communityNames()).containsExactly("滨江花园");

    assertThat(outsider.post("/api/v1/staff-notices/" + company + "/ack", null).status())
        .isEqualTo(200);
    assertThat(notices.readRate(company).acknowledged()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE staff_notice_recipient SET acknowledged_at = NULL WHERE notice_id = :n AND acknowledged_at IS NOT NULL")
                    .param("n", company)
                    .update())
        .hasStackTraceContaining("cannot be changed");
    assertThatThrownBy(
            () ->
                notices.publish(
                    kefu, new StaffNotices.NewNotice(" ", "x", "y", Set.of(), null, null, null)))
        .isInstanceOf(DomainException.class);
  }
}
