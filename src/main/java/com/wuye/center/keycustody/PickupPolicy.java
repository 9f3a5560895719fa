package com.wuye.center.keycustody;

import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.shared.DomainException;
import java.time.LocalDate;
import java.util.List;

/**
 * Who may collect, as {@link KeyPickup} applies it: the ID shown (type and number) must match an
 * authorised person of the entrustment exactly. A named person must not be revoked and, where the
 * form sets a date window, may collect only within it. The owner who deposited the keys may always
 * take them back.
 */
public final class PickupPolicy {

  private PickupPolicy() {}

  /** Why a pickup was refused; each is a security event a manager sees. */
  public enum Refusal {
    ID_MISMATCH,
    REVOKED_COLLECTOR,
    OUTSIDE_WINDOW
  }

  public sealed interface Decision permits Allowed, Refused {}

  /** The ID belongs to this authorised person, who may collect now. */
  public record Allowed(Collector collector) implements Decision {}

  /**
   * Refused; {@code matched} is the person the ID belongs to, if any (revoked or outside window).
   */
  public record Refused(Refusal refusal, Collector matched) implements Decision {

    /** The refusal as the error the clerk reads. */
    public DomainException toException(LocalDate from, LocalDate until) {
      return switch (refusal) {
        case ID_MISMATCH -> DomainException.ruleOn("idNumber", "keycustody.error.idMismatch");
        case REVOKED_COLLECTOR ->
            DomainException.ruleOn("idNumber", "keycustody.error.collectorRevoked", matched.name());
        case OUTSIDE_WINDOW ->
            DomainException.ruleOn(
                "idNumber",
                "keycustody.error.outsideWindow",
                from == null ? "—" : from.toString(),
                until == null ? "—" : until.toString());
      };
    }
  }

  public static Decision decide(
      List<Collector> collectors,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      IdFingerprint presented,
      LocalDate today) {
    Collector match =
        collectors.stream().filter(c -> c.document().matches(presented)).findFirst().orElse(null);
    if (match == null) {
      return new Refused(Refusal.ID_MISMATCH, null);
    }
    if (match.owner()) {
      return new Allowed(match);
    }
    if (match.revoked()) {
      return new Refused(Refusal.REVOKED_COLLECTOR, match);
    }
    boolean early = pickupFrom != null && today.isBefore(pickupFrom);
    boolean late = pickupUntil != null && today.isAfter(pickupUntil);
    if (early || late) {
      return new Refused(Refusal.OUTSIDE_WINDOW, match);
    }
    return new Allowed(match);
  }
}
