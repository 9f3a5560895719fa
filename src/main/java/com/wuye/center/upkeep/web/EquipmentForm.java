package com.wuye.center.upkeep.web;

import com.wuye.center.upkeep.EquipmentKind;
import com.wuye.center.upkeep.EquipmentRegister;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The register's form of an item (new or revised); {@code version} as seen when editing. */
record EquipmentForm(
    String name,
    EquipmentKind kind,
    Long buildingId,
    String location,
    String model,
    String manufacturer,
    String contractorName,
    String contractorPhone,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate installedOn,
    Integer version) {

  EquipmentRegister.Entry entry() {
    return new EquipmentRegister.Entry(
        name,
        kind,
        buildingId,
        location,
        model,
        manufacturer,
        contractorName,
        contractorPhone,
        installedOn);
  }

  int seen() {
    return version == null ? -1 : version;
  }
}
