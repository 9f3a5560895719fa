package com.wuye.center.messaging.web;

import com.wuye.center.messaging.WechatBinding;
import com.wuye.center.messaging.channel.MessagingProperties;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.shared.web.QrCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The resident's WeChat binding in the portal (a QR code of the official account's authorization
 * address, unbinding) and the public callback WeChat sends the resident's browser back to.
 */
@Controller
class WechatBindingPages {

  private final WechatBinding binding;
  private final MessagingProperties properties;

  WechatBindingPages(WechatBinding binding, MessagingProperties properties) {
    this.binding = binding;
    this.properties = properties;
  }

  @GetMapping("/portal/wechat")
  String page(Model model) {
    model.addAttribute("status", binding.status(Actors.require()));
    Object url = model.getAttribute("bindingUrl");
    if (url instanceof String u) {
      model.addAttribute(
          "qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(u, 280)));
    }
    return "messaging/wechat";
  }

  @PostMapping("/portal/wechat/binding")
  String start(RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved(null)
        .run(
            "/portal/wechat",
            () -> {
              WechatBinding.Start s = binding.start(Actors.require(), callbackUrl());
              redirect.addFlashAttribute("bindingUrl", s.authorizationUrl());
              redirect.addFlashAttribute("bindingExpires", s.expiresAt());
            });
  }

  @PostMapping("/portal/wechat/unbind")
  String unbind(RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("messaging.wechat.unbound")
        .run("/portal/wechat", () -> binding.unbind(Actors.require()));
  }

  /**
   * Public: WeChat's redirect with the code and the state; the state decides whose account it is.
   */
  @GetMapping(WechatBinding.CALLBACK_PATH)
  String callback(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String state,
      Model model,
      HttpServletResponse response) {
    try {
      binding.complete(code, state);
      model.addAttribute("bound", true);
    } catch (DomainException e) {
      model.addAttribute("bound", false);
      model.addAttribute("reasonKey", e.messageKey());
      response.setStatus(e.kind().status());
    }
    return "messaging/wechat-callback";
  }

  private String callbackUrl() {
    String base = properties.publicBaseUrl();
    if (base == null || base.isBlank()) {
      return ServletUriComponentsBuilder.fromCurrentContextPath()
          .path(WechatBinding.CALLBACK_PATH)
          .toUriString();
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + WechatBinding.CALLBACK_PATH;
  }
}
