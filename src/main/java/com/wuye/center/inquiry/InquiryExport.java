package com.wuye.center.inquiry;

import com.wuye.center.inquiry.Inquiry.Kind;
import com.wuye.center.inquiry.Inquiry.Status;
import com.wuye.center.inquiry.internal.InquiryRepository;
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
 * The consultation list exported to .xlsx: the list's filters (community, status, kind, search) and
 * access, every page, newest first, streamed from a cursor; the phone masked as in the list.
 * Audited as an export.
 */
@Service
public class InquiryExport {

  static final List<String> HEADERS =
      Exports.keys(
          "inquiry.number",
          "inquiry.kind",
          "inquiry.unit",
          "inquiry.askerName",
          "inquiry.contactPhone",
          "inquiry.question",
          "inquiry.receivedAt",
          "inquiry.status");

  private final InquiryQueries queries;
  private final InquiryRepository repository;
  private final MessageSource messages;
  private final Exports exports;

  InquiryExport(
      InquiryQueries queries,
      InquiryRepository repository,
      MessageSource messages,
      Exports exports) {
    this.queries = queries;
    this.repository = repository;
    this.messages = messages;
    this.exports = exports;
  }

  /** Writes the consultations matching the filters to {@code out}; answers the rows written. */
  public int xlsx(
      CurrentUser user,
      Long communityId,
      Status status,
      Kind kind,
      String q,
      Locale locale,
      OutputStream out) {
    Long[] communities = queries.communities(user, communityId);
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("status", status);
    filters.put("kind", kind);
    filters.put("q", q);
    return exports.xlsx(
        "inquiries",
        communityId == null ? "all" : communityId,
        filters,
        locale,
        out,
        "inquiry.list",
        HEADERS,
        sheet ->
            repository.export(
                communities,
                status,
                kind,
                q,
                exports.maxRows() + 1,
                r ->
                    sheet.row(
                        r.number(),
                        msg("inquiry.kind." + r.kind(), locale),
                        r.unitLabel(),
                        r.askerName(),
                        Masking.phone(r.contactPhone()),
                        r.question(),
                        r.receivedAt(),
                        msg("inquiry.status." + r.status(), locale))));
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
