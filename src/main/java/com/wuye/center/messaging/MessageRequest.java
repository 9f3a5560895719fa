package com.wuye.center.messaging;

import com.wuye.center.shared.ClockConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an event asks to be sent: a kind, its arguments, to whom, about which record, and the cause
 * — the event, named so that the same event recorded twice is recognised (the message's idempotency
 * key is the cause and the recipient). Arguments are the values the texts show: times in the
 * service center's zone, amounts in yuan, and labels (a complaint's outcome, an emergency's choice)
 * as message keys, read in each recipient's language.
 */
public final class MessageRequest {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  /** An argument shown as the text of a message key, in the recipient's language. */
  public record Label(String key) {}

  private final MessageKind kind;
  private final String cause;
  private final long communityId;
  private final List<Recipient> recipients = new ArrayList<>();
  private final Map<String, Object> args = new LinkedHashMap<>();
  private String subjectType;
  private String subjectId;
  private String link;
  private Instant notBefore;

  private MessageRequest(MessageKind kind, String cause, long communityId) {
    this.kind = Objects.requireNonNull(kind);
    this.cause = Objects.requireNonNull(cause);
    this.communityId = communityId;
  }

  /**
   * @param cause the event, e.g. {@code repair:12:dispatched:1764223200000}: the same for the same
   *     event however often it is heard
   */
  public static MessageRequest of(MessageKind kind, String cause, long communityId) {
    return new MessageRequest(kind, cause, communityId);
  }

  /** The record the message is about (an announcement's messages are cancelled by it). */
  public MessageRequest about(String type, Object id) {
    this.subjectType = type;
    this.subjectId = String.valueOf(id);
    return this;
  }

  public MessageRequest to(Recipient r) {
    if (r != null && r.reachable()) {
      recipients.add(r);
    }
    return this;
  }

  public MessageRequest to(List<Recipient> rs) {
    rs.forEach(this::to);
    return this;
  }

  public MessageRequest arg(String name, String value) {
    args.put(name, value == null ? "" : value);
    return this;
  }

  public MessageRequest arg(String name, long value) {
    return arg(name, String.valueOf(value));
  }

  /** A time, as the service center reads it: {@code 2026-11-27 14:30}. */
  public MessageRequest arg(String name, Instant value) {
    return arg(name, value == null ? "" : TIME.format(value));
  }

  public MessageRequest arg(String name, LocalDate value) {
    return arg(name, value == null ? "" : value.toString());
  }

  /** An amount in yuan: {@code 1234.50}. */
  public MessageRequest arg(String name, BigDecimal value) {
    return arg(
        name,
        value == null ? "" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
  }

  /** An argument read in each recipient's language. */
  public MessageRequest label(String name, String messageKey) {
    args.put(name, new Label(messageKey));
    return this;
  }

  /** The page the message points to (a path of the portal or the staff pages). */
  public MessageRequest link(String path) {
    this.link = path;
    return this;
  }

  /** Not sent before this time (an announcement waits for its start). */
  public MessageRequest notBefore(Instant at) {
    this.notBefore = at;
    return this;
  }

  /** Refuses a request whose arguments are not the kind's. */
  void check() {
    if (!args.keySet().equals(new java.util.LinkedHashSet<>(kind.params()))) {
      throw new IllegalArgumentException(
          kind + " takes " + kind.params() + ", was given " + args.keySet());
    }
    if (subjectType == null) {
      throw new IllegalArgumentException(kind + " names no record it is about");
    }
  }

  public MessageKind kind() {
    return kind;
  }

  public String cause() {
    return cause;
  }

  public long communityId() {
    return communityId;
  }

  public List<Recipient> recipients() {
    return List.copyOf(recipients);
  }

  public Map<String, Object> args() {
    return java.util.Collections.unmodifiableMap(args);
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public String link() {
    return link;
  }

  public Instant notBefore() {
    return notBefore;
  }
}
