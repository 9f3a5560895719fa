package com.wuye.center.messaging;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a message is about, with the names of its arguments (in the order its text uses them, and as
 * the Aliyun SMS template's variables and the WeChat template's fields are named), who gets it,
 * whether it is always sent (no opt-out: CS-K5 key pickups, emergency dispatches, deadline
 * breaches) and whether it is urgent (sent in quiet hours too).
 */
public enum MessageKind {
  REPAIR_DISPATCHED(Audience.RESIDENT, false, false, "number", "technician"),
  REPAIR_ON_THE_WAY(Audience.RESIDENT, false, true, "number", "technician"),
  REPAIR_COMPLETED(Audience.RESIDENT, false, false, "number"),
  INQUIRY_ANSWERED(Audience.RESIDENT, false, false, "number"),
  COMPLAINT_COMMITMENT(Audience.RESIDENT, false, false, "number", "action", "promisedAt"),
  COMPLAINT_OUTCOME(Audience.RESIDENT, false, false, "number", "outcome"),
  /** CS-K5: who collected the keys and when — always, whatever the preferences. */
  KEY_PICKUP(Audience.RESIDENT, true, true, "reference", "collector", "count", "time"),
  BILL_ISSUED(Audience.RESIDENT, false, false, "unit", "period", "amount", "dueDate"),
  ARREARS_REMINDER(Audience.RESIDENT, false, false, "unit", "amount", "oldestDue"),
  CONVENIENCE_ORDER(Audience.RESIDENT, false, false, "number", "service", "staff", "wantedAt"),
  ANNOUNCEMENT(
      Audience.RESIDENT, false, false, "community", "category", "title", "startsAt", "endsAt"),
  /** CS-E2, CS-E5, CS-E6: the guards on duty, by SMS as well as on screen. */
  EMERGENCY_DISPATCH(Audience.STAFF, true, true, "number", "unit", "choice"),
  /** A deadline breached: the supervisors, and the managers when it is escalated further. */
  DEADLINE_BREACH(Audience.STAFF, true, false, "label", "level", "due");

  /** Who a kind goes to. */
  public enum Audience {
    RESIDENT,
    STAFF
  }

  private final Audience audience;
  private final boolean always;
  private final boolean urgent;
  private final List<String> params;

  MessageKind(Audience audience, boolean always, boolean urgent, String... params) {
    this.audience = audience;
    this.always = always;
    this.urgent = urgent;
    this.params = List.of(params);
  }

  public Audience audience() {
    return audience;
  }

  /** Always sent: a person cannot opt out of it. */
  public boolean always() {
    return always;
  }

  /** Sent at once, in quiet hours too. */
  public boolean urgent() {
    return urgent;
  }

  /** The names of the arguments, in the order the texts use them ({0}, {1}, …). */
  public List<String> params() {
    return params;
  }

  /** The kinds a resident may opt out of. */
  public static Set<MessageKind> optional() {
    Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
    for (MessageKind k : values()) {
      if (k.audience == Audience.RESIDENT && !k.always) {
        kinds.add(k);
      }
    }
    return kinds;
  }

  /** The kinds a resident receives, in the order the preferences page lists them. */
  public static List<MessageKind> forResidents() {
    return java.util.Arrays.stream(values()).filter(k -> k.audience == Audience.RESIDENT).toList();
  }
}
