package com.wuye.center.payment.provider;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.billdownload.BillDownloadService;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay API v3 through its official SDK (wechatpay-java): Native prepay (a QR code the
 * resident scans), order query and close, the signed payment notification, and the daily trade
 * bill. Requests are signed with the merchant's key and answers verified with the WeChat Pay public
 * key by the SDK; the configured base URL replaces the provider's host (a local stand-in in tests).
 */
@Component
public class WechatPay {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final PaymentProperties properties;
  private volatile Sdk sdk;

  WechatPay(PaymentProperties properties) {
    this.properties = properties;
  }

  /** A transaction as the provider reports it (notification or query). */
  public record Trade(String outTradeNo, String transactionId, String state, long totalFen) {
    public boolean success() {
      return "SUCCESS".equals(state);
    }
  }

  /** The notification could not be verified (signature, timestamp, decryption): refused. */
  public static class Refused extends RuntimeException {
    Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The provider answered with an error, or could not be reached. */
  public static class Failed extends RuntimeException {
    Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The headers WeChat Pay signs a notification with, and its body, as received. */
  public record SignedMessage(
      String serial,
      String signature,
      String timestamp,
      String nonce,
      String signType,
      String body) {}

  public boolean configured() {
    return properties.wechat().configured();
  }

  /** Native prepay: the {@code code_url} the resident scans with WeChat. */
  public String prepayNative(String outTradeNo, String description, long fen, Instant expiresAt) {
    PrepayRequest r = new PrepayRequest();
    r.setAppid(properties.wechat().appId());
    r.setMchid(properties.wechat().mchId());
    r.setDescription(description);
    r.setOutTradeNo(outTradeNo);
    r.setTimeExpire(RFC3339.format(expiresAt.atZone(CHINA)));
    r.setNotifyUrl(notifyUrl());
    Amount amount = new Amount();
    amount.setTotal(Math.toIntExact(fen));
    amount.setCurrency("CNY");
    r.setAmount(amount);
    return call(() -> sdk().nativePay.prepay(r).getCodeUrl());
  }

  /** The order's state at the provider; empty when the provider does not know it. */
  public Optional<Trade> query(String outTradeNo) {
    QueryOrderByOutTradeNoRequest r = new QueryOrderByOutTradeNoRequest();
    r.setMchid(properties.wechat().mchId());
    r.setOutTradeNo(outTradeNo);
    try {
      return Optional.of(trade(sdk().nativePay.queryOrderByOutTradeNo(r)));
    } catch (ServiceException e) {
      if ("ORDER_NOT_EXIST".equals(e.getErrorCode())) {
        return Optional.empty();
      }
      throw new Failed("WeChat Pay query: " + e.getErrorCode() + " " + e.getErrorMessage(), e);
    } catch (RuntimeException e) {
      throw new Failed("WeChat Pay query failed: " + e.getMessage(), e);
    }
  }

  /** Closes an unpaid order, so that it can no longer be paid. */
  public void close(String outTradeNo) {
    CloseOrderRequest r = new CloseOrderRequest();
    r.setMchid(properties.wechat().mchId());
    r.setOutTradeNo(outTradeNo);
    call(
        () -> {
          sdk().nativePay.closeOrder(r);
          return null;
        });
  }

  /**
   * Verifies a payment notification (signature with the WeChat Pay public key, timestamp, AES-GCM
   * decryption with the APIv3 key) and returns the transaction it reports.
   *
   * @throws Refused when anything does not verify
   */
  public Trade parse(SignedMessage m) {
    if (!configured()) {
      throw new Refused("WeChat Pay is not configured", null);
    }
    RequestParam param =
        new RequestParam.Builder()
            .serialNumber(m.serial())
            .signature(m.signature())
            .timestamp(m.timestamp())
            .nonce(m.nonce())
            .signType(m.signType())
            .body(m.body())
            .build();
    try {
      return trade(sdk().parser.parse(param, Transaction.class));
    } catch (RuntimeException e) {
      throw new Refused(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The trade bill (交易账单) of a day, all transactions, as the provider's CSV text. */
  public String tradeBill(LocalDate day) {
    GetTradeBillRequest r = new GetTradeBillRequest();
    r.setBillDate(day.toString());
    r.setBillType(BillType.ALL);
    return call(
        () -> {
          String url = sdk().bills.getTradeBill(r).getDownloadUrl();
          try (InputStream in = sdk().http.download(url)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new Failed("WeChat Pay bill download failed", e);
          }
        });
  }

  String notifyUrl() {
    return properties.notifyBaseUrl().replaceAll("/+$", "") + "/api/v1/payments/notify/wechat";
  }

  private static Trade trade(Transaction t) {
    long total =
        t.getAmount() == null || t.getAmount().getTotal() == null ? 0 : t.getAmount().getTotal();
    return new Trade(
        t.getOutTradeNo(),
        t.getTransactionId(),
        t.getTradeState() == null ? null : t.getTradeState().name(),
        total);
  }

  private <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (Failed e) {
      throw e;
    } catch (ServiceException e) {
      throw new Failed("WeChat Pay: " + e.getErrorCode() + " " + e.getErrorMessage(), e);
    } catch (RuntimeException e) {
      throw new Failed("WeChat Pay call failed: " + e.getMessage(), e);
    }
  }

  private Sdk sdk() {
    Sdk s = sdk;
    if (s == null) {
      synchronized (this) {
        if (sdk == null) {
          if (!configured()) {
            throw new Failed("WeChat Pay is not configured", null);
          }
          sdk = new Sdk(properties.wechat());
        }
        s = sdk;
      }
    }
    return s;
  }

  /** The SDK's services, built once from the configuration. */
  private static final class Sdk {
    final HttpClient http;
    final NativePayService nativePay;
    final BillDownloadService bills;
    final NotificationParser parser;

    Sdk(PaymentProperties.Wechat w) {
      RSAPublicKeyConfig config =
          new RSAPublicKeyConfig.Builder()
              .merchantId(w.mchId())
              .merchantSerialNumber(w.merchantSerialNumber())
              .privateKey(w.privateKey())
              .apiV3Key(w.apiV3Key())
              .publicKey(w.publicKey())
              .publicKeyId(w.publicKeyId())
              .build();
      HttpUrl base = HttpUrl.get(w.baseUrl());
      OkHttpClient ok =
          new OkHttpClient.Builder()
              .addInterceptor(chain -> chain.proceed(rebase(chain.request(), base)))
              .build();
      this.http = new DefaultHttpClientBuilder().config(config).okHttpClient(ok).build();
      this.nativePay = new NativePayService.Builder().config(config).httpClient(http).build();
      this.bills = new BillDownloadService.Builder().config(config).httpClient(http).build();
      this.parser = new NotificationParser(config);
    }

    /** Sends the SDK's request to the configured base URL (the provider's own host by default). */
    private static okhttp3.Request rebase(okhttp3.Request request, HttpUrl base) {
      UnaryOperator<HttpUrl.Builder> to =
          b -> b.scheme(base.scheme()).host(base.host()).port(base.port());
      return request.newBuilder().url(to.apply(request.url().newBuilder()).build()).build();
    }
  }
}
