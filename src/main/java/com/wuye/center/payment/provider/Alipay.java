package com.wuye.center.payment.provider;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePagePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradePagePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeQueryResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Alipay (开放平台, RSA2 public-key mode) through its official SDK (alipay-sdk-java): the signed link
 * to the page/wap pay of an order, the query of an order, and the check of an asynchronous
 * notification's signature with the Alipay public key. The gateway URL is configurable (a local
 * stand-in in tests).
 */
@Component
public class Alipay {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Set<String> PAID = Set.of("TRADE_SUCCESS", "TRADE_FINISHED");

  private final PaymentProperties properties;
  private volatile AlipayClient client;

  Alipay(PaymentProperties properties) {
    this.properties = properties;
  }

  /** A trade as Alipay reports it (notification or query); the amount in fen. */
  public record Trade(String outTradeNo, String tradeNo, String status, long totalFen) {
    public boolean success() {
      return PAID.contains(status);
    }
  }

  /** The notification does not verify, or is not for this app: refused. */
  public static class Refused extends RuntimeException {
    private final boolean signed;

    Refused(String message, Throwable cause) {
      super(message, cause);
      this.signed = false;
    }

    /** Refused although its signature verified (not this app's, not the order's amount). */
    public Refused(String message, boolean signed) {
      super(message);
      this.signed = signed;
    }

    public boolean signed() {
      return signed;
    }
  }

  /** Alipay answered with an error, or could not be reached. */
  public static class Failed extends RuntimeException {
    Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What the resident pays: the order, and where Alipay sends them back. */
  public record Order(
      String outTradeNo, String subject, long fen, Instant expiresAt, String returnUrl) {}

  public boolean configured() {
    return properties.alipay().configured();
  }

  /**
   * The signed address of Alipay's cashier for the order (a GET redirect: the SDK's POST form would
   * need an inline script): wap pay on a phone, page pay on a computer.
   */
  public String payLink(Order o, boolean mobile) {
    String amount = BigDecimal.valueOf(o.fen(), 2).toPlainString();
    String expire = TIME.format(o.expiresAt().atZone(CHINA));
    try {
      if (mobile) {
        AlipayTradeWapPayModel m = new AlipayTradeWapPayModel();
        m.setOutTradeNo(o.outTradeNo());
        m.setTotalAmount(amount);
        m.setSubject(o.subject());
        m.setProductCode("QUICK_WAP_WAY");
        m.setTimeExpire(expire);
        m.setQuitUrl(o.returnUrl());
        AlipayTradeWapPayRequest r = new AlipayTradeWapPayRequest();
        r.setBizModel(m);
        r.setNotifyUrl(notifyUrl());
        r.setReturnUrl(o.returnUrl());
        return client().pageExecute(r, "GET").getBody();
      }
      AlipayTradePagePayModel m = new AlipayTradePagePayModel();
      m.setOutTradeNo(o.outTradeNo());
      m.setTotalAmount(amount);
      m.setSubject(o.subject());
      m.setProductCode("FAST_INSTANT_TRADE_PAY");
      m.setTimeExpire(expire);
      AlipayTradePagePayRequest r = new AlipayTradePagePayRequest();
      r.setBizModel(m);
      r.setNotifyUrl(notifyUrl());
      r.setReturnUrl(o.returnUrl());
      return client().pageExecute(r, "GET").getBody();
    } catch (AlipayApiException | RuntimeException e) {
      throw new Failed("Alipay pay link failed: " + e.getMessage(), e);
    }
  }

  /** The order's state at Alipay; empty when Alipay does not know it (not yet opened by payer). */
  public Optional<Trade> query(String outTradeNo) {
    AlipayTradeQueryModel m = new AlipayTradeQueryModel();
    m.setOutTradeNo(outTradeNo);
    AlipayTradeQueryRequest r = new AlipayTradeQueryRequest();
    r.setBizModel(m);
    AlipayTradeQueryResponse a;
    try {
      a = client().execute(r);
    } catch (AlipayApiException | RuntimeException e) {
      throw new Failed("Alipay query failed: " + e.getMessage(), e);
    }
    if (a.isSuccess()) {
      return Optional.of(
          new Trade(
              a.getOutTradeNo(), a.getTradeNo(), a.getTradeStatus(), fen(a.getTotalAmount())));
    }
    if ("ACQ.TRADE_NOT_EXIST".equals(a.getSubCode())) {
      return Optional.empty();
    }
    throw new Failed("Alipay query: " + a.getSubCode() + " " + a.getSubMsg(), null);
  }

  /**
   * Verifies an asynchronous notification (RSA2 signature over its parameters with the Alipay
   * public key) and that it is for this app.
   *
   * @throws Refused when it does not verify
   */
  public Trade parse(Map<String, String> params) {
    if (!configured()) {
      throw new Refused("Alipay is not configured", null);
    }
    boolean signed;
    try {
      signed =
          AlipaySignature.rsaCheckV1(
              params,
              PaymentProperties.Alipay.key(properties.alipay().alipayPublicKey()),
              "UTF-8",
              "RSA2");
    } catch (AlipayApiException | RuntimeException e) {
      // the SDK's message repeats the whole content and key: the kind of failure is enough
      throw new Refused("signature check failed (" + e.getClass().getSimpleName() + ")", e);
    }
    if (!signed) {
      throw new Refused("signature does not verify", null);
    }
    if (!properties.alipay().appId().equals(params.get("app_id"))) {
      throw new Refused("app_id " + params.get("app_id") + " is not this app", true);
    }
    try {
      return new Trade(
          params.get("out_trade_no"),
          params.get("trade_no"),
          params.get("trade_status"),
          fen(params.get("total_amount")));
    } catch (RuntimeException e) {
      throw new Refused("total_amount " + params.get("total_amount"), true);
    }
  }

  String notifyUrl() {
    return properties.notifyBaseUrl().replaceAll("/+$", "") + "/api/v1/payments/notify/alipay";
  }

  private static long fen(String yuan) {
    return yuan == null ? 0 : new BigDecimal(yuan).movePointRight(2).longValueExact();
  }

  private AlipayClient client() {
    AlipayClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          if (!configured()) {
            throw new Failed("Alipay is not configured", null);
          }
          PaymentProperties.Alipay a = properties.alipay();
          client =
              new DefaultAlipayClient(
                  a.gatewayUrl(),
                  a.appId(),
                  PaymentProperties.Alipay.key(a.privateKey()),
                  "json",
                  "UTF-8",
                  PaymentProperties.Alipay.key(a.alipayPublicKey()),
                  "RSA2");
        }
        c = client;
      }
    }
    return c;
  }
}
