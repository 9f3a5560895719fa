/**
 * Shared kernel: the current user, roles, errors, masking, the audit trail, number series, the
 * business clock and the embedded database. Open to every area; kept small.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.wuye.center.shared;
