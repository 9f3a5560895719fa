package com.wuye.center.messaging;

import com.wuye.center.messaging.channel.WechatAccount;
import com.wuye.center.messaging.internal.ContactRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident binds their WeChat account by scanning a QR code in the portal: the code holds the
 * official account's OAuth2 address (snsapi_base, silent) with a one-time state bound to the
 * resident that expires ({@code wuye.messaging.wechat.binding-lifetime}); WeChat sends the
 * resident's browser back to the callback with a code, which the SDK exchanges for the openid, kept
 * on the resident's messaging settings. A state used before or expired is refused before WeChat is
 * asked. The resident may unbind at any time.
 */
@Service
@Transactional
public class WechatBinding {

  /** The path WeChat sends the resident back to; registered as the OAuth2 callback domain. */
  public static final String CALLBACK_PATH = "/wechat/oauth/callback";

  private static final Logger log = LoggerFactory.getLogger(WechatBinding.class);
  private static final Pattern STATE = Pattern.compile("^[A-Za-z0-9_-]{16,40}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ContactRepository contacts;
  private final WechatAccount wechat;
  private final AuditTrail audit;
  private final Clock clock;

  WechatBinding(ContactRepository contacts, WechatAccount wechat, AuditTrail audit, Clock clock) {
    this.contacts = contacts;
    this.wechat = wechat;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the portal shows: whether WeChat is switched on, and the resident's binding. */
  public record Status(boolean available, boolean bound, Instant boundAt) {}

  /** The address the QR code holds, and until when it may be used. */
  public record Start(String authorizationUrl, Instant expiresAt) {}

  @Transactional(readOnly = true)
  public Status status(CurrentUser user) {
    ContactSettings s = contacts.ofResident(residentOf(user));
    return new Status(wechat.configured(), s.wechatBound(), s.wechatBoundAt());
  }

  /**
   * A new one-time state for the resident and the official account's authorization address that
   * carries it.
   *
   * @param callbackUrl the absolute address of {@link #CALLBACK_PATH}
   */
  public Start start(CurrentUser user, String callbackUrl) {
    long resident = residentOf(user);
    WxMpService service =
        wechat.service().orElseThrow(() -> DomainException.rule("messaging.error.wechat.off"));
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    Instant expires = now.plus(wechat.settings().bindingLifetime());
    contacts.insertBinding(state, resident, now, expires);
    String url =
        service
            .getOAuth2Service()
            .buildAuthorizationUrl(callbackUrl, WxConsts.OAuth2Scope.SNSAPI_BASE, state);
    return new Start(url, expires);
  }

  /**
   * The callback (public: WeChat sends the resident's browser here): the state must be unused and
   * unexpired; the code is exchanged for the openid, which is bound to the state's resident.
   */
  public void complete(String code, String state) {
    if (state == null || !STATE.matcher(state).matches()) {
      throw DomainException.rule("messaging.error.wechat.state");
    }
    if (code == null || code.isBlank() || code.length() > 200) {
      throw DomainException.invalid("code", "messaging.error.wechat.code");
    }
    WxMpService service =
        wechat.service().orElseThrow(() -> DomainException.rule("messaging.error.wechat.off"));
    Instant now = clock.instant();
    if (!contacts.bindingUsable(state, now)) {
      throw DomainException.rule("messaging.error.wechat.state");
    }
    String openid;
    try {
      openid = service.getOAuth2Service().getAccessToken(code).getOpenId();
    } catch (WxErrorException e) {
      log.warn("WeChat refused the binding code: {}", e.getError());
      throw DomainException.rule("messaging.error.wechat.code");
    }
    if (openid == null || !openid.matches("^[A-Za-z0-9_-]{1,64}$")) {
      throw DomainException.rule("messaging.error.wechat.code");
    }
    // used once: of two callbacks with the same state only one finds it unused
    long resident =
        contacts
            .useBinding(state, openid, now)
            .orElseThrow(() -> DomainException.rule("messaging.error.wechat.state"));
    contacts.bindWechat(resident, openid, now);
    audit.record(
        "messaging_contact",
        resident,
        "WECHAT_BOUND",
        null,
        Map.of("openid", mask(openid), "at", now.toString()));
  }

  /** The resident unbinds their WeChat account: no more WeChat messages to it. */
  public void unbind(CurrentUser user) {
    long resident = residentOf(user);
    ContactSettings s = contacts.ofResident(resident);
    if (!s.wechatBound()) {
      throw DomainException.rule("messaging.error.wechat.notBound");
    }
    contacts.unbindOpenid(s.wechatOpenid());
    audit.record(
        "messaging_contact",
        resident,
        "WECHAT_UNBOUND",
        Map.of("openid", mask(s.wechatOpenid())),
        null);
  }

  private static String mask(String openid) {
    return openid.length() <= 6 ? "***" : openid.substring(0, 4) + "***";
  }

  private static long residentOf(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return user.residentId();
  }
}
