package com.wuye.center.emergency.internal;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.emergency.Choice;
import com.wuye.center.emergency.ContactPhone;
import com.wuye.center.emergency.EmergencyCase;
import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.CallerRelation;
import com.wuye.center.emergency.EmergencyCase.StandBy;
import com.wuye.center.emergency.FollowUp;
import com.wuye.center.emergency.Necessity;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo: one hospital transfer three days ago, worked through every step and followed up, so the
 * pages and the response-time report have something to show. It sends no notifications and leaves
 * no deadline running.
 */
@Component
class EmergencyDemoData {

  private final CaseRepository cases;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final FollowUp followUp;
  private final NumberSeries numbers;
  private final AuditTrail audit;
  private final Clock clock;

  EmergencyDemoData(
      CaseRepository cases,
      EstateDirectory estate,
      StaffDirectory staff,
      FollowUp followUp,
      NumberSeries numbers,
      AuditTrail audit,
      Clock clock) {
    this.cases = cases;
    this.estate = estate;
    this.staff = staff;
    this.followUp = followUp;
    this.numbers = numbers;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    long community = e.communityId();
    var unit = estate.unitByCode(community, "2-1-1201").orElse(null);
    List<StaffMember> service = staff.withRole(community, Role.CUSTOMER_SERVICE);
    List<StaffMember> leaders = staff.shiftLeadersOnDuty(community);
    List<StaffMember> guards =
        staff.withRole(community, Role.SECURITY).stream().filter(s -> !s.shiftLeader()).toList();
    if (unit == null || service.isEmpty() || leaders.isEmpty() || guards.size() < 2) {
      return;
    }
    Actor kefu = new Actor(service.get(0).id(), service.get(0).name());
    Actor leader = new Actor(leaders.get(0).id(), leaders.get(0).name());
    Instant now = clock.instant();
    Instant t0 = now.minus(Duration.ofDays(3));
    LocalDate day = LocalDate.ofInstant(t0, ClockConfiguration.ZONE);
    String number =
        DocumentNumber.of("JJ", day, numbers.next("emergency-" + DocumentNumber.day(day)));
    String owner =
        estate.currentOccupants(unit.id()).stream()
            .findFirst()
            .map(o -> o.residentName())
            .orElse("业主");
    EmergencyCase c =
        EmergencyCase.open(
            number,
            new EmergencyCase.Intake(
                community,
                unit.id(),
                unit.label(),
                new ContactPhone("13800000141"),
                owner + "的女儿",
                CallerRelation.FAMILY,
                "我妈妈突然说胸口闷，喘不上气，想去医院。"),
            kefu,
            t0);
    c.choose(Choice.HOSPITAL, kefu, t0.plusSeconds(40));
    c.securityNotified(
        List.of(leaders.get(0).id(), guards.get(0).id(), guards.get(1).id()),
        kefu,
        t0.plusSeconds(40));
    c.assignGuards(
        List.of(guards.get(0).id(), guards.get(1).id()),
        StandBy.HOME,
        null,
        leader,
        t0.plusSeconds(150));
    c.arrangeVehicle("浙A·D2046，司机王师傅", kefu, t0.plusSeconds(300));
    c.remindNecessities(EnumSet.allOf(Necessity.class), "女儿", kefu, t0.plusSeconds(330));
    c.settle("已送到市第一人民医院急诊，女儿陪同", kefu, t0.plus(Duration.ofMinutes(48)));
    c.moreHelp(false, null, kefu, t0.plus(Duration.ofMinutes(50)));
    Instant ended = t0.plus(Duration.ofMinutes(51));
    Instant due = c.end(kefu, ended);
    c.recordFollowUp("业户已出院在家休养，感谢物业及时帮助。", kefu, now);
    cases.insert(c);
    followUp.schedule(c, kefu, due);
    followUp.stopClock(c);
    audit.record(EmergencyCase.TYPE, c.id(), "DEMO", null, Map.of("number", number));
  }
}
