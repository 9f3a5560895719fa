package com.wuye.center.messaging;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.messaging.channel.MessagingProperties;
import com.wuye.center.messaging.channel.Outgoing;
import com.wuye.center.messaging.internal.SenderRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-community sender settings: the SMS sign name (签名), each kind's Aliyun template code and
 * WeChat template, and the e-mail sender. A community's own setting wins; where it has none the
 * company's applies (and for the sign name and the sender address, the configured defaults).
 * Administrators change the company's; managers (and administrators) a community's they serve.
 */
@Service
@Transactional
public class SenderSettings {

  static final Role[] EDITORS = {Role.ADMIN, Role.MANAGER};

  private static final Pattern SMS_TEMPLATE = Pattern.compile("^SMS_[0-9A-Za-z_]+$");
  private static final Pattern WECHAT_TEMPLATE =
      Pattern.compile(
          "^[A-Za-z0-9_-]{8,64}(\\?[A-Za-z0-9_]+=[A-Za-z0-9_]+(&[A-Za-z0-9_]+=[A-Za-z0-9_]+)*)?$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final SenderRepository repository;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final MessagingProperties properties;
  private final Environment env;

  SenderSettings(
      SenderRepository repository,
      EstateDirectory estate,
      AuditTrail audit,
      MessagingProperties properties,
      Environment env) {
    this.repository = repository;
    this.estate = estate;
    this.audit = audit;
    this.properties = properties;
    this.env = env;
  }

  /** The settings a message of the kind is sent with, in the community. */
  @Transactional(readOnly = true)
  public Outgoing.Sender resolve(long communityId, MessageKind kind) {
    Optional<SenderRepository.Row> own = repository.find(communityId);
    Optional<SenderRepository.Row> company = repository.find(null);
    return new Outgoing.Sender(
        first(
            own.map(SenderRepository.Row::smsSignName).orElse(null),
            company.map(SenderRepository.Row::smsSignName).orElse(null),
            properties.sms().signName()),
        first(template(own, kind, Channel.SMS), template(company, kind, Channel.SMS)),
        first(template(own, kind, Channel.WECHAT), template(company, kind, Channel.WECHAT)),
        first(
            own.map(SenderRepository.Row::emailFrom).orElse(null),
            company.map(SenderRepository.Row::emailFrom).orElse(null),
            properties.email().from(),
            env.getProperty("spring.mail.username")));
  }

  private static String template(
      Optional<SenderRepository.Row> row, MessageKind kind, Channel channel) {
    return row.map(r -> r.templates().getOrDefault(kind, Map.of()).get(channel)).orElse(null);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  /**
   * A scope's settings as stored (community null: the company's).
   *
   * @param smsTemplates the Aliyun template code of each kind that has one
   * @param wechatTemplates the WeChat template of each kind that has one
   */
  public record Settings(
      Long communityId,
      String smsSignName,
      String emailFrom,
      Map<MessageKind, String> smsTemplates,
      Map<MessageKind, String> wechatTemplates,
      int version) {}

  @Transactional(readOnly = true)
  public Settings view(CurrentUser user, Long communityId) {
    requireEditor(user, communityId);
    return repository
        .find(communityId)
        .map(SenderSettings::settings)
        .orElse(new Settings(communityId, null, null, Map.of(), Map.of(), 0));
  }

  private static Settings settings(SenderRepository.Row r) {
    Map<MessageKind, String> sms = new EnumMap<>(MessageKind.class);
    Map<MessageKind, String> wechat = new EnumMap<>(MessageKind.class);
    r.templates()
        .forEach(
            (kind, byChannel) -> {
              if (byChannel.containsKey(Channel.SMS)) {
                sms.put(kind, byChannel.get(Channel.SMS));
              }
              if (byChannel.containsKey(Channel.WECHAT)) {
                wechat.put(kind, byChannel.get(Channel.WECHAT));
              }
            });
    return new Settings(r.communityId(), r.smsSignName(), r.emailFrom(), sms, wechat, r.version());
  }

  /** Saves a scope's settings as typed; blank values are removed. */
  public void save(CurrentUser user, Settings in) {
    requireEditor(user, in.communityId());
    String sign = Text.optional("smsSignName", in.smsSignName(), 30);
    if (sign != null && sign.length() < 2) {
      throw DomainException.invalid("smsSignName", "messaging.error.signName");
    }
    String from = Text.optional("emailFrom", in.emailFrom(), 254);
    if (from != null && !EMAIL.matcher(from).matches()) {
      throw DomainException.invalid("emailFrom", "messaging.error.email");
    }
    Map<MessageKind, Map<Channel, String>> templates = new EnumMap<>(MessageKind.class);
    checked(in.smsTemplates(), Channel.SMS, SMS_TEMPLATE, templates);
    checked(in.wechatTemplates(), Channel.WECHAT, WECHAT_TEMPLATE, templates);
    long id = repository.ensure(in.communityId());
    repository.save(id, sign, from, templates, in.version());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("communityId", in.communityId());
    after.put("smsSignName", sign);
    after.put("emailFrom", from);
    after.put("templates", templates.toString());
    audit.record("messaging_sender", id, "SAVED", null, after);
  }

  private static void checked(
      Map<MessageKind, String> in,
      Channel channel,
      Pattern pattern,
      Map<MessageKind, Map<Channel, String>> out) {
    if (in == null) {
      return;
    }
    in.forEach(
        (kind, raw) -> {
          String field = channel.name().toLowerCase(java.util.Locale.ROOT) + "." + kind.name();
          String t = Text.optional(field, raw, 300);
          if (t == null) {
            return;
          }
          if (!pattern.matcher(t).matches()) {
            throw DomainException.invalid(field, "messaging.error.template." + channel.name());
          }
          out.computeIfAbsent(kind, k -> new EnumMap<>(Channel.class)).put(channel, t);
        });
  }

  private void requireEditor(CurrentUser user, Long communityId) {
    user.require(EDITORS);
    if (communityId == null) {
      // the company's settings: administrators only
      user.require(Role.ADMIN);
      return;
    }
    estate
        .community(communityId)
        .orElseThrow(() -> DomainException.notFound("error.community.notFound"));
    user.requireCommunity(communityId);
  }
}
