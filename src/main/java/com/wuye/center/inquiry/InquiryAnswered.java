package com.wuye.center.inquiry;

import java.time.Instant;

/**
 * A consultation was answered (CS-Q1: a written one in writing; CS-Q2: an oral one after its
 * referral): the reply is ready for the resident. Registered by {@link Inquiry#reply} when the
 * first reply meant for the resident answers it; heard by messaging, which tells whoever asked.
 * Confidential replies never register it (CS-Q4).
 *
 * @param inquiryId the consultation
 * @param number its readable number, e.g. {@code ZX20261127-0002}
 * @param communityId its community
 * @param unitId the unit it concerns, if any
 * @param residentId the resident who asked in the portal, if any
 * @param askerName who asked
 * @param contactPhone the phone they left, if any
 * @param kind written (a reply letter is printable) or oral
 * @param at when it was answered
 */
public record InquiryAnswered(
    long inquiryId,
    String number,
    long communityId,
    Long unitId,
    Long residentId,
    String askerName,
    String contactPhone,
    Inquiry.Kind kind,
    Instant at) {}
