package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The equipment item's, the route's and the alert's state machines; the label code (PT-1). */
class EquipmentTests {

  static Equipment pump() {
    return Equipment.register(
        1,
        new ScanCode("E7K3MPQ"),
        new Equipment.Details(
            "1号生活水泵", EquipmentKind.PUMP, null, "水泵房", null, null, "恒泰机电", "0571-86112233", null));
  }

  @Test
  @DisplayName("PM-6 an item in service ⇄ out of service (with a reason) → retired, final")
  void lifecycle() {
    Equipment e = pump();
    assertThatThrownBy(e::returnToService).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> e.takeOutOfService(" "))
        .isInstanceOfSatisfying(
            DomainException.class, x -> assertThat(x.field()).isEqualTo("reason"));
    e.takeOutOfService("电机烧毁待修");
    assertThat(e.status()).isEqualTo(Equipment.Status.OUT_OF_SERVICE);
    e.returnToService();
    assertThat(e.statusReason()).isNull();
    e.retire("超期服役");
    assertThat(e.status()).isEqualTo(Equipment.Status.RETIRED);
    assertThatThrownBy(() -> e.revise(e.details()))
        .isInstanceOfSatisfying(
            DomainException.class,
            x -> assertThat(x.messageKey()).isEqualTo("upkeep.error.equipmentRetired"));
    assertThatThrownBy(() -> e.retire("again")).isInstanceOf(DomainException.class);
  }

  @Test
  @DisplayName(
      "The register refuses an item without name or kind, and a contractor phone that is not one")
  void detailsRefused() {
    assertThatThrownBy(
            () ->
                new Equipment.Details(
                    " ", EquipmentKind.PUMP, null, "x", null, null, null, null, null))
        .isInstanceOfSatisfying(
            DomainException.class, x -> assertThat(x.field()).isEqualTo("name"));
    assertThatThrownBy(
            () -> new Equipment.Details("泵", null, null, "x", null, null, null, null, null))
        .isInstanceOfSatisfying(
            DomainException.class, x -> assertThat(x.field()).isEqualTo("kind"));
    assertThatThrownBy(
            () ->
                new Equipment.Details(
                    "泵", EquipmentKind.PUMP, null, "x", null, null, null, "call me", null))
        .isInstanceOfSatisfying(
            DomainException.class, x -> assertThat(x.field()).isEqualTo("contractorPhone"));
  }

  @Test
  @DisplayName(
      "PT-1 a label code: E or C and six characters without look-alikes; typed in lower case it is read")
  void labelCodes() {
    assertThat(ScanCode.parse("  c7kx3pq ").value()).isEqualTo("C7KX3PQ");
    assertThat(ScanCode.parse("C7KX3PQ").kind()).isEqualTo(ScanCode.Kind.CHECKPOINT);
    assertThatThrownBy(() -> ScanCode.parse("C0KX3PQ"))
        .isInstanceOfSatisfying(
            DomainException.class, x -> assertThat(x.field()).isEqualTo("code"));
    assertThatThrownBy(() -> ScanCode.parse("17"))
        .isInstanceOfSatisfying(
            DomainException.class,
            x -> assertThat(x.messageKey()).isEqualTo("upkeep.error.codeFormat"));
    assertThatThrownBy(() -> ScanCode.parse(" "))
        .isInstanceOfSatisfying(
            DomainException.class,
            x -> assertThat(x.messageKey()).isEqualTo("upkeep.error.codeRequired"));
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200; i++) {
      assertThat(ScanCode.random(ScanCode.Kind.EQUIPMENT, random).value())
          .matches("E[2-9A-HJ-NP-Z]{6}");
    }
  }

  @Test
  @DisplayName("PT-1 a route's checkpoints keep their walking order: added once, moved, removed")
  void routeOrder() {
    PatrolRoute r =
        PatrolRoute.restore(
            1,
            1,
            "夜间巡逻",
            PatrolTeam.SECURITY,
            null,
            new PatrolSchedule(
                java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                java.time.LocalTime.of(22, 0),
                java.time.LocalTime.of(6, 0),
                120),
            true,
            List.of(),
            0);
    assertThat(r.walkable()).isFalse();
    r.add(5);
    r.add(6);
    r.add(7);
    assertThatThrownBy(() -> r.add(6)).isInstanceOf(DomainException.class);
    r.move(7, -1);
    assertThat(r.checkpointIds()).containsExactly(5L, 7L, 6L);
    r.move(5, -1);
    assertThat(r.checkpointIds()).containsExactly(5L, 7L, 6L);
    r.remove(7);
    assertThat(r.checkpointIds()).containsExactly(5L, 6L);
    r.deactivate();
    assertThat(r.walkable()).isFalse();
  }

  @Test
  @DisplayName("PT-6 an alert is followed up once, with a cause")
  void alertFollowUp() {
    PatrolAlert a = PatrolAlert.open(3, 1, 2, Instant.parse("2033-05-10T16:00:00Z"));
    assertThatThrownBy(() -> a.resolve(" ", null, 4, Instant.now()))
        .isInstanceOfSatisfying(
            DomainException.class, x -> assertThat(x.field()).isEqualTo("cause"));
    a.resolve("车库积水绕行", "已提醒", 4, Instant.parse("2033-05-10T16:30:00Z"));
    assertThat(a.status()).isEqualTo(PatrolAlert.Status.RESOLVED);
    assertThatThrownBy(() -> a.resolve("again", null, 4, Instant.now()))
        .isInstanceOfSatisfying(
            DomainException.class,
            x -> assertThat(x.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }
}
