package com.wuye.center.convenience.web;

import com.wuye.center.convenience.ConvenienceOrders;
import com.wuye.center.convenience.ServiceOrder;
import java.util.Set;

/** The order form as typed (staff recording a call, or a resident in the portal). */
public class OrderForm {

  static final Set<String> FIELDS =
      Set.of(
          "serviceId",
          "unitId",
          "unitCode",
          "contactName",
          "contactPhone",
          "wantedAt",
          "quantity",
          "price",
          "channel",
          "note");

  private Long serviceId;
  private Long unitId;
  private String unitCode;
  private String contactName;
  private String contactPhone;
  private String wantedAt;
  private String quantity = "1";
  private String price;
  private ServiceOrder.Channel channel = ServiceOrder.Channel.PHONE;
  private String note;

  ConvenienceOrders.NewOrder toOrder() {
    return new ConvenienceOrders.NewOrder(
        serviceId,
        unitId,
        unitCode,
        contactName,
        contactPhone,
        Forms.dateTime("wantedAt", wantedAt, true),
        Forms.number("quantity", quantity),
        Forms.number("price", price),
        channel,
        note);
  }

  public Long getServiceId() {
    return serviceId;
  }

  public void setServiceId(Long v) {
    serviceId = v;
  }

  public Long getUnitId() {
    return unitId;
  }

  public void setUnitId(Long v) {
    unitId = v;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public void setUnitCode(String v) {
    unitCode = v;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String v) {
    contactName = v;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String v) {
    contactPhone = v;
  }

  public String getWantedAt() {
    return wantedAt;
  }

  public void setWantedAt(String v) {
    wantedAt = v;
  }

  public String getQuantity() {
    return quantity;
  }

  public void setQuantity(String v) {
    quantity = v;
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String v) {
    price = v;
  }

  public ServiceOrder.Channel getChannel() {
    return channel;
  }

  public void setChannel(ServiceOrder.Channel v) {
    channel = v;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String v) {
    note = v;
  }
}
