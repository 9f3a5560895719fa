package com.wuye.center.payment.web;

import com.wuye.center.payment.PaymentNotifications;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The providers call back here (public, no session, no CSRF token): the notification's signature is
 * what authenticates it. Answers as the providers expect: WeChat Pay 204 when taken, 4xx with
 * {@code {"code":"FAIL","message":...}} when refused (WeChat Pay then retries; a forged one keeps
 * being refused); Alipay the plain text {@code success} when taken, {@code failure} with 401 (does
 * not verify) or 400 (cannot be booked) otherwise — Alipay retries anything but {@code success}.
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

  @Operation(
      summary =
          "Alipay asynchronous notification (form-encoded, RSA2 signature-checked); answers success")
  @PostMapping(
      path = "/api/v1/payments/notify/alipay",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> alipay(
      @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
    Map<String, String> params = new HashMap<>();
    form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    try {
      notifications.alipay(params, request.getRemoteAddr());
      return ResponseEntity.ok("success");
    } catch (PaymentNotifications.Forged e) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("failure");
    } catch (DomainException e) {
      return ResponseEntity.badRequest().body("failure");
    }
  }
}
