package com.wuye.center.renovation;

import com.wuye.center.estate.Estate;
import java.util.List;
import java.util.Objects;

/**
 * RN-10, who hears the works: the units of the same floor of the same entrance, and the units
 * directly above and below — the same position on the next floor up and down (room 1502 is above
 * 1402), or every unit of those floors when room numbers do not show a position.
 */
public final class Neighbours {

  private Neighbours() {}

  /** The neighbours of the unit among the units of its building. */
  public static List<Long> of(Estate.Unit unit, List<Estate.Unit> building) {
    String position = position(unit);
    return building.stream()
        .filter(u -> u.id() != unit.id() && Objects.equals(u.entrance(), unit.entrance()))
        .filter(
            u ->
                u.floor() == unit.floor()
                    || (Math.abs(u.floor() - unit.floor()) == 1
                        && (position == null
                            || position(u) == null
                            || position.equals(position(u)))))
        .map(Estate.Unit::id)
        .toList();
  }

  /** The room's position on its floor: the room number after the floor ("1502" → "02"). */
  static String position(Estate.Unit u) {
    String floor = String.valueOf(u.floor());
    String room = u.roomNumber();
    return room != null && room.length() > floor.length() && room.startsWith(floor)
        ? room.substring(floor.length())
        : null;
  }
}
