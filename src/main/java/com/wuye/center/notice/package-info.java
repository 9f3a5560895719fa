/**
 * Notifications: in-app messages for staff and residents (a bell with an unread count, a list, mark
 * as read; assignments that stay until acknowledged). Other areas call {@link
 * com.wuye.center.notice.Notifications} in their own transaction. Staff notices (员工告示, e.g. a
 * complaint's lesson learned, CS-8.8) go to all staff of the company or of chosen communities, stay
 * on screen until each acknowledges them, and show their read rate: {@link
 * com.wuye.center.notice.StaffNotices}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notice 通知",
    allowedDependencies = {"shared", "staff", "estate"})
package com.wuye.center.notice;
