package com.wuye.center.messaging.channel;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsRequest;
import com.aliyun.dysmsapi20170525.models.QuerySendDetailsResponseBody;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.wuye.center.messaging.Channel;
import com.wuye.center.shared.ClockConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * SMS through Aliyun (dysmsapi 2017-05-25) on its official SDK: {@code SendSms} with the
 * community's sign name, the kind's template code, the message's arguments as the template's
 * variables and the delivery's idempotency key as {@code OutId}. After a sender died during an
 * attempt, {@code QuerySendDetails} tells whether Aliyun already has a message with that {@code
 * OutId} for the number, so it is not sent twice. The SDK signs every request (ACS3-HMAC-SHA256);
 * its own retries are off: the outbox retries with back-off.
 */
@Component
class AliyunSmsChannel implements ChannelGateway {

  private static final Logger log = LoggerFactory.getLogger(AliyunSmsChannel.class);

  /** Aliyun's answers after which trying again cannot help. */
  private static final Set<String> PERMANENT =
      Set.of(
          "isv.MOBILE_NUMBER_ILLEGAL",
          "isv.SMS_TEMPLATE_ILLEGAL",
          "isv.SMS_SIGNATURE_ILLEGAL",
          "isv.SMS_SIGN_ILLEGAL",
          "isv.TEMPLATE_MISSING_PARAMETERS",
          "isv.TEMPLATE_PARAMS_ILLEGAL",
          "isv.INVALID_PARAMETERS",
          "isv.INVALID_JSON_PARAM",
          "isv.PARAM_LENGTH_LIMIT",
          "isv.BLACK_KEY_CONTROL_LIMIT",
          "isv.MOBILE_COUNT_OVER_LIMIT");

  /** Aliyun's limit of one template variable's value (notification templates). */
  static final int VARIABLE_LIMIT = 35;

  private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final MessagingProperties.Sms settings;
  private final ObjectMapper json;
  private final Client client;

  AliyunSmsChannel(MessagingProperties properties, ObjectMapper json) {
    this.settings = properties.sms();
    this.json = json;
    this.client = settings.configured() ? client(settings) : null;
  }

  private static Client client(MessagingProperties.Sms s) {
    try {
      return new Client(
          new Config()
              .setAccessKeyId(s.accessKeyId())
              .setAccessKeySecret(s.accessKeySecret())
              .setEndpoint(s.endpoint())
              .setProtocol(s.protocol())
              .setConnectTimeout(5_000)
              .setReadTimeout(10_000));
    } catch (Exception e) {
      throw new IllegalStateException("Aliyun SMS client not created: " + e.getMessage(), e);
    }
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public boolean configured() {
    return client != null;
  }

  @Override
  public SendResult send(Outgoing m) {
    try {
      SendSmsRequest request =
          new SendSmsRequest()
              .setPhoneNumbers(m.address())
              .setSignName(m.sender().smsSignName())
              .setTemplateCode(m.sender().smsTemplate())
              .setTemplateParam(templateParam(m))
              .setOutId(m.idempotencyKey());
      SendSmsResponseBody body = client.sendSmsWithOptions(request, runtime()).getBody();
      String answer =
          SendResult.clip(
              body.getCode()
                  + " "
                  + body.getMessage()
                  + " (RequestId "
                  + body.getRequestId()
                  + ")");
      if ("OK".equals(body.getCode())) {
        return new SendResult.Sent(body.getBizId(), answer);
      }
      return new SendResult.Failed(answer, PERMANENT.contains(body.getCode()));
    } catch (TeaException e) {
      return new SendResult.Failed(
          SendResult.clip("HTTP " + e.getStatusCode() + " " + e.getCode() + " " + e.getMessage()),
          PERMANENT.contains(e.getCode()));
    } catch (Exception e) {
      log.warn("SMS {} not sent: {}", m.idempotencyKey(), e.toString());
      return new SendResult.Failed(SendResult.clip(e.toString()), false);
    }
  }

  /** The template's variables: the message's arguments, each within Aliyun's length. */
  String templateParam(Outgoing m) {
    TreeMap<String, String> vars = new TreeMap<>();
    m.params()
        .forEach(
            (k, v) ->
                vars.put(
                    k,
                    v.length() <= VARIABLE_LIMIT ? v : v.substring(0, VARIABLE_LIMIT - 1) + "…"));
    return json.writeValueAsString(vars);
  }

  @Override
  public Optional<String> findSent(Outgoing m, Instant attemptStartedAt) {
    Set<LocalDate> days = new LinkedHashSet<>();
    days.add(LocalDate.ofInstant(attemptStartedAt, ClockConfiguration.ZONE));
    days.add(LocalDate.now(ClockConfiguration.ZONE));
    for (LocalDate day : days) {
      try {
        QuerySendDetailsResponseBody body =
            client
                .querySendDetailsWithOptions(
                    new QuerySendDetailsRequest()
                        .setPhoneNumber(m.address())
                        .setSendDate(day.format(SEND_DATE))
                        .setPageSize(50L)
                        .setCurrentPage(1L),
                    runtime())
                .getBody();
        if (body.getSmsSendDetailDTOs() == null
            || body.getSmsSendDetailDTOs().getSmsSendDetailDTO() == null) {
          continue;
        }
        for (var d : body.getSmsSendDetailDTOs().getSmsSendDetailDTO()) {
          if (m.idempotencyKey().equals(d.getOutId())) {
            return Optional.of(
                SendResult.clip(
                    "OutId " + d.getOutId() + " sent " + d.getSendDate() + " " + d.getErrCode()));
          }
        }
      } catch (Exception e) {
        // the lookup failing is no proof either way: the message is sent again
        log.warn("SMS lookup of {} failed: {}", m.idempotencyKey(), e.toString());
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static RuntimeOptions runtime() {
    return new RuntimeOptions().setAutoretry(false).setMaxAttempts(1);
  }
}
