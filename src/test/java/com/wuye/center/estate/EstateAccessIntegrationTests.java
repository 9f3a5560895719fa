package com.wuye.center.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who sees which unit, and bad input answered with a clear 4xx naming the field. */
@IntegrationTest
class EstateAccessIntegrationTests {

  @Autowired EstateDirectory estate;
  @Autowired EstateService estateService;
  @Autowired StaffService staff;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  Demo demo() {
    return new Demo(jdbc, estateService, staff);
  }

  long demoUnit(String code) {
    return demo().unit(code);
  }

  @Test
  void aResidentSeesOwnUnitButAnotherUnitIsNotFound() {
    Api resident = Api.login(port, "13800000001");
    assertThat(resident.get("/api/v1/portal/units/" + demoUnit("1-1-101")).status()).isEqualTo(200);
    var other = resident.get("/api/v1/portal/units/" + demoUnit("1-1-102"));
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.json().get("detail").asString()).isEqualTo("房屋不存在。");
    // and the staff API is closed to residents
    assertThat(resident.get("/api/v1/units/" + demoUnit("1-1-102")).status()).isEqualTo(403);
  }

  @Test
  void staffOfAnotherCommunityIsForbidden() {
    String elsewhere =
        demo()
            .newStaff(
                "Other#Pass1", Set.of(Role.CUSTOMER_SERVICE), Set.of(demo().newCommunity().id()));
    Api other = Api.login(port, elsewhere, "Other#Pass1");
    var r = other.get("/api/v1/units/" + demoUnit("1-1-101"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(other.get("/api/v1/units?q=1-1-101").json().get("total").asLong()).isZero();
  }

  static Map<String, String> resident(String name, String idNumber) {
    return Map.of(
        "name", name, "phone", "13512345678", "idType", "RESIDENT_ID", "idNumber", idNumber);
  }

  @Test
  void badInputIsA400NamingTheFieldAndWritesNothing() {
    Api kefu = Api.login(port, "kefu");
    var longName = kefu.post("/api/v1/residents", resident("长".repeat(51), "110105194912310021"));
    assertThat(longName.status()).isEqualTo(400);
    assertThat(longName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

    var badId = kefu.post("/api/v1/residents", resident("某人", "110105194912310022"));
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");

    var unknownBuilding =
        kefu.post(
            "/api/v1/units",
            Map.of(
                "buildingId",
                999999,
                "entrance",
                "1",
                "floor",
                1,
                "roomNumber",
                "101",
                "floorArea",
                50,
                "usage",
                "RESIDENTIAL"));
    assertThat(unknownBuilding.status()).isEqualTo(400);
    assertThat(unknownBuilding.json().get("errors").get(0).get("field").asString())
        .isEqualTo("buildingId");

    var broken = kefu.post("/api/v1/units", "{not json");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body()).doesNotContain("Exception");

    var wrongType = kefu.get("/api/v1/units/abc");
    assertThat(wrongType.status()).isEqualTo(400);
  }

  @Test
  void aDuplicateRoomNumberIsRefusedWithAClearMessage() {
    Api kefu = Api.login(port, "kefu");
    long building = estate.buildings(demo().community()).get(0).id();
    var dup =
        kefu.post(
            "/api/v1/units",
            Map.of(
                "buildingId",
                building,
                "entrance",
                "1",
                "floor",
                1,
                "roomNumber",
                "101",
                "floorArea",
                89.5,
                "usage",
                "RESIDENTIAL"));
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.json().get("detail").asString()).contains("1-1-101");
  }

  @Test
  void unitSearchFindsByRoomNameAndPhoneWithMaskedPhones() {
    Api kefu = Api.login(port, "kefu");
    var byRoom = kefu.get("/api/v1/units?q=3-2-1501").json();
    assertThat(byRoom.get("items").get(0).get("code").asString()).isEqualTo("3-2-1501");
    String owner = byRoom.get("items").get(0).get("ownerName").asString();
    var byName =
        kefu.get(
                "/api/v1/units?q="
                    + java.net.URLEncoder.encode(owner, java.nio.charset.StandardCharsets.UTF_8))
            .json();
    assertThat(byName.get("total").asLong()).isPositive();
    var byPhone = kefu.get("/api/v1/units?q=13800000001").json();
    assertThat(byPhone.get("items").get(0).get("code").asString()).isEqualTo("1-1-101");
    assertThat(byPhone.get("items").get(0).get("ownerPhone").asString()).isEqualTo("138****0001");
    var page2 = kefu.get("/api/v1/units?page=1&size=20").json();
    assertThat(page2.get("page").asInt()).isEqualTo(1);
    assertThat(page2.get("items").size()).isEqualTo(20);
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "a desk search by the last digits of a phone (0002) finds the unit; phones stay masked")
  void unitSearchByTheLastDigitsOfAPhone() {
    Api kefu = Api.login(port, "kefu");
    var byTail = kefu.get("/api/v1/units?q=0002").json();
    java.util.List<String> codes = new java.util.ArrayList<>();
    byTail.get("items").forEach(i -> codes.add(i.get("code").asString()));
    assertThat(codes).contains("1-1-102");
    byTail
        .get("items")
        .forEach(
            i -> {
              String phone = i.path("ownerPhone").isString() ? i.get("ownerPhone").asString() : "";
              assertThat(phone.isEmpty() || phone.contains("****")).as(phone).isTrue();
            });
    assertThat(EstateDirectory.phoneTail("0002")).isEqualTo("%0002");
    assertThat(EstateDirectory.phoneTail("002")).as("three digits: too short").isEmpty();
    assertThat(EstateDirectory.phoneTail("1-1-102")).isEmpty();
  }

  @Test
  void anOccupantActivatesTheirPortalLoginWithACodeFromCustomerServiceAndSeesOnlyTheirUnit() {
    Api kefu = Api.login(port, "kefu");
    long unitId = demoUnit("2-2-1202");
    var occupant = kefu.get("/api/v1/units/" + unitId).json().get("occupants").get(0);
    long residentId = occupant.get("residentId").asLong();
    var issued =
        kefu.post("/api/v1/units/" + unitId + "/residents/" + residentId + "/account-code", null);
    assertThat(issued.status()).isEqualTo(201);
    String phone =
        jdbc.sql("SELECT phone FROM resident WHERE id = :r")
            .param("r", residentId)
            .query(String.class)
            .single();
    var activated =
        Api.anonymous(port)
            .post(
                "/api/v1/auth/activate",
                Map.of(
                    "login",
                    phone,
                    "code",
                    issued.json().get("code").asString(),
                    "password",
                    "Portal#2026-x"));
    assertThat(activated.status()).isEqualTo(200);

    Api resident = Api.login(port, phone, "Portal#2026-x");
    assertThat(resident.get("/api/v1/portal/units").json().get(0).get("code").asString())
        .isEqualTo("2-2-1202");
    // an occupant of another unit is not this unit's to issue a code for
    var elsewhere =
        kefu.post(
            "/api/v1/units/" + demoUnit("2-2-1201") + "/residents/" + residentId + "/account-code",
            null);
    assertThat(elsewhere.status()).isEqualTo(400);
  }
}
