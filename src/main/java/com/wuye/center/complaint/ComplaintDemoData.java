package com.wuye.center.complaint;

import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo records: one complaint a resident filed from the portal, waiting to be handled. */
@Component
class ComplaintDemoData {

  private final ComplaintIntake intake;
  private final EstateDirectory estate;

  ComplaintDemoData(ComplaintIntake intake, EstateDirectory estate) {
    this.intake = intake;
    this.estate = estate;
  }

  @EventListener
  void on(DemoDataLoaded e) {
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
}
