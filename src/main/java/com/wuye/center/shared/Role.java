package com.wuye.center.shared;

/**
 * What a person does in the service center. Residents have the RESIDENT role only. Every role but
 * {@link #COMPANY_MANAGER} works in the communities a staff member serves; the company roles
 * ({@link #isCompanyRole}) change what is the same for every community (price list, repair
 * categories and their targets, complaint categories, the knowledge base's approved answers).
 */
public enum Role {
  CUSTOMER_SERVICE,
  CASHIER,
  TECHNICIAN,
  SECURITY,
  SUPERVISOR,
  MANAGER,
  ADMIN,
  /** 公司运营经理: company-wide settings and catalogs, not a community's daily work. */
  COMPANY_MANAGER,
  RESIDENT;

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isStaffRole() {
    return this != RESIDENT;
  }

  /** May change company-wide settings: the company manager and the system administrator. */
  public boolean isCompanyRole() {
    return this == COMPANY_MANAGER || this == ADMIN;
  }
}
