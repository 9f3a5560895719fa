package com.wuye.center.complaint;

import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.internal.ComplaintRows;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Exports;
import com.wuye.center.shared.Masking;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The complaint list exported to .xlsx: the list's filters (community, status, search) and access,
 * every page, newest first, streamed from a cursor; the contact's phone masked as in the list.
 * Audited as an export.
 */
@Service
public class ComplaintExport {

  static final List<String> HEADERS =
      Exports.keys(
          "complaint.number",
          "complaint.unit",
          "complaint.category",
          "complaint.contactName",
          "complaint.contactPhone",
          "complaint.receivedAt",
          "complaint.nextStep",
          "complaint.owner",
          "complaint.closedAt");

  private final ComplaintQueries queries;
  private final ComplaintRows rows;
  private final MessageSource messages;
  private final Exports exports;

  ComplaintExport(
      ComplaintQueries queries, ComplaintRows rows, MessageSource messages, Exports exports) {
    this.queries = queries;
    this.rows = rows;
    this.messages = messages;
    this.exports = exports;
  }

  /** Writes the complaints matching the filters to {@code out}; answers the rows written. */
  public int xlsx(
      CurrentUser user,
      Long communityId,
      Status status,
      String q,
      Locale locale,
      OutputStream out) {
    Long[] communities = queries.communities(user, communityId);
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("status", status == null ? "ALL" : status);
    filters.put("q", q);
    return exports.xlsx(
        "complaints",
        communityId == null ? "all" : communityId,
        filters,
        locale,
        out,
        "complaint.list",
        HEADERS,
        sheet ->
            rows.export(
                communities,
                status,
                q,
                exports.maxRows() + 1,
                r ->
                    sheet.row(
                        r.number(),
                        r.unitLabel(),
                        r.categoryLabel(locale),
                        r.contactName(),
                        Masking.phone(r.contactPhone()),
                        r.receivedAt(),
                        step(r, locale),
                        r.ownerName(),
                        r.closedAt())));
  }

  private String step(ComplaintQueries.Row r, Locale locale) {
    if (r.status() != Status.OPEN) {
      return msg("complaint.status." + r.status(), locale);
    }
    if (r.nextStep() == null) {
      return msg("complaint.nextStep.none", locale);
    }
    int n = r.nextStep().number();
    return n + ". " + msg("complaint.step." + n, locale);
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
