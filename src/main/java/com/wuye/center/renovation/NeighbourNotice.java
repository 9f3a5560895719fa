package com.wuye.center.renovation;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import java.time.format.DateTimeFormatter;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * RN-10, the neighbours hear of the works when they start: every current occupant of the units of
 * the same floor, above and below who has a portal login gets an in-app notice with the unit, the
 * dates and whom to call. (SMS and WeChat are for whoever else listens to {@link
 * RenovationStarted}.)
 */
@Component
class NeighbourNotice {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final EstateDirectory estate;
  private final Notifications notifications;

  NeighbourNotice(EstateDirectory estate, Notifications notifications) {
    this.estate = estate;
    this.notifications = notifications;
  }

  @ApplicationModuleListener
  void on(RenovationStarted e) {
    Notifications.Message m =
        Notifications.Message.of(
                "renovation.notify.neighbour",
                "/portal",
                e.unitCode(),
                DAY.format(e.startDate()),
                DAY.format(e.endDate()))
            .from(RenovationApplication.SUBJECT, e.applicationId());
    for (long unit : e.neighbourUnitIds()) {
      estate.currentOccupants(unit).stream()
          .map(o -> o.residentId())
          .distinct()
          .forEach(resident -> notifications.notifyResident(resident, m));
    }
  }
}
