package com.wuye.center.messaging.channel;

import com.wuye.center.messaging.Channel;
import java.time.Instant;
import java.util.Optional;

/**
 * One channel on its provider's official SDK. Called by the outbox sender outside any database
 * transaction; it never throws for a provider's refusal or an unreachable provider, it answers
 * {@link SendResult.Failed} with the provider's answer and whether trying again could help.
 */
public interface ChannelGateway {

  Channel channel();

  /** Whether the channel's credentials are set. */
  boolean configured();

  /** Sends one message, passing its idempotency key where the provider takes one. */
  SendResult send(Outgoing message);

  /**
   * After a sender died during an attempt, whether the provider already has the message (looked up
   * by its idempotency key), so it is not sent twice. Empty: the provider cannot tell; the message
   * is sent again with the same idempotency key.
   *
   * @param attemptStartedAt when the attempt whose outcome is unknown began
   */
  default Optional<String> findSent(Outgoing message, Instant attemptStartedAt) {
    return Optional.empty();
  }
}
