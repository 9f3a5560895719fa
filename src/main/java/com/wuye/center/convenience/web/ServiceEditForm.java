package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog form as typed; the time promise is typed as a number and a unit. A checkbox not
 * ticked is not sent: {@code noisy} and {@code active} are then false.
 */
public record ServiceEditForm(
    String name,
    String description,
    BigDecimal price,
    String priceUnit,
    Integer promiseValue,
    ServiceEditForm.PromiseUnit promiseUnit,
    Boolean noisy,
    Offering.ProviderKind providerKind,
    Role providerRole,
    String partnerName,
    String partnerPhone,
    Boolean active,
    Integer position,
    Integer version) {

  /** The unit of the typed time promise. */
  public enum PromiseUnit {
    MINUTES(1),
    HOURS(60),
    DAYS(24 * 60);

    final int minutes;

    PromiseUnit(int minutes) {
      this.minutes = minutes;
    }
  }

  CatalogService.ServiceForm toForm() {
    if (promiseValue == null) {
      throw DomainException.invalid("promiseValue", "convenience.error.promise");
    }
    long minutes = (long) promiseValue * (promiseUnit == null ? 1 : promiseUnit.minutes);
    if (minutes > Integer.MAX_VALUE) {
      throw DomainException.invalid("promiseValue", "convenience.error.promise");
    }
    boolean role = providerKind == Offering.ProviderKind.ROLE;
    boolean partner = providerKind == Offering.ProviderKind.PARTNER;
    return new CatalogService.ServiceForm(
        name,
        description,
        price,
        priceUnit,
        (int) minutes,
        Boolean.TRUE.equals(noisy),
        providerKind,
        role ? providerRole : null,
        partner ? partnerName : null,
        partner ? partnerPhone : null,
        Boolean.TRUE.equals(active),
        position);
  }

  int versionSeen() {
    return version == null ? 0 : version;
  }

  /** What a new service's form shows. */
  static Map<String, Object> defaults() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("promiseValue", "2");
    m.put("promiseUnit", PromiseUnit.HOURS.name());
    m.put("providerKind", Offering.ProviderKind.ROLE.name());
    m.put("providerRole", Role.CUSTOMER_SERVICE.name());
    m.put("active", "true");
    m.put("position", "0");
    m.put("version", "0");
    return m;
  }

  /** What the form of a service shows: its time promise in the largest whole unit. */
  static Map<String, Object> of(Offering o) {
    PromiseUnit unit =
        o.promiseMinutes() % PromiseUnit.DAYS.minutes == 0
            ? PromiseUnit.DAYS
            : o.promiseMinutes() % PromiseUnit.HOURS.minutes == 0
                ? PromiseUnit.HOURS
                : PromiseUnit.MINUTES;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name());
    m.put("description", o.description());
    m.put("price", o.price() == null ? null : o.price().toPlainString());
    m.put("priceUnit", o.priceUnit());
    m.put("promiseValue", String.valueOf(o.promiseMinutes() / unit.minutes));
    m.put("promiseUnit", unit.name());
    m.put("noisy", String.valueOf(o.noisy()));
    m.put("providerKind", o.providerKind().name());
    m.put("providerRole", o.providerRole() == null ? null : o.providerRole().name());
    m.put("partnerName", o.partnerName());
    m.put("partnerPhone", o.partnerPhone());
    m.put("active", String.valueOf(o.active()));
    m.put("position", String.valueOf(o.position()));
    m.put("version", String.valueOf(o.version()));
    return m;
  }
}
