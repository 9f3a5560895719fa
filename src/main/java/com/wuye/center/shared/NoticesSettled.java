package com.wuye.center.shared;

/**
 * The record a notification asks an action on has passed that state (accepted, completed, closed,
 * cancelled, reassigned away): its open notifications close by themselves, without a click on 确认收到
 * (issue 14). Published by the owning area in its own transaction; the notice area settles the
 * notifications in the same transaction.
 *
 * @param subjectType the record's type as the notifications name it, e.g. "repair"
 * @param subjectId the record's id
 * @param staffId only this staff member's notifications (e.g. the technician it was taken away
 *     from), or null: everyone's
 * @param keyPrefix only notifications whose message key starts with this, or null: all of them
 */
public record NoticesSettled(String subjectType, String subjectId, Long staffId, String keyPrefix) {

  public NoticesSettled {
    if (subjectType == null || subjectType.isBlank() || subjectId == null) {
      throw new IllegalArgumentException("subject required");
    }
  }

  /** Every notification about the record. */
  public static NoticesSettled all(String subjectType, Object subjectId) {
    return new NoticesSettled(subjectType, String.valueOf(subjectId), null, null);
  }

  /** One staff member's notifications about the record. */
  public static NoticesSettled forStaff(String subjectType, Object subjectId, long staffId) {
    return new NoticesSettled(subjectType, String.valueOf(subjectId), staffId, null);
  }
}
