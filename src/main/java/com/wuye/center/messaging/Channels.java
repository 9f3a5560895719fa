package com.wuye.center.messaging;

import com.wuye.center.messaging.channel.ChannelGateway;
import com.wuye.center.messaging.channel.Outgoing;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The channels and whether one can take a message: its credentials are configured, and the
 * community (or the company) has the sign name, the template or the sender address it needs.
 */
@Component
class Channels {

  private final Map<Channel, ChannelGateway> gateways = new EnumMap<>(Channel.class);

  Channels(List<ChannelGateway> all) {
    all.forEach(g -> gateways.put(g.channel(), g));
  }

  ChannelGateway gateway(Channel c) {
    return gateways.get(c);
  }

  boolean configured(Channel c) {
    ChannelGateway g = gateways.get(c);
    return g != null && g.configured();
  }

  /** Why the channel cannot take a message with these sender settings, or null when it can. */
  Delivery.OffReason offReason(Channel c, Outgoing.Sender s) {
    if (!configured(c)) {
      return Delivery.OffReason.CHANNEL_OFF;
    }
    return switch (c) {
      case SMS ->
          blank(s.smsSignName())
              ? Delivery.OffReason.NO_SENDER
              : blank(s.smsTemplate()) ? Delivery.OffReason.NO_TEMPLATE : null;
      case WECHAT -> blank(s.wechatTemplate()) ? Delivery.OffReason.NO_TEMPLATE : null;
      case EMAIL -> blank(s.emailFrom()) ? Delivery.OffReason.NO_SENDER : null;
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
