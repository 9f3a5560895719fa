package com.wuye.center.home;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist of a staff member: the parts of each of their roles, in the order of urgency
 * (guards' dispatches, the technician's orders, the desk, the counter, the overseers' alarms). Read
 * in one read-only transaction.
 */
@Service
@Transactional(readOnly = true)
public class Worklists {

  private final FieldWork field;
  private final DeskWork desk;
  private final CounterWork counter;
  private final OverseerWork overseer;

  Worklists(FieldWork field, DeskWork desk, CounterWork counter, OverseerWork overseer) {
    this.field = field;
    this.desk = desk;
    this.counter = counter;
    this.overseer = overseer;
  }

  public Worklist of(CurrentUser user, Locale locale) {
    if (user == null || !user.isStaff()) {
      return Worklist.empty();
    }
    Worklist w = Worklist.empty();
    if (user.has(Role.SECURITY)) {
      w = w.and(field.guard(user, locale));
    }
    if (user.has(Role.TECHNICIAN)) {
      w = w.and(field.technician(user));
    }
    if (user.has(Role.CUSTOMER_SERVICE)) {
      w = w.and(desk.of(user));
    }
    if (user.has(Role.CASHIER)) {
      w = w.and(counter.of(user));
    }
    if (user.hasAny(Role.SUPERVISOR, Role.MANAGER)) {
      w = w.and(overseer.of(user));
    }
    return w;
  }

  /**
   * Whether the worklist itself shows the user's emergency notifications (a guard's dispatches).
   */
  public static boolean showsEmergencies(CurrentUser user) {
    return user != null && user.has(Role.SECURITY);
  }
}
