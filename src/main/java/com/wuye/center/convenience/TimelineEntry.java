package com.wuye.center.convenience;

import java.time.Instant;

/** One line of an order's timeline: who did what and when. */
public record TimelineEntry(
    Instant at, String actor, String actorName, String action, String detail) {}
