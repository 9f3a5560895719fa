package com.wuye.center.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives complaints through the real HTTP API as demo users. */
final class ComplaintFixture {

  final int port;
  final JdbcClient jdbc;
  final Demo demo;

  ComplaintFixture(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    this.demo = new Demo(jdbc);
  }

  /** A complaint taken by phone by {@code api}'s user about 1-1-101. */
  long receive(Api api, String words) {
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", demo.community());
    body.put("unitCode", "1-1-101");
    body.put("channel", "PHONE");
    body.put("categoryCode", "REPAIR_QUALITY");
    body.put("contactName", "王先生");
    body.put("contactPhone", "13800000001");
    body.put("words", words);
    Api.Response r = api.post("/api/v1/complaints", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  Api.Response step(Api api, long id, int step, Map<String, Object> body) {
    return api.post("/api/v1/complaints/" + id + "/steps/" + step, body);
  }

  void ok(Api api, long id, int step, Map<String, Object> body) {
    Api.Response r = step(api, id, step, body);
    assertThat(r.status()).as("step " + step + ": " + r.body()).isEqualTo(201);
  }

  static Map<String, Object> text(String text) {
    return Map.of("text", text);
  }

  /** Records steps 1–3: thanks, why welcome, apology. */
  void throughStep3(Api api, long id) {
    ok(api, id, 1, text("感谢您把这件事告诉我们。"));
    ok(api, id, 2, text("您的意见让我们有机会改进服务。"));
    ok(api, id, 3, text("给您带来不便，深表歉意。"));
  }

  /** Records steps 1–4: the commitment {@code action}, due at {@code promisedAt}. */
  void throughStep4(Api api, long id, String action, Instant promisedAt) {
    throughStep3(api, id);
    ok(api, id, 4, Map.of("text", action, "promisedAt", promisedAt.toString()));
  }

  /** Records steps 1–5 (commitment due at {@code promisedAt}). */
  void throughStep5(Api api, long id, Instant promisedAt) {
    throughStep4(api, id, "明天派师傅上门重新维修", promisedAt);
    ok(api, id, 5, text("业户希望彻底修好，不再滴水"));
  }

  /** Records steps 6 and 7 (satisfied). */
  void correctAndSatisfy(Api api, long id) {
    ok(api, id, 6, text("工程部已更换密封圈并做闭水试验"));
    ok(api, id, 7, Map.of("text", "业户表示满意", "satisfied", true));
  }

  /** Publishes the lesson (step 8) to the whole company. */
  long publishLesson(Api api, long id) {
    Api.Response r =
        step(
            api,
            id,
            8,
            Map.of(
                "text", "维修后未做闭水试验，导致二次漏水",
                "whatChanges", "卫生间防水维修完成后一律做 24 小时闭水试验再验收"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("noticeId").asLong();
  }

  static Map<String, Object> closing(String outcome) {
    Map<String, Object> m = new HashMap<>();
    m.put("outcome", outcome);
    m.put("thanks", "感谢您的支持与理解！");
    return m;
  }

  Api.Response details(Api api, long id) {
    return api.get("/api/v1/complaints/" + id);
  }

  List<String> notified(String username, String sourceType, long sourceId) {
    return jdbc.sql(
            "SELECT n.message_key FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.username = :u AND n.source_type = :t AND n.source_id = :s ORDER BY n.id")
        .param("u", username)
        .param("t", sourceType)
        .param("s", String.valueOf(sourceId))
        .query(String.class)
        .list();
  }
}
