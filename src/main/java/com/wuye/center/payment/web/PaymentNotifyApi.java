package com.wuye.center.payment.web;

import com.wuye.center.payment.PaymentNotifications;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The providers call back here (public, no session, no CSRF token): the notification's signature is
 * what authenticates it. Answers as the providers expect: WeChat Pay 204 when taken, 4xx with
 * {@code {"code":"FAIL","message":...}} when refused (WeChat Pay then retries; a forged one keeps
 * being refused).
 */
@RestController
@Tag(name = "Online payment", description = "Payment providers' notifications")
class PaymentNotifyApi {

  private final PaymentNotifications notifications;

  PaymentNotifyApi(PaymentNotifications notifications) {
    this.notifications = notifications;
  }

  @Operation(summary = "WeChat Pay payment notification (TRANSACTION.SUCCESS), signature-checked")
  @PostMapping("/api/v1/payments/notify/wechat")
  ResponseEntity<Map<String, String>> wechat(
      @RequestHeader(name = "Wechatpay-Serial", required = false) String serial,
      @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
      @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
      @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
      @RequestHeader(name = "Wechatpay-Signature-Type", required = false) String signType,
      @RequestBody(required = false) String body,
      HttpServletRequest request) {
    var message =
        new WechatPay.SignedMessage(
            serial, signature, timestamp, nonce, signType, body == null ? "" : body);
    try {
      notifications.wechat(message, request.getRemoteAddr());
      return ResponseEntity.noContent().build();
    } catch (PaymentNotifications.Forged e) {
      return fail(HttpStatus.UNAUTHORIZED, "签名验证失败");
    } catch (DomainException e) {
      return fail(HttpStatus.BAD_REQUEST, e.messageKey());
    }
  }

  private static ResponseEntity<Map<String, String>> fail(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("code", "FAIL", "message", message));
  }
}
