package com.wuye.center.convenience;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A service of a community's catalog: free ({@code price == null}) or with a listed price per unit,
 * its time promise, whether it is noisy, and who provides it (a staff role or a named partner).
 */
public record Offering(
    long id,
    long communityId,
    String name,
    String description,
    BigDecimal price,
    String priceUnit,
    int promiseMinutes,
    boolean noisy,
    ProviderKind providerKind,
    Role providerRole,
    String partnerName,
    String partnerPhone,
    boolean active,
    int position,
    int version) {

  /** Who provides the service. */
  public enum ProviderKind {
    ROLE,
    PARTNER
  }

  public boolean paid() {
    return price != null;
  }

  public Duration promise() {
    return Duration.ofMinutes(promiseMinutes);
  }

  /**
   * CS-S3: an order takes the listed price; any other price is refused. A free service is ordered
   * at no price (empty or 0).
   */
  public void requireListedPrice(BigDecimal offered) {
    boolean matches =
        paid()
            ? offered != null && offered.compareTo(price) == 0
            : offered == null || offered.signum() == 0;
    if (!matches) {
      if (paid()) {
        throw DomainException.ruleOn(
            "price", "convenience.error.price", name, price.toPlainString(), priceUnit);
      }
      throw DomainException.ruleOn("price", "convenience.error.priceFree", name);
    }
  }

  /** The message key and amount that say the time promise ("2 小时内"). */
  public Promise promiseText() {
    return Promise.of(promiseMinutes);
  }

  /** A time promise as a message key and a number: minutes, hours or days. */
  public record Promise(String key, long amount) {
    public static Promise of(int minutes) {
      if (minutes % (24 * 60) == 0) {
        return new Promise("convenience.promise.days", minutes / (24 * 60));
      }
      if (minutes % 60 == 0) {
        return new Promise("convenience.promise.hours", minutes / 60);
      }
      return new Promise("convenience.promise.minutes", minutes);
    }
  }
}
