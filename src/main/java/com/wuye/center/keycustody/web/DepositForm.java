package com.wuye.center.keycustody.web;

import java.util.ArrayList;
import java.util.List;

/** The entrustment form as typed at the counter; kept and shown again when refused. */
public class DepositForm {

  /** A named person allowed to collect, as typed. */
  public static class Person {
    private String name;
    private String idType = "RESIDENT_ID";
    private String idNumber;
    private String phone;

    public String getName() {
      return name;
    }

    public void setName(String v) {
      name = v;
    }

    public String getIdType() {
      return idType;
    }

    public void setIdType(String v) {
      idType = v;
    }

    public String getIdNumber() {
      return idNumber;
    }

    public void setIdNumber(String v) {
      idNumber = v;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String v) {
      phone = v;
    }
  }

  static final int ROWS = 3;

  private Long unitId;
  private Long depositorResidentId;
  private String keyCount = "1";
  private String keyLabels;
  private String reason;
  private String pickupFrom;
  private String pickupUntil;
  private boolean lendingAllowed;
  private boolean disclaimerAccepted;
  private String signature;
  private List<Person> collectors = new ArrayList<>();

  public DepositForm() {
    fill();
  }

  /** Always shows {@value #ROWS} rows for named persons (more when more were typed). */
  void fill() {
    while (collectors.size() < ROWS) {
      collectors.add(new Person());
    }
  }

  public Long getUnitId() {
    return unitId;
  }

  public void setUnitId(Long v) {
    unitId = v;
  }

  public Long getDepositorResidentId() {
    return depositorResidentId;
  }

  public void setDepositorResidentId(Long v) {
    depositorResidentId = v;
  }

  public String getKeyCount() {
    return keyCount;
  }

  public void setKeyCount(String v) {
    keyCount = v;
  }

  public String getKeyLabels() {
    return keyLabels;
  }

  public void setKeyLabels(String v) {
    keyLabels = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    reason = v;
  }

  public String getPickupFrom() {
    return pickupFrom;
  }

  public void setPickupFrom(String v) {
    pickupFrom = v;
  }

  public String getPickupUntil() {
    return pickupUntil;
  }

  public void setPickupUntil(String v) {
    pickupUntil = v;
  }

  public boolean isLendingAllowed() {
    return lendingAllowed;
  }

  public void setLendingAllowed(boolean v) {
    lendingAllowed = v;
  }

  public boolean isDisclaimerAccepted() {
    return disclaimerAccepted;
  }

  public void setDisclaimerAccepted(boolean v) {
    disclaimerAccepted = v;
  }

  public String getSignature() {
    return signature;
  }

  public void setSignature(String v) {
    signature = v;
  }

  public List<Person> getCollectors() {
    return collectors;
  }

  public void setCollectors(List<Person> v) {
    collectors = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }
}
