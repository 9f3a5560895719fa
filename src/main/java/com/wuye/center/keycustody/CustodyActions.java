package com.wuye.center.keycustody;

import com.wuye.center.keycustody.internal.SecurityLog;
import com.wuye.center.keycustody.internal.SecurityLog.Action;
import com.wuye.center.keycustody.internal.SecurityLog.Context;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.ConstraintMessages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The frame every custody action runs in: one transaction, the time of the action, and each refusal
 * written to the security log after the action's own transaction rolled back (wrong pickups as
 * alerts for the managers).
 */
@Component
class CustodyActions {

  private static final Logger log = LoggerFactory.getLogger(CustodyActions.class);

  private final TransactionTemplate tx;
  private final SecurityLog securityLog;
  private final ConstraintMessages constraints;
  private final Clock clock;

  CustodyActions(
      TransactionTemplate tx,
      SecurityLog securityLog,
      ConstraintMessages constraints,
      Clock clock) {
    this.tx = tx;
    this.securityLog = securityLog;
    this.constraints = constraints;
    this.clock = clock;
  }

  /**
   * Runs the action in a transaction; the action fills in what it is about (community, entrustment,
   * key, the ID shown) so that a refusal can be logged against it.
   */
  <T> T run(CurrentUser user, Action action, Function<Context, T> body) {
    Context ctx = new Context(action);
    try {
      return tx.execute(status -> body.apply(ctx));
    } catch (DomainException e) {
      logRefusal(ctx, user, e);
      throw e;
    } catch (DataIntegrityViolationException e) {
      logRefusal(ctx, user, constraints.translate(e));
      throw e;
    }
  }

  Instant now() {
    return clock.instant();
  }

  private void logRefusal(Context ctx, CurrentUser user, DomainException e) {
    if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
      return; // access refusals are the security layer's, not a custody event
    }
    try {
      securityLog.refused(ctx, user, e);
    } catch (RuntimeException x) {
      log.error("Could not log the refused key custody action {}", ctx.action(), x);
    }
  }

  static void requireHandler(CurrentUser user) {
    user.require(KeyCustody.HANDLERS.toArray(Role[]::new));
  }

  /** Who did it, as the chain of custody names them. */
  static String actor(CurrentUser user) {
    return user.actorRef() + ":" + user.username();
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ClockConfiguration.ZONE);
  }
}
