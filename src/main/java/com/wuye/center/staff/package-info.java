/**
 * Staff, their roles and communities; login accounts for staff and residents; security (form login,
 * lock-out, sessions shared through PostgreSQL, API tokens). Public face: {@link
 * com.wuye.center.staff.StaffDirectory} and {@link com.wuye.center.staff.StaffService}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Staff 员工与账号",
    allowedDependencies = {"shared", "estate"})
package com.wuye.center.staff;
