package com.wuye.center.messaging.channel;

import com.wuye.center.messaging.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WeChat Official Account template messages (模板消息) on WxJava, to the openid the resident bound by
 * scanning the portal's QR code, with the delivery's idempotency key as {@code client_msg_id}
 * (WeChat sends one message per openid and client_msg_id within ten minutes, so a retry after a
 * sender died mid-call is not delivered twice).
 *
 * <p>The kind's template is configured as its template id, optionally with the template's fields
 * mapped to the message's arguments: {@code TEMPLATE_ID?thing1=title&time2=period} ({@code subject}
 * and {@code text} name the rendered subject and text). Without a mapping the classic fields are
 * sent: {@code first} (the subject), {@code keyword1…n} (the arguments in order) and {@code remark}
 * (the text). Values are cut to WeChat's lengths ({@code thing} 20, {@code character_string} 32,
 * {@code phrase} 5 characters).
 */
@Component
class WechatTemplateChannel implements ChannelGateway {

  private static final Logger log = LoggerFactory.getLogger(WechatTemplateChannel.class);

  /**
   * WeChat's answers after which trying again cannot help: invalid openid, not following the
   * account, invalid template, invalid argument, in the account's blacklist.
   */
  private static final Set<Integer> PERMANENT = Set.of(40003, 43004, 40037, 47003, 43019, 40036);

  private final WechatAccount account;

  WechatTemplateChannel(WechatAccount account) {
    this.account = account;
  }

  @Override
  public Channel channel() {
    return Channel.WECHAT;
  }

  @Override
  public boolean configured() {
    return account.configured();
  }

  @Override
  public SendResult send(Outgoing m) {
    WxMpTemplateMessage message = message(m);
    try {
      String msgId =
          account.service().orElseThrow().getTemplateMsgService().sendTemplateMsg(message);
      return new SendResult.Sent(msgId, "ok msgid " + msgId);
    } catch (WxErrorException e) {
      return new SendResult.Failed(
          SendResult.clip(e.getError().getErrorCode() + " " + e.getError().getErrorMsg()),
          PERMANENT.contains(e.getError().getErrorCode()));
    } catch (RuntimeException e) {
      log.warn("WeChat message {} not sent: {}", m.idempotencyKey(), e.toString());
      return new SendResult.Failed(SendResult.clip(e.toString()), false);
    }
  }

  static WxMpTemplateMessage message(Outgoing m) {
    String spec = m.sender().wechatTemplate();
    int q = spec.indexOf('?');
    String templateId = q < 0 ? spec.trim() : spec.substring(0, q).trim();
    WxMpTemplateMessage message =
        WxMpTemplateMessage.builder()
            .toUser(m.address())
            .templateId(templateId)
            .url(m.link())
            .clientMsgId(m.idempotencyKey())
            .build();
    fields(m, q < 0 ? null : spec.substring(q + 1))
        .forEach((name, value) -> message.addData(new WxMpTemplateData(name, cut(name, value))));
    return message;
  }

  private static Map<String, String> fields(Outgoing m, String mapping) {
    Map<String, String> values = new LinkedHashMap<>(m.params());
    values.put("subject", m.subject());
    values.put("text", m.text());
    Map<String, String> out = new LinkedHashMap<>();
    if (mapping == null || mapping.isBlank()) {
      out.put("first", m.subject());
      int i = 1;
      for (String name : m.kind().params()) {
        out.put("keyword" + i++, m.params().getOrDefault(name, ""));
      }
      out.put("remark", m.text());
      return out;
    }
    for (String pair : mapping.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq).trim(), values.getOrDefault(pair.substring(eq + 1).trim(), ""));
      }
    }
    return out;
  }

  private static String cut(String field, String value) {
    int max =
        field.startsWith("thing")
            ? 20
            : field.startsWith("character_string") ? 32 : field.startsWith("phrase") ? 5 : 200;
    return value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
