package com.wuye.center.announcement;

import java.time.Instant;

/**
 * An approved announcement was withdrawn before its end: it leaves the portal at once. Registered
 * by {@link Announcement#withdraw}; heard by messaging, which cancels what was not sent yet.
 */
public record AnnouncementWithdrawn(
    long announcementId, String number, long communityId, Instant at) {}
