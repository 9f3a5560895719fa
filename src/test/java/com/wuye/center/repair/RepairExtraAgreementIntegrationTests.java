package com.wuye.center.repair;

import static com.wuye.center.repair.RepairFixtures.completionChecklist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * EN-6, issue 16 item 8: an unlisted item priced remotely by the supervisor is agreed to by the
 * resident — on the portal, or signing on the technician's phone — before the extra work.
 */
@IntegrationTest
class RepairExtraAgreementIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
  }

  /** The technician on site proposes an unlisted item, the supervisor prices it: the line id. */
  private long priced(long id, Api tech) {
    Api.Response extra =
        tech.post(
            "/api/v1/repairs/" + id + "/extra-fees",
            Map.of("item", "进口角阀", "unit", "个", "quantity", 2, "reason", "原角阀锈死，标准中无此型号"));
    assertThat(extra.status()).as(extra.body()).isEqualTo(201);
    long line = extra.json().get("id").asLong();
    f.ok(
        f.login("zhuguan")
            .post(
                "/api/v1/repairs/" + id + "/extra-fees/" + line + "/decision",
                Map.of("approve", true, "unitPrice", 45, "note", "电话核实")));
    return line;
  }

  @Test
  @DisplayName(
      "EN-6 a remotely priced item waits for the resident: no completion before; signed on the technician's phone, declined, it is not charged")
  void agreementOnTheTechniciansPhone() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    long line = priced(id, tech);
    assertThat(f.notificationTexts("13800000001", "repair", id)).anyMatch(t -> t.contains("核定价格"));

    Api.Response early =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true)));
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("detail").asString()).contains("进口角阀").contains("EN-6");

    String path = "/api/v1/repairs/" + id + "/extra-fees/" + line + "/agreement";
    // on the phone the resident signs: without a signature it is refused
    Api.Response unsigned = tech.post(path, Map.of("agree", false, "signerName", "王业主"));
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.json().get("errors").get(0).get("field").asString()).isEqualTo("signature");
    // another technician cannot collect the agreement
    assertThat(
            f.login("gongcheng2")
                .post(
                    path, Map.of("agree", true, "signerName", "王业主", "signature", Demo.signature()))
                .status())
        .isEqualTo(403);
    f.ok(
        tech.post(
            path, Map.of("agree", false, "signerName", "王业主", "signature", Demo.signature())));
    // answered once
    assertThat(
            resident
                .post(
                    "/api/v1/portal/repairs/" + id + "/extra-fees/" + line + "/agreement",
                    Map.of("agree", true))
                .status())
        .isEqualTo(409);

    Api.Response done =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true)));
    f.ok(done);
    assertThat(done.json().get("total").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(f.order(f.login("kefu"), id).get("timeline").toString()).contains("业户不同意标准外项目");
  }

  @Test
  @DisplayName(
      "EN-6 the database keeps the rule: only an approved line can be agreed to, and a phone agreement carries a signature")
  void databaseKeepsTheAgreementRule() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    long pending =
        tech.post(
                "/api/v1/repairs/" + id + "/extra-fees",
                Map.of("item", "特殊密封圈", "unit", "个", "quantity", 1, "reason", "标准中无此项"))
            .json()
            .get("id")
            .asLong();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE repair_fee_line SET resident_agreement = 'AGREED', agreed_at = now(), agreed_channel = 'PORTAL',"
                            + " agreed_by = '王业主' WHERE id = :id")
                    .param("id", pending)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    long line = priced(id, tech);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE repair_fee_line SET resident_agreement = 'AGREED', agreed_at = now(),"
                            + " agreed_channel = 'TECHNICIAN_DEVICE', agreed_by = '王业主' WHERE id = :id")
                    .param("id", line)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
