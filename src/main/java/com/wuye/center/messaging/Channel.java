package com.wuye.center.messaging;

/** The ways a message leaves the service center. */
public enum Channel {
  SMS('S'),
  WECHAT('W'),
  EMAIL('E');

  private final char letter;

  Channel(char letter) {
    this.letter = letter;
  }

  /**
   * The provider's idempotency key of a message on this channel ({@code m1234S}): the Aliyun OutId,
   * the WeChat client_msg_id and the e-mail's Message-ID are built from it, so a retry of the same
   * delivery is recognisable as the same message.
   */
  public String idempotencyKey(long messageId) {
    return "m" + messageId + letter;
  }
}
