/**
 * Outbound messages 消息: what the areas' events cause to be sent to residents and staff by SMS
 * (Aliyun), WeChat Official Account template messages (WxJava) and e-mail (SMTP), in the
 * recipient's language, respecting their opt-outs (except CS-K5 key pickups, emergency dispatches
 * and deadline breaches, always sent) and quiet hours (except what is urgent).
 *
 * <p>Delivery is a transactional outbox: listeners run in the publishing transaction, just before
 * it commits ({@code @TransactionalEventListener(BEFORE_COMMIT)}), and {@link
 * com.wuye.center.messaging.Outbox} records the messages there — a message exists exactly when the
 * change that caused it committed. {@link com.wuye.center.messaging.OutboxSender} sends after
 * commit, on any number of nodes, with retries and back-off; {@link
 * com.wuye.center.messaging.Delivery} is each delivery's state machine and its log. With no channel
 * configured the messages are recorded only, and the outbox page shows what would have been sent.
 *
 * <p>Public face: {@link com.wuye.center.messaging.OutboxSender}, {@link
 * com.wuye.center.messaging.MessagePreferences} (a person's language, e-mail, quiet hours,
 * opt-outs), {@link com.wuye.center.messaging.SenderSettings} (per community), {@link
 * com.wuye.center.messaging.OutboxQueries} (outbox page, a resident's delivery log).
 *
 * <p>Configuration ({@code wuye.messaging.*}, see {@link
 * com.wuye.center.messaging.channel.MessagingProperties}): each channel is off until its
 * credentials are set — {@code WUYE_SMS_ACCESS_KEY_ID}/{@code _SECRET}, {@code
 * WUYE_WECHAT_APP_ID}/{@code _SECRET}/{@code _TOKEN}, {@code SPRING_MAIL_HOST}; every provider's
 * base URL is configurable.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Messaging 消息",
    allowedDependencies = {
      "shared",
      "estate",
      "staff",
      "repair",
      "complaint",
      "inquiry",
      "keycustody",
      "billing",
      "convenience",
      "emergency",
      "deadline",
      "announcement",
      "demo"
    })
package com.wuye.center.messaging;
