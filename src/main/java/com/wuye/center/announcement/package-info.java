/**
 * Community announcements 公告: customer service writes one (停水停电, 公示, 活动) for the community or
 * chosen buildings with its start and end; a supervisor or manager who is not its author approves
 * it; from its start until its end the residents of those buildings see it in the portal, messaging
 * sends it on their channels, and a print-ready sheet for the bulletin board carries the service
 * center's phone; read counts per building (a resident opening it counts once).
 *
 * <p>Public face: {@link com.wuye.center.announcement.AnnouncementWriting}, {@link
 * com.wuye.center.announcement.AnnouncementApproval}, {@link
 * com.wuye.center.announcement.AnnouncementQueries}, {@link
 * com.wuye.center.announcement.PortalAnnouncements}, {@link
 * com.wuye.center.announcement.BulletinBoards}; the aggregate {@link
 * com.wuye.center.announcement.Announcement} registers {@link
 * com.wuye.center.announcement.AnnouncementPublished} and {@link
 * com.wuye.center.announcement.AnnouncementWithdrawn}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Announcement 公告",
    allowedDependencies = {"shared", "estate", "staff", "notice", "demo"})
package com.wuye.center.announcement;
