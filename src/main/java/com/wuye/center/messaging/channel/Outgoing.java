package com.wuye.center.messaging.channel;

import com.wuye.center.messaging.Channel;
import com.wuye.center.messaging.MessageKind;
import java.util.Locale;
import java.util.Map;

/**
 * One message on one channel as a provider gets it: rendered in the recipient's language, with the
 * community's sender settings and the provider's idempotency key.
 *
 * @param idempotencyKey stable for every attempt of this delivery ({@code m1234S})
 * @param address a mobile number, a WeChat openid or an e-mail address
 * @param params the message's arguments by name, rendered (the SMS template's variables)
 * @param link the page the message points to, absolute when a public base URL is configured
 * @param sender the sign name, the template of the kind and the e-mail sender of the community
 */
public record Outgoing(
    long deliveryId,
    Channel channel,
    String idempotencyKey,
    String address,
    MessageKind kind,
    Locale locale,
    String subject,
    String text,
    Map<String, String> params,
    String link,
    Sender sender) {

  public Outgoing {
    params = Map.copyOf(params);
  }

  /**
   * A community's sender settings for one kind of message, the company's where the community has
   * none.
   *
   * @param smsSignName the SMS sign name (签名)
   * @param smsTemplate the Aliyun template code of the kind ({@code SMS_123456789})
   * @param wechatTemplate the WeChat template id of the kind, optionally with its field mapping
   *     ({@code TEMPLATE_ID?thing1=title&time2=period})
   * @param emailFrom the sender address of e-mails
   */
  public record Sender(
      String smsSignName, String smsTemplate, String wechatTemplate, String emailFrom) {}
}
