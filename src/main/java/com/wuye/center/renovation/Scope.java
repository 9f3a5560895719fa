package com.wuye.center.renovation;

/**
 * What a renovation changes. {@link #LOAD_BEARING_WALL} exists only to be refused by name (RN-1):
 * load-bearing walls, beams and columns are never changed.
 */
public enum Scope {
  /** Non-load-bearing walls: partitions built or removed. */
  WALLS,
  /** Water and electric lines (hidden works, inspected before walls are closed). */
  WATER_ELECTRIC,
  /** The layout of rooms. */
  LAYOUT,
  /** The balcony (never enclosed beyond the community's rules). */
  BALCONY,
  /** Load-bearing walls, beams or columns: always refused (RN-1). */
  LOAD_BEARING_WALL;

  /** Whether this part of the scope needs a drawing with the application (RN-2). */
  public boolean needsDrawing() {
    return this == WALLS || this == LAYOUT;
  }
}
