package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.util.List;

/**
 * A patrol checkpoint (巡检点) of a community: a place with a QR label (PT-1), optionally at an item
 * of the register, and the readings taken there with their allowed ranges (PT-4). Routes walk
 * checkpoints; a checkpoint may be on several routes.
 *
 * @param id null until stored
 * @param specs the readings, in form order (positions 1…n); may be empty (a look-around point)
 */
public record Checkpoint(
    Long id,
    long communityId,
    ScanCode code,
    String name,
    String location,
    Long buildingId,
    Long equipmentId,
    List<ReadingSpec> specs,
    int version) {

  public Checkpoint {
    if (code.kind() != ScanCode.Kind.CHECKPOINT) {
      throw new IllegalArgumentException("not a checkpoint code: " + code);
    }
    name = Text.required("name", name, 60);
    location = Text.required("location", location, 100);
    specs = List.copyOf(specs);
    if (specs.size() > ReadingSpec.MAX_SPECS) {
      throw DomainException.invalid("specs", "upkeep.error.specCount", ReadingSpec.MAX_SPECS);
    }
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).position() != i + 1) {
        throw new IllegalArgumentException("reading positions run 1…n");
      }
    }
  }

  /** The reading with this id, if it is one of this checkpoint's. */
  public java.util.Optional<ReadingSpec> spec(long specId) {
    return specs.stream().filter(s -> s.id() != null && s.id() == specId).findFirst();
  }
}
