package com.wuye.center.convenience;

import java.time.Instant;

/** A resident said a tip was asked for (CS-S2); the community's managers were notified. */
public record IntegrityCaseOpened(
    long caseId, long orderId, long communityId, Long staffId, Instant at) {}
