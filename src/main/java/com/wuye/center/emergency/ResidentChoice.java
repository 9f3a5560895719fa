package com.wuye.center.emergency;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.AcceptanceClocks.Kind;
import com.wuye.center.emergency.EmergencyCase.Actor;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * CS-E1, the resident's choice — hospital, 120 or short-term nursing — and what hangs on it: the
 * choice dispatches security ({@link SecurityDispatch}); a case opened without one gets an
 * acceptance clock (issue 14, {@code wuye.acceptance.emergency-choice}, 5 minutes) whose sweep
 * tells the supervisors and then the managers while no choice is recorded; the choice stops it.
 */
@Component
class ResidentChoice {

  private final SecurityDispatch security;
  private final AcceptanceClocks acceptance;
  private final MessageSource messages;

  ResidentChoice(SecurityDispatch security, AcceptanceClocks acceptance, MessageSource messages) {
    this.security = security;
    this.acceptance = acceptance;
    this.messages = messages;
  }

  /** A stored case opened without a choice: the clock runs from the call. */
  void awaited(EmergencyCase c) {
    acceptance.start(
        Kind.EMERGENCY_CHOICE,
        EmergencyCase.TYPE,
        c.id(),
        messages.getMessage(
            "emergency.choice.label",
            new Object[] {c.number(), c.intake().unitLabel()},
            Locale.SIMPLIFIED_CHINESE),
        CaseNotices.link(c),
        c.communityId(),
        c.calledAt());
  }

  /** The choice is recorded: security is dispatched, and the clock (if any) stops. */
  void record(EmergencyCase c, Choice choice, Actor actor, Instant now) {
    c.choose(choice, actor, now);
    security.dispatch(c, actor, now);
    acceptance.taken(Kind.EMERGENCY_CHOICE, EmergencyCase.TYPE, c.id());
  }
}
