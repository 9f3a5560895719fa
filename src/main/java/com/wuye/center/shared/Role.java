package com.wuye.center.shared;

/** What a person does in the service center. Residents have the RESIDENT role only. */
public enum Role {
  CUSTOMER_SERVICE,
  CASHIER,
  TECHNICIAN,
  SECURITY,
  SUPERVISOR,
  MANAGER,
  ADMIN,
  RESIDENT;

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isStaffRole() {
    return this != RESIDENT;
  }
}
