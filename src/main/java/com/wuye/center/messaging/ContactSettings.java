package com.wuye.center.messaging;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person's messaging settings: the language they read messages in, an e-mail address, the WeChat
 * account they bound, their own quiet hours (null: the default ones) and the kinds they opted out
 * of.
 *
 * @param contactId null until the person saved anything
 */
public record ContactSettings(
    Long contactId,
    Language language,
    String email,
    String wechatOpenid,
    Instant wechatBoundAt,
    QuietHours quietHours,
    Set<MessageKind> optedOut,
    int version) {

  public ContactSettings {
    optedOut = optedOut.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(optedOut));
  }

  /** Someone who never changed anything: Chinese, no e-mail, no WeChat, default quiet hours. */
  public static ContactSettings defaults() {
    return new ContactSettings(null, Language.ZH, null, null, null, null, Set.of(), 0);
  }

  /** Whether a message of the kind is wanted (the kinds always sent are always wanted). */
  public boolean wants(MessageKind kind) {
    return kind.always() || !optedOut.contains(kind);
  }

  public boolean wechatBound() {
    return wechatOpenid != null;
  }
}
