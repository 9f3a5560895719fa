package com.wuye.center.complaint;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo records: the department register (工程部, 保安部, 保洁部, 客服部 with their responsible staff) and one
 * complaint a resident filed from the portal, waiting to be handled.
 */
@Component
class ComplaintDemoData {

  private final ComplaintIntake intake;
  private final EstateDirectory estate;
  private final Departments departments;
  private final StaffDirectory staff;

  ComplaintDemoData(
      ComplaintIntake intake,
      EstateDirectory estate,
      Departments departments,
      StaffDirectory staff) {
    this.intake = intake;
    this.estate = estate;
    this.departments = departments;
    this.staff = staff;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    registerDepartments(e.communityId());
    var unit = estate.unitByCode(e.communityId(), "1-1-102").orElse(null);
    if (unit == null || estate.currentOccupants(unit.id()).isEmpty()) {
      return;
    }
    long resident = estate.currentOccupants(unit.id()).get(0).residentId();
    CurrentUser owner =
        new CurrentUser(0, "demo", "demo", null, resident, Set.of(Role.RESIDENT), Set.of());
    intake.file(
        owner,
        new ComplaintIntake.PortalComplaint(
            unit.id(), "REPAIR_QUALITY", "上周报修的卫生间漏水，师傅来修过以后第二天又开始滴水，楼下邻居已经来找过我两次了。", null));
  }

  private void registerDepartments(long community) {
    Map<String, Role> heads = new LinkedHashMap<>();
    heads.put("工程部", Role.TECHNICIAN);
    heads.put("保安部", Role.SECURITY);
    heads.put("保洁部", Role.SUPERVISOR);
    heads.put("客服部", Role.CUSTOMER_SERVICE);
    heads.forEach(
        (name, role) -> {
          List<StaffMember> people = staff.withRole(community, role);
          StaffMember head =
              people.stream().filter(StaffMember::shiftLeader).findFirst().orElse(null);
          if (head == null && !people.isEmpty()) {
            head = people.get(0);
          }
          if (head != null) {
            CurrentUser admin =
                new CurrentUser(
                    0, "demo", "demo", head.id(), null, Set.of(Role.ADMIN), Set.of(community));
            departments.register(admin, community, name, head.id());
          }
        });
  }
}
