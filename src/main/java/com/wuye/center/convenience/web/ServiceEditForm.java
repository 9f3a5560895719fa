package com.wuye.center.convenience.web;

import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.Offering;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.Set;

/** The catalog form as typed; the time promise is typed as a number and a unit. */
public class ServiceEditForm {

  static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "price",
          "priceUnit",
          "promiseValue",
          "noisy",
          "providerKind",
          "providerRole",
          "partnerName",
          "partnerPhone",
          "active",
          "position");

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

  private String name;
  private String description;
  private String price;
  private String priceUnit;
  private String promiseValue = "2";
  private PromiseUnit promiseUnit = PromiseUnit.HOURS;
  private boolean noisy;
  private Offering.ProviderKind providerKind = Offering.ProviderKind.ROLE;
  private Role providerRole = Role.CUSTOMER_SERVICE;
  private String partnerName;
  private String partnerPhone;
  private boolean active = true;
  private String position = "0";
  private int version;

  static ServiceEditForm of(Offering o) {
    ServiceEditForm f = new ServiceEditForm();
    f.name = o.name();
    f.description = o.description();
    f.price = o.price() == null ? null : o.price().toPlainString();
    f.priceUnit = o.priceUnit();
    if (o.promiseMinutes() % PromiseUnit.DAYS.minutes == 0) {
      f.promiseUnit = PromiseUnit.DAYS;
    } else if (o.promiseMinutes() % PromiseUnit.HOURS.minutes == 0) {
      f.promiseUnit = PromiseUnit.HOURS;
    } else {
      f.promiseUnit = PromiseUnit.MINUTES;
    }
    f.promiseValue = String.valueOf(o.promiseMinutes() / f.promiseUnit.minutes);
    f.noisy = o.noisy();
    f.providerKind = o.providerKind();
    f.providerRole = o.providerRole();
    f.partnerName = o.partnerName();
    f.partnerPhone = o.partnerPhone();
    f.active = o.active();
    f.position = String.valueOf(o.position());
    f.version = o.version();
    return f;
  }

  CatalogService.ServiceForm toForm() {
    Integer value = Forms.integer("promiseValue", promiseValue);
    if (value == null) {
      throw DomainException.invalid("promiseValue", "convenience.error.promise");
    }
    long minutes = (long) value * (promiseUnit == null ? 1 : promiseUnit.minutes);
    if (minutes > Integer.MAX_VALUE) {
      throw DomainException.invalid("promiseValue", "convenience.error.promise");
    }
    return new CatalogService.ServiceForm(
        name,
        description,
        Forms.number("price", price),
        priceUnit,
        (int) minutes,
        noisy,
        providerKind,
        providerKind == Offering.ProviderKind.ROLE ? providerRole : null,
        providerKind == Offering.ProviderKind.PARTNER ? partnerName : null,
        providerKind == Offering.ProviderKind.PARTNER ? partnerPhone : null,
        active,
        Forms.integer("position", position));
  }

  /** The service's own refusals name promiseMinutes; the form shows them at promiseValue. */
  static DomainException onForm(DomainException e) {
    if ("promiseMinutes".equals(e.field())) {
      return DomainException.invalid("promiseValue", e.messageKey(), e.args());
    }
    return e;
  }

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String v) {
    price = v;
  }

  public String getPriceUnit() {
    return priceUnit;
  }

  public void setPriceUnit(String v) {
    priceUnit = v;
  }

  public String getPromiseValue() {
    return promiseValue;
  }

  public void setPromiseValue(String v) {
    promiseValue = v;
  }

  public PromiseUnit getPromiseUnit() {
    return promiseUnit;
  }

  public void setPromiseUnit(PromiseUnit v) {
    promiseUnit = v;
  }

  public boolean isNoisy() {
    return noisy;
  }

  public void setNoisy(boolean v) {
    noisy = v;
  }

  public Offering.ProviderKind getProviderKind() {
    return providerKind;
  }

  public void setProviderKind(Offering.ProviderKind v) {
    providerKind = v;
  }

  public Role getProviderRole() {
    return providerRole;
  }

  public void setProviderRole(Role v) {
    providerRole = v;
  }

  public String getPartnerName() {
    return partnerName;
  }

  public void setPartnerName(String v) {
    partnerName = v;
  }

  public String getPartnerPhone() {
    return partnerPhone;
  }

  public void setPartnerPhone(String v) {
    partnerPhone = v;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean v) {
    active = v;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String v) {
    position = v;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int v) {
    version = v;
  }
}
