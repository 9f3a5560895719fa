package com.wuye.center.notice;

import java.util.List;

/**
 * An event any area may publish to notify accounts; handled after the publisher's transaction
 * commits.
 *
 * @param accountIds the login accounts to notify
 * @param messageKey key in messages*.properties, rendered in each reader's language
 * @param args the message arguments (strings and numbers)
 * @param link where the notification leads (a page path), or null
 * @param requiresAck true for an assignment that stays on screen until acknowledged
 */
public record NotifyRequested(
    List<Long> accountIds,
    String messageKey,
    List<Object> args,
    String link,
    boolean requiresAck,
    String sourceType,
    String sourceId) {}
