/**
 * Notifications: in-app messages for staff and residents (a bell with an unread count, a list, mark
 * as read; assignments that stay until acknowledged). Other areas call {@link
 * com.wuye.center.notice.Notifications} or publish a {@link
 * com.wuye.center.notice.NotifyRequested}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notice 通知",
    allowedDependencies = {"shared", "staff"})
package com.wuye.center.notice;
