package com.wuye.center.renovation;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works start 开工登记 (RN-7): only once the deposit is paid and on or after the approved start date.
 * The inspections are scheduled on their deadline clocks ({@link InspectionSchedule}, RN-11; the
 * reviewing engineer is warned at 80%) and {@link RenovationStarted} names the neighbours' units
 * ({@link Neighbours}, RN-10), who are told ({@code NeighbourNotice}).
 */
@Service
@Transactional
public class WorksStart {

  private final Applications applications;
  private final RenovationClocks clocks;
  private final EstateDirectory estate;

  WorksStart(Applications applications, RenovationClocks clocks, EstateDirectory estate) {
    this.applications = applications;
    this.clocks = clocks;
    this.estate = estate;
  }

  public void start(CurrentUser user, long id, Integer version) {
    RenovationAccess.requireStaff(user, RenovationAccess.STARTERS);
    Stored s = applications.load(user, id, version);
    RenovationApplication a = s.application();
    Estate.Unit unit =
        estate.unit(a.unitId()).orElseThrow(() -> DomainException.notFound("error.unit.notFound"));
    List<Long> neighbours = Neighbours.of(unit, estate.unitsOfBuilding(unit.buildingId()));
    LocalDate today = applications.today();
    Map<String, Object> before = a.snapshot();
    a.start(
        today,
        applications.now(),
        InspectionSchedule.plan(a.scope(), today, a.endDate()),
        unit.code(),
        neighbours);
    clocks.inspections(a, a.review() == null ? null : a.review().staffId());
    applications.save(user, s, "STARTED", before);
  }
}
