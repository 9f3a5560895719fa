package com.wuye.center.upkeep.web;

import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.Checkpoints;
import com.wuye.center.upkeep.ReadingKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkpoint's form: name, place, the item it is at, and up to four readings in rows (kind,
 * label, unit, lower and upper bound); an empty row is left out.
 */
record CheckpointForm(
    String name,
    String location,
    Long buildingId,
    Long equipmentId,
    List<ReadingKind> kinds,
    List<String> labels,
    List<String> units,
    List<String> mins,
    List<String> maxs,
    Integer version) {

  static final int ROWS = 4;

  Checkpoints.Entry entry() {
    List<Checkpoints.SpecEntry> specs = new ArrayList<>();
    int rows = labels == null ? 0 : labels.size();
    for (int i = 0; i < rows; i++) {
      specs.add(
          new Checkpoints.SpecEntry(
              at(kinds, i),
              at(labels, i),
              at(units, i),
              number("specs[" + i + "].min", at(mins, i)),
              number("specs[" + i + "].max", at(maxs, i))));
    }
    return new Checkpoints.Entry(name, location, buildingId, equipmentId, specs);
  }

  int seen() {
    return version == null ? -1 : version;
  }

  private static <T> T at(List<T> list, int i) {
    return list == null || i >= list.size() ? null : list.get(i);
  }

  private static BigDecimal number(String field, String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(typed.strip());
    } catch (NumberFormatException e) {
      throw DomainException.invalid(field, "upkeep.error.boundNumber", typed.strip());
    }
  }
}
