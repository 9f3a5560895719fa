package com.wuye.center.upkeep;

import com.wuye.center.repair.RepairIntake;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * PT-5 and PM-3: a reading out of range, or a checklist item found faulty, opens a repair order at
 * once — a common-area order of the community (channel PATROL), reported by the staff member who
 * found it, in their transaction, through the repair area's public intake; the order's own clock
 * (EN-3) and dispatch take it from there. The category follows the item's kind ({@link
 * EquipmentKind#repairCategory()}).
 */
@Component
class UpkeepRepairs {

  private static final String PATROL = "PATROL";

  private final RepairIntake intake;
  private final EquipmentRepository equipment;
  private final MessageSource messages;

  UpkeepRepairs(RepairIntake intake, EquipmentRepository equipment, MessageSource messages) {
    this.intake = intake;
    this.equipment = equipment;
    this.messages = messages;
  }

  /** The order opened. */
  record Opened(long id, String number) {}

  /** A reading out of its range, as taken. */
  record OutOfRange(ReadingSpec spec, BigDecimal value) {}

  /** One order for a checkpoint visit, naming every reading out of range. */
  Opened forReadings(
      CurrentUser user, Checkpoint c, List<OutOfRange> readings, List<RepairIntake.Photo> photos) {
    String what =
        readings.stream()
            .map(
                r ->
                    text(
                        "upkeep.repair.readingLine",
                        r.spec().label(),
                        r.value().stripTrailingZeros().toPlainString(),
                        r.spec().unit(),
                        r.spec().range()))
            .collect(Collectors.joining("；"));
    String description = text("upkeep.repair.reading", c.name(), what);
    EquipmentKind kind =
        c.equipmentId() == null
            ? EquipmentKind.OTHER
            : equipment
                .find(c.equipmentId())
                .map(e -> e.details().kind())
                .orElse(EquipmentKind.OTHER);
    return report(
        user,
        c.communityId(),
        c.buildingId(),
        c.location() + " · " + c.name(),
        kind,
        description,
        photos);
  }

  /** An order for a checklist item found faulty during planned maintenance. */
  Opened forFault(CurrentUser user, Equipment e, String taskTitle, MaintenanceTask.Item item) {
    String description =
        text("upkeep.repair.fault", e.details().name(), taskTitle, item.text(), item.note());
    return report(
        user,
        e.communityId(),
        e.details().buildingId(),
        e.details().location() + " · " + e.details().name(),
        e.details().kind(),
        description,
        List.of());
  }

  private Opened report(
      CurrentUser user,
      long communityId,
      Long buildingId,
      String location,
      EquipmentKind kind,
      String description,
      List<RepairIntake.Photo> photos) {
    RepairIntake.Reported r =
        intake.reportInTransaction(
            user,
            new RepairIntake.NewRepair(
                null,
                communityId,
                buildingId,
                cut(location, 200),
                kind.repairCategory(),
                cut(description, 1000),
                false,
                PATROL,
                null,
                null,
                null),
            photos);
    return new Opened(r.id(), r.number());
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }
}
