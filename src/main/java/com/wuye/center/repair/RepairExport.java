package com.wuye.center.repair;

import com.wuye.center.repair.RepairViews.BoardFilter;
import com.wuye.center.repair.internal.BoardReads;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.ExcelExport;
import com.wuye.center.shared.Exports;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The dispatch board (S2) exported to .xlsx: the same filters and access as the board, every open
 * order that matches (not one page), in the board's order, streamed from a cursor. No personal data
 * is on the board, so none is in the file. Audited as an export.
 */
@Service
public class RepairExport {

  static final List<String> HEADERS =
      Exports.keys(
          "repair.field.number",
          "repair.field.where",
          "repair.field.category",
          "repair.field.status",
          "repair.field.emergency",
          "repair.field.technician",
          "repair.field.reportedAt",
          "repair.field.dueAt",
          "repair.field.cause");

  /** The texts of the cells: message keys and category codes to the reader's language. */
  public interface Labels {
    String message(String key);

    String category(String code);
  }

  private final RepairQueries queries;
  private final BoardReads reads;
  private final RepairCategories categories;
  private final MessageSource messages;
  private final Exports exports;

  RepairExport(
      RepairQueries queries,
      BoardReads reads,
      RepairCategories categories,
      MessageSource messages,
      Exports exports) {
    this.queries = queries;
    this.reads = reads;
    this.categories = categories;
    this.messages = messages;
    this.exports = exports;
  }

  /** Writes the board's orders matching the filters to {@code out}; answers the rows written. */
  public int xlsx(CurrentUser user, BoardFilter f, Locale locale, OutputStream out) {
    queries.checkBoard(user, f);
    var byCode = categories.byCode();
    Labels labels =
        new Labels() {
          @Override
          public String message(String key) {
            return messages.getMessage(key, null, key, locale);
          }

          @Override
          public String category(String code) {
            var c = byCode.get(code);
            return c == null ? code : c.label(locale);
          }
        };
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("building", f.buildingId());
    filters.put("category", f.category());
    filters.put("status", f.status());
    filters.put("technician", f.technicianId());
    return exports.xlsx(
        "repairs",
        f.communityId(),
        filters,
        locale,
        out,
        "repair.title.board",
        HEADERS,
        sheet -> write(reads, f, exports.maxRows(), labels, sheet));
  }

  /** The rows (at most {@code maxRows} + 1, so the sheet can tell it was cut) into the sheet. */
  public static void write(
      BoardReads reads, BoardFilter f, int maxRows, Labels labels, ExcelExport sheet) {
    reads.export(
        f,
        maxRows + 1,
        r ->
            sheet.row(
                r.number(),
                r.buildingNumber() != null && r.unitCode() == null
                    ? r.buildingNumber() + "# " + r.where()
                    : r.where(),
                labels.category(r.category()),
                labels.message("repair.status." + r.status()),
                r.emergency() ? labels.message("repair.emergency") : "",
                r.assigneeName(),
                r.reportedAt(),
                r.dueAt(),
                r.pausedCause() == null
                    ? null
                    : labels.message("repair.cause." + r.pausedCause())));
  }
}
