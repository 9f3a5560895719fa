package com.wuye.center.shared;

import java.time.Instant;

/**
 * One item of a staff member's worklist (issue 14), as each area answers for its own records: what
 * it is, since when it waits, when it is due, and the next step one tap away.
 *
 * @param domId a stable element id on the page, e.g. {@code repair-12}
 * @param tagKey message key of a short tag (the kind or the state), or null
 * @param title the record's number or label (plain text)
 * @param detail where or what (plain text, personal data already masked), or null
 * @param since when it came in or started waiting
 * @param due when it is due, or null
 * @param emergency an emergency: red and first
 * @param overdue past its due time
 * @param link the record's page
 * @param actionKey message key of the next step's button, or null (the item opens its page)
 * @param actionPost where the next step's button posts, or null (the button opens {@code link})
 */
public record WorkItem(
    String domId,
    String tagKey,
    String title,
    String detail,
    Instant since,
    Instant due,
    boolean emergency,
    boolean overdue,
    String link,
    String actionKey,
    String actionPost) {

  public WorkItem {
    if (domId == null || title == null || link == null) {
      throw new IllegalArgumentException("domId, title and link are required");
    }
  }
}
