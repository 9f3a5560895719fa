package com.wuye.center.staff;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ActorNames;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Staff members' and residents' names for the audit trail's references ("staff:12"). */
@Component
class PeopleNames implements ActorNames {

  private final StaffDirectory staff;
  private final EstateDirectory estate;

  PeopleNames(StaffDirectory staff, EstateDirectory estate) {
    this.staff = staff;
    this.estate = estate;
  }

  @Override
  public Optional<String> name(String kind, long id) {
    return switch (kind) {
      case "staff" -> staff.find(id).map(StaffMember::name);
      case "resident" -> estate.resident(id).map(r -> r.name());
      default -> Optional.empty();
    };
  }
}
