package com.wuye.center.shared;

import java.util.Optional;

/**
 * The name of a person the audit trail and the timelines refer to by reference ("staff:12",
 * "resident:7"): implemented by the area that keeps the people, so that a page shows a name, never
 * a reference.
 */
public interface ActorNames {

  /**
   * The person's name, if this area knows them.
   *
   * @param kind "staff" or "resident"
   * @param id the person's id
   */
  Optional<String> name(String kind, long id);
}
