package com.wuye.center.upkeep;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo company's equipment register, checkpoints and routes (inside the demo loader's
 * transaction): two domestic-water pumps, the fire pump and alarm panel, two lifts, the standby
 * generator and the south gate barrier; a night security route every 2 hours (22:00–06:00) and a
 * daily plant-room round for the engineers, with readings and their ranges. {@link
 * PatrolHistoryDemo} then walks the last days' rounds, {@link MaintenanceDemo} adds the plans.
 */
@Component
class UpkeepDemoData {

  static final CurrentUser SYSTEM =
      new CurrentUser(0, "system", "系统", 0L, null, Set.of(Role.ADMIN), Set.of());

  private final EquipmentRegister register;
  private final Checkpoints checkpoints;
  private final PatrolRoutes routes;
  private final EstateDirectory estate;

  UpkeepDemoData(
      EquipmentRegister register,
      Checkpoints checkpoints,
      PatrolRoutes routes,
      EstateDirectory estate) {
    this.register = register;
    this.checkpoints = checkpoints;
    this.routes = routes;
    this.estate = estate;
  }

  @EventListener
  @Order(10)
  void on(DemoDataLoaded e) {
    long c = e.communityId();
    Map<String, Long> building = new HashMap<>();
    for (Estate.Building b : estate.buildings(c)) {
      building.put(b.number(), b.id());
    }
    long pump1 =
        item(
            c,
            "1号生活水泵",
            EquipmentKind.PUMP,
            building.get("2"),
            "2栋地下一层生活水泵房",
            "格兰富 CR32-4",
            "杭州恒泰机电设备有限公司",
            "0571-86112233",
            "2019-06-18");
    item(
        c,
        "2号生活水泵",
        EquipmentKind.PUMP,
        building.get("2"),
        "2栋地下一层生活水泵房",
        "格兰富 CR32-4",
        "杭州恒泰机电设备有限公司",
        "0571-86112233",
        "2019-06-18");
    long firePump =
        item(
            c,
            "消防喷淋稳压泵",
            EquipmentKind.FIRE_SYSTEM,
            building.get("2"),
            "2栋地下一层消防泵房",
            "上海凯泉 XBD3.2/1.2",
            "浙江安达消防工程有限公司",
            "0571-86887766",
            "2019-06-20");
    item(
        c,
        "火灾自动报警主机",
        EquipmentKind.FIRE_SYSTEM,
        null,
        "南门消防控制室",
        "海湾 GST5000",
        "浙江安达消防工程有限公司",
        "0571-86887766",
        "2019-06-20");
    item(
        c,
        "1栋1号电梯",
        EquipmentKind.LIFT,
        building.get("1"),
        "1栋1单元电梯井",
        "日立 HGP-1000",
        "日立电梯（中国）有限公司杭州分公司",
        "400-820-0000",
        "2019-05-30");
    item(
        c,
        "2栋1号电梯",
        EquipmentKind.LIFT,
        building.get("2"),
        "2栋1单元电梯井",
        "日立 HGP-1000",
        "日立电梯（中国）有限公司杭州分公司",
        "400-820-0000",
        "2019-05-30");
    long generator =
        item(
            c,
            "备用柴油发电机组",
            EquipmentKind.GENERATOR,
            null,
            "地下车库发电机房",
            "康明斯 C250D5",
            "杭州动力机电工程有限公司",
            "0571-85990011",
            "2019-07-02");
    long power =
        item(
            c,
            "1号变压器（配电房）",
            EquipmentKind.POWER,
            null,
            "地下车库配电房",
            "SCB13-800/10",
            "国网杭州供电公司滨江营业厅",
            "95598",
            "2019-05-12");
    item(
        c,
        "南门车辆道闸",
        EquipmentKind.GATE,
        null,
        "南门车行出入口",
        "捷顺 JSDZ0601",
        "捷顺科技杭州服务站",
        "0571-86773344",
        "2020-03-15");

    long gate = point(c, "南门岗亭", "南门", null, null, List.of());
    long garage = point(c, "地下车库入口", "地下车库坡道口", null, null, List.of());
    long unit1 = point(c, "1栋单元门", "1栋1单元大堂", building.get("1"), null, List.of());
    long unit2 = point(c, "2栋单元门", "2栋1单元大堂", building.get("2"), null, List.of());
    long fire =
        point(
            c,
            "消防泵房",
            "2栋地下一层消防泵房",
            building.get("2"),
            firePump,
            List.of(spec(ReadingKind.PRESSURE, "消防管网压力", "MPa", "0.25", "0.60")));
    long water =
        point(
            c,
            "生活水泵房",
            "2栋地下一层生活水泵房",
            building.get("2"),
            pump1,
            List.of(
                spec(ReadingKind.PRESSURE, "出水压力", "MPa", "0.30", "0.60"),
                spec(ReadingKind.LEVEL, "水箱液位", "m", "1.0", "3.5")));
    long switchRoom =
        point(
            c,
            "配电房",
            "地下车库配电房",
            null,
            power,
            List.of(
                spec(ReadingKind.VOLTAGE, "低压母线电压", "V", "360", "410"),
                spec(ReadingKind.TEMPERATURE, "变压器温度", "℃", null, "85")));
    long genRoom =
        point(
            c,
            "发电机房",
            "地下车库发电机房",
            null,
            generator,
            List.of(
                spec(ReadingKind.VOLTAGE, "启动电池电压", "V", "24", "28.5"),
                spec(ReadingKind.LEVEL, "燃油液位", "%", "50", null)));
    long liftRoom =
        point(
            c,
            "1栋电梯机房",
            "1栋屋顶电梯机房",
            building.get("1"),
            null,
            List.of(spec(ReadingKind.TEMPERATURE, "机房温度", "℃", "5", "40")));

    long night =
        routes.create(
            SYSTEM,
            c,
            new PatrolRoutes.Entry(
                "夜间安防巡逻",
                PatrolTeam.SECURITY,
                null,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(22, 0),
                LocalTime.of(6, 0),
                120));
    for (long p : List.of(gate, garage, unit1, unit2, fire)) {
      routes.addCheckpoint(SYSTEM, night, version(night), p);
    }
    long plant =
        routes.create(
            SYSTEM,
            c,
            new PatrolRoutes.Entry(
                "设备房日巡",
                PatrolTeam.ENGINEERING,
                null,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(8, 30),
                LocalTime.of(11, 30),
                180));
    for (long p : List.of(water, fire, switchRoom, genRoom, liftRoom)) {
      routes.addCheckpoint(SYSTEM, plant, version(plant), p);
    }
  }

  private final Map<Long, Integer> versions = new HashMap<>();

  /** The route's version after the adds so far (each add saves it once). */
  private int version(long route) {
    return versions.merge(route, 1, Integer::sum) - 1;
  }

  private long item(
      long c,
      String name,
      EquipmentKind kind,
      Long building,
      String location,
      String model,
      String contractor,
      String phone,
      String installed) {
    return register.register(
        SYSTEM,
        c,
        new EquipmentRegister.Entry(
            name,
            kind,
            building,
            location,
            model,
            null,
            contractor,
            phone,
            LocalDate.parse(installed)));
  }

  private long point(
      long c,
      String name,
      String location,
      Long building,
      Long equipment,
      List<Checkpoints.SpecEntry> specs) {
    return checkpoints.create(
        SYSTEM, c, new Checkpoints.Entry(name, location, building, equipment, specs));
  }

  private static Checkpoints.SpecEntry spec(
      ReadingKind kind, String label, String unit, String min, String max) {
    return new Checkpoints.SpecEntry(
        kind,
        label,
        unit,
        min == null ? null : new BigDecimal(min),
        max == null ? null : new BigDecimal(max));
  }

  /** A demo staff member acting as themself. */
  static CurrentUser as(StaffDirectory staff, long community, Role role, String name) {
    StaffMember m =
        staff.withRole(community, role).stream()
            .filter(s -> s.name().equals(name))
            .findFirst()
            .orElse(staff.withRole(community, role).get(0));
    return new CurrentUser(
        m.accountId() == null ? 0 : m.accountId(),
        name,
        m.name(),
        m.id(),
        null,
        m.roles(),
        m.communityIds());
  }
}
