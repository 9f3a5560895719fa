package com.wuye.center.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the emergency integration tests do over the API: take a call, record steps, read the answers
 * and see who was notified. The demo company's lookups come from {@link Demo}.
 */
final class EmergencyFixture {

  static final List<String> ALL_NECESSITIES =
      List.of("ID_CARD", "MEDICAL_CARD", "MONEY", "MEDICINES");

  private final int port;
  private final JdbcClient jdbc;
  private final Demo demo;

  EmergencyFixture(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    this.demo = new Demo(jdbc);
  }

  Api login(String username) {
    return Api.login(port, username);
  }

  long staffId(String username) {
    return demo.staffId(username);
  }

  /** A call about a unit of the demo community, from the patient's daughter 王芳. */
  static Map<String, Object> intake(String unitCode, String phone, String choice) {
    Map<String, Object> m = new HashMap<>();
    m.put("unitCode", unitCode);
    m.put("contactPhone", phone);
    m.put("callerName", "王芳");
    m.put("callerRelation", "FAMILY");
    m.put("callerWords", "我妈妈突然头晕，说不出话");
    if (choice != null) {
      m.put("choice", choice);
    }
    return m;
  }

  /** Takes the call (contact phone 13912345678); returns the case id. */
  static long open(Api api, String unitCode, String choice) {
    return open(api, unitCode, "13912345678", choice);
  }

  static long open(Api api, String unitCode, String phone, String choice) {
    Api.Response r = api.post("/api/v1/emergency/cases", intake(unitCode, phone, choice));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  static String steps(long caseId) {
    return "/api/v1/emergency/cases/" + caseId + "/steps";
  }

  /** A step of a type with its fields: {@code step("CALLED_120", "person", "李晓梅")}. */
  static Map<String, Object> step(String type, Object... fieldsAndValues) {
    Map<String, Object> m = new HashMap<>();
    m.put("type", type);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      m.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return m;
  }

  /** The shift leader's assignment of the demo guards 孙勇 and 钱磊. */
  Map<String, Object> twoGuards(String standBy) {
    return step(
        "GUARDS_ASSIGNED",
        "staffIds",
        List.of(staffId("baoan2"), staffId("baoan3")),
        "standBy",
        standBy);
  }

  /** Every necessity reminded to the family member going along. */
  static Map<String, Object> necessitiesReminded(String familyMember) {
    return step("NECESSITIES_REMINDED", "items", ALL_NECESSITIES, "person", familyMember);
  }

  static JsonNode ok(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static void refused(Api.Response r, int status, String expectedText) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("detail").asString()).contains(expectedText);
  }

  /** Notifications of one account about one case: id, message_key, requires_ack. */
  List<Map<String, Object>> notified(String username, long caseId) {
    return jdbc.sql(
            "SELECT n.id, n.message_key, n.requires_ack FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.username = :u AND n.source_type = 'emergency' AND n.source_id = :s ORDER BY n.id")
        .param("u", username)
        .param("s", String.valueOf(caseId))
        .query()
        .listOfRows();
  }

  /** The message keys of {@link #notified}. */
  List<String> notifiedKeys(String username, long caseId) {
    return notified(username, caseId).stream().map(n -> (String) n.get("message_key")).toList();
  }

  /** The steps of a case view's timeline (acknowledgements as "ACK"), in order. */
  static List<String> timeline(JsonNode view) {
    List<String> out = new ArrayList<>();
    view.get("timeline").forEach(e -> out.add(stepOf(e)));
    return out;
  }

  static String stepOf(JsonNode timelineEntry) {
    JsonNode step = timelineEntry.get("step");
    return step == null || step.isNull() ? "ACK" : step.asString();
  }
}
