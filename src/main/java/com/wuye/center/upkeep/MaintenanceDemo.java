package com.wuye.center.upkeep;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import com.wuye.center.upkeep.internal.TaskReads;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo company's maintenance plans and their tasks of the last weeks: monthly pump service,
 * weekly generator test runs, the lifts' fortnightly service, the fire pump and the alarm panel.
 * Past tasks are done (one pump's late); the lift's task of yesterday is overdue and escalating;
 * the fire pump's is due today in the engineers' worklists.
 */
@Component
class MaintenanceDemo {

  private final MaintenanceRepository repository;
  private final EquipmentRepository equipment;
  private final MaintenancePlanner planner;
  private final MaintenanceWork work;
  private final TaskReads reads;
  private final StaffDirectory staff;
  private final Clock clock;

  MaintenanceDemo(
      MaintenanceRepository repository,
      EquipmentRepository equipment,
      MaintenancePlanner planner,
      MaintenanceWork work,
      TaskReads reads,
      StaffDirectory staff,
      Clock clock) {
    this.repository = repository;
    this.equipment = equipment;
    this.planner = planner;
    this.work = work;
    this.reads = reads;
    this.staff = staff;
    this.clock = clock;
  }

  @EventListener
  @Order(30)
  void on(DemoDataLoaded e) {
    long c = e.communityId();
    LocalDate today = Days.today(clock);
    Map<String, Long> items =
        equipment.list(c, null, null).stream()
            .collect(Collectors.toMap(EquipmentRepository.Row::name, EquipmentRepository.Row::id));
    CurrentUser zhang = UpkeepDemoData.as(staff, c, Role.TECHNICIAN, "张建国");
    CurrentUser liu = UpkeepDemoData.as(staff, c, Role.TECHNICIAN, "刘师傅");
    plan(
        c,
        items.get("1号生活水泵"),
        "月度保养",
        MaintenanceInterval.monthly(),
        today.minusDays(25),
        3,
        zhang,
        "检查电机运行声音、振动与温度",
        "检查机械密封有无渗漏",
        "检查压力表与控制柜指示",
        "清洁泵体与控制柜");
    plan(
        c,
        items.get("2号生活水泵"),
        "月度保养",
        MaintenanceInterval.monthly(),
        today.minusDays(20),
        3,
        zhang,
        "检查电机运行声音、振动与温度",
        "检查机械密封有无渗漏",
        "检查压力表与控制柜指示",
        "清洁泵体与控制柜");
    plan(
        c,
        items.get("备用柴油发电机组"),
        "每周空载试运行",
        new MaintenanceInterval(MaintenanceInterval.Unit.WEEKS, 1),
        today.minusDays(20),
        1,
        zhang,
        "检查机油、冷却液与燃油液位",
        "检查启动电池电压与接线",
        "空载运行 15 分钟并记录电压频率");
    plan(
        c,
        items.get("1栋1号电梯"),
        "半月保养",
        new MaintenanceInterval(MaintenanceInterval.Unit.DAYS, 15),
        today.minusDays(16),
        0,
        liu,
        "检查曳引机与制动器",
        "检查门机与层门门锁",
        "检查轿厢照明、对讲与急停",
        "清洁机房与底坑");
    plan(
        c,
        items.get("消防喷淋稳压泵"),
        "月度巡检试泵",
        MaintenanceInterval.monthly(),
        today,
        2,
        null,
        "手动启泵试运行",
        "检查管网压力与压力开关",
        "检查阀门处于正常开启位置");
    plan(
        c,
        items.get("火灾自动报警主机"),
        "季度功能检测",
        MaintenanceInterval.quarterly(),
        today.plusDays(10),
        5,
        null,
        "抽检烟感与手报",
        "检查主备电切换",
        "检查联动控制功能");
    planner.generate(today);
    for (TaskReads.TaskRow t : reads.tasks(c, today.minusDays(31), today.minusDays(2), false)) {
      boolean late = t.equipmentName().equals("2号生活水泵");
      var at =
          late
              ? t.dueAt().plus(Duration.ofHours(27))
              : t.dueOn().atTime(10, 30).atZone(ClockConfiguration.ZONE).toInstant();
      CurrentUser who = t.equipmentName().contains("电梯") ? liu : zhang;
      List<MaintenanceWork.ItemAnswer> answers = new ArrayList<>();
      int n = repository.items(t.id()).size();
      for (int i = 1; i <= n; i++) {
        boolean fixed = t.equipmentName().contains("发电机") && i == 2;
        answers.add(
            new MaintenanceWork.ItemAnswer(
                i,
                fixed ? MaintenanceTask.Result.FIXED : MaintenanceTask.Result.OK,
                fixed ? "启动电池负极接线端子松动，已紧固" : null));
      }
      work.complete(who, t.id(), t.version(), new MaintenanceWork.Completion(answers, null), at);
    }
    planner.releaseDue(today, clock.instant());
  }

  private void plan(
      long c,
      long equipmentId,
      String title,
      MaintenanceInterval interval,
      LocalDate first,
      int grace,
      CurrentUser engineer,
      String... checklist) {
    LocalDate since = Days.today(clock).minusDays(30);
    repository.insert(
        new MaintenancePlan(
            null,
            equipmentId,
            c,
            title,
            interval,
            first,
            grace,
            engineer == null ? null : engineer.staffId(),
            true,
            List.of(checklist),
            since,
            0),
        Days.start(since));
  }
}
