package com.wuye.center.messaging;

import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message on one channel, as a state machine: recorded as {@code OFF} (the channel is not
 * configured: what would have been sent), {@code HELD} (quiet hours, or an announcement not yet
 * started) or {@code QUEUED}; a sender claims it ({@code SENDING}, leased for a while); the
 * provider's answer makes it {@code SENT}, {@code FAILED} (tried again later, with back-off) or
 * {@code GAVE_UP}; a pending one can be {@code CANCELLED}. A sender that finds a lease expired
 * takes the delivery over: the previous one died during its attempt, whose outcome is unknown.
 * Every step is an entry of the delivery's log, which customer service reads on the resident's
 * page.
 */
public final class Delivery {

  public enum State {
    OFF,
    HELD,
    QUEUED,
    SENDING,
    SENT,
    FAILED,
    GAVE_UP,
    CANCELLED;

    /** Still to be sent. */
    public boolean pending() {
      return this == HELD || this == QUEUED || this == FAILED;
    }
  }

  /** Why a delivery was only recorded. */
  public enum OffReason {
    /** The channel's credentials are not configured. */
    CHANNEL_OFF,
    /** The community (or the company) has no template of the kind for the channel. */
    NO_TEMPLATE,
    /** No SMS sign name or e-mail sender address is configured. */
    NO_SENDER
  }

  /** What the log records. */
  public enum Event {
    QUEUED,
    HELD,
    OFF,
    ATTEMPT,
    TAKEN_OVER,
    SENT,
    FOUND_SENT,
    FAILED,
    RETRY,
    GAVE_UP,
    CANCELLED
  }

  /**
   * One entry of the delivery's log.
   *
   * @param detail the provider's answer, or why it was held or is off
   * @param until until when it is held, or when it is tried again
   */
  public record LogEntry(Event event, Instant at, Integer attempt, String detail, Instant until) {

    LogEntry(Event event, Instant at, Integer attempt, String detail) {
      this(event, at, attempt, detail, null);
    }
  }

  /** The stored state (the repository rebuilds the aggregate from it). */
  public record Stored(
      Long id,
      long messageId,
      Channel channel,
      String address,
      State state,
      OffReason offReason,
      int attempts,
      Instant nextAttemptAt,
      Instant leaseUntil,
      String providerRef,
      String lastAnswer,
      Instant sentAt,
      int version) {}

  private final Long id;
  private final long messageId;
  private final Channel channel;
  private final String address;
  private State state;
  private final OffReason offReason;
  private int attempts;
  private Instant nextAttemptAt;
  private Instant leaseUntil;
  private String providerRef;
  private String lastAnswer;
  private Instant sentAt;
  private final int version;
  private final List<LogEntry> log = new ArrayList<>();

  private Delivery(Stored s) {
    this.id = s.id();
    this.messageId = s.messageId();
    this.channel = s.channel();
    this.address = s.address();
    this.state = s.state();
    this.offReason = s.offReason();
    this.attempts = s.attempts();
    this.nextAttemptAt = s.nextAttemptAt();
    this.leaseUntil = s.leaseUntil();
    this.providerRef = s.providerRef();
    this.lastAnswer = s.lastAnswer();
    this.sentAt = s.sentAt();
    this.version = s.version();
  }

  public static Delivery restore(Stored s) {
    return new Delivery(s);
  }

  /** The channel is off for this message: recorded only, for the outbox page. */
  static Delivery off(long messageId, Channel channel, String address, OffReason why, Instant now) {
    Delivery d =
        new Delivery(
            new Stored(
                null, messageId, channel, address, State.OFF, why, 0, null, null, null, null, null,
                0));
    d.log.add(new LogEntry(Event.OFF, now, null, why.name()));
    return d;
  }

  /**
   * To be sent at {@code dueAt}: queued when that is now, else held until then.
   *
   * @param heldFor why it waits (quiet hours, the announcement's start), for the log
   */
  static Delivery due(
      long messageId, Channel channel, String address, Instant dueAt, String heldFor, Instant now) {
    boolean held = dueAt.isAfter(now);
    Delivery d =
        new Delivery(
            new Stored(
                null,
                messageId,
                channel,
                address,
                held ? State.HELD : State.QUEUED,
                null,
                0,
                held ? dueAt : now,
                null,
                null,
                null,
                null,
                0));
    d.log.add(
        held
            ? new LogEntry(Event.HELD, now, null, heldFor, dueAt)
            : new LogEntry(Event.QUEUED, now, null, null));
    return d;
  }

  /**
   * A sender takes the delivery for one attempt, until {@code now + lease}: a pending one that is
   * due, or one whose previous sender's lease ran out (that attempt's outcome is unknown).
   *
   * @return true when it was taken over from a sender that stopped during its attempt
   */
  public boolean claim(Instant now, Duration lease) {
    boolean takeOver = state == State.SENDING && !leaseUntil.isAfter(now);
    boolean due = state.pending() && !nextAttemptAt.isAfter(now);
    if (!takeOver && !due) {
      throw DomainException.conflict("messaging.error.notDue");
    }
    if (takeOver) {
      log.add(new LogEntry(Event.TAKEN_OVER, now, attempts, null));
    }
    attempts++;
    state = State.SENDING;
    nextAttemptAt = null;
    leaseUntil = now.plus(lease);
    log.add(new LogEntry(Event.ATTEMPT, now, attempts, null));
    return takeOver;
  }

  /** The provider accepted the message. */
  public void sent(String ref, String answer, Instant now) {
    requireSending();
    finish(State.SENT, now);
    providerRef = clip(ref, 100);
    lastAnswer = clip(answer, 500);
    sentAt = now;
    log.add(new LogEntry(Event.SENT, now, attempts, lastAnswer));
  }

  /**
   * After a take-over, the provider already had the message (the previous attempt reached it): it
   * counts as sent and is not sent again.
   */
  public void foundSent(String found, Instant now) {
    requireSending();
    finish(State.SENT, now);
    providerRef = clip(found, 100);
    lastAnswer = clip(found, 500);
    sentAt = now;
    log.add(new LogEntry(Event.FOUND_SENT, now, attempts, lastAnswer));
  }

  /**
   * The provider refused, or could not be reached: tried again later with back-off, unless the
   * refusal is permanent or the attempts are used up.
   */
  public void failed(String answer, boolean permanent, Backoff backoff, Instant now) {
    requireSending();
    lastAnswer = clip(answer, 500);
    log.add(new LogEntry(Event.FAILED, now, attempts, lastAnswer));
    Instant retry = permanent ? null : backoff.retryAt(attempts, now).orElse(null);
    if (retry == null) {
      finish(State.GAVE_UP, now);
      log.add(new LogEntry(Event.GAVE_UP, now, attempts, null));
      return;
    }
    finish(State.FAILED, now);
    nextAttemptAt = retry;
    log.add(new LogEntry(Event.RETRY, now, attempts, null, retry));
  }

  /** A pending delivery is no longer wanted (its announcement was withdrawn before it started). */
  public void cancel(String reason, Instant now) {
    if (!state.pending()) {
      throw DomainException.conflict("messaging.error.notPending");
    }
    finish(State.CANCELLED, now);
    log.add(new LogEntry(Event.CANCELLED, now, null, reason));
  }

  private void finish(State next, Instant now) {
    state = next;
    leaseUntil = null;
    nextAttemptAt = null;
  }

  private void requireSending() {
    if (state != State.SENDING) {
      throw DomainException.conflict("messaging.error.notSending");
    }
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  public Stored stored() {
    return new Stored(
        id,
        messageId,
        channel,
        address,
        state,
        offReason,
        attempts,
        nextAttemptAt,
        leaseUntil,
        providerRef,
        lastAnswer,
        sentAt,
        version);
  }

  /** The log entries added since the delivery was loaded, oldest first. */
  public List<LogEntry> newLogEntries() {
    return List.copyOf(log);
  }

  public Long id() {
    return id;
  }

  public long messageId() {
    return messageId;
  }

  public Channel channel() {
    return channel;
  }

  public String address() {
    return address;
  }

  public State state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public int version() {
    return version;
  }

  /** When the attempt now under way began (the lease's start). */
  public Instant attemptStartedAt(Duration lease) {
    return leaseUntil == null ? null : leaseUntil.minus(lease);
  }
}
