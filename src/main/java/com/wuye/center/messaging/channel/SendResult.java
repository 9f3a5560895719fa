package com.wuye.center.messaging.channel;

/** What a provider answered to one message. */
public sealed interface SendResult {

  /** The provider's answer as kept in the delivery log (at most 500 characters). */
  String answer();

  /**
   * Accepted.
   *
   * @param providerRef the provider's id of the message (Aliyun BizId, WeChat msgid, Message-ID)
   */
  record Sent(String providerRef, String answer) implements SendResult {}

  /**
   * Refused or unreachable.
   *
   * @param permanent true when trying again cannot help (a wrong number, an unknown template, a
   *     WeChat user who unfollowed): the delivery is given up at once
   */
  record Failed(String answer, boolean permanent) implements SendResult {}

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= 500 ? s : s.substring(0, 499) + "…";
  }
}
