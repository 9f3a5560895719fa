package com.wuye.center.shared;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a list leaves the system as .xlsx: the export is audited first (who, which list, which
 * filters; in its own transaction, so a download broken off half-way is still on record), then the
 * rows are streamed into an {@link ExcelExport} inside one read-only transaction (a cursor needs
 * one). The bound is {@code wuye.export.max-rows} (default 1,000,000; Excel takes 1,048,576); past
 * it the sheet ends with a line asking to narrow the filters.
 */
@Component
public class Exports {

  private final AuditTrail audit;
  private final MessageSource messages;
  private final TransactionTemplate write;
  private final TransactionTemplate read;
  private final int maxRows;

  Exports(
      AuditTrail audit,
      MessageSource messages,
      PlatformTransactionManager transactions,
      @Value("${wuye.export.max-rows:1000000}") int maxRows) {
    this.audit = audit;
    this.messages = messages;
    this.write = new TransactionTemplate(transactions);
    this.read = new TransactionTemplate(transactions);
    read.setReadOnly(true);
    this.maxRows = maxRows;
  }

  /** The most data rows an export writes. */
  public int maxRows() {
    return maxRows;
  }

  /**
   * Audits and streams one list.
   *
   * @param list the list's name in the audit trail ("repairs")
   * @param scope what it was taken from (a community id)
   * @param filters the list's filters as the user set them (null values are left out)
   * @param title the message key of the sheet's name
   * @param headers the message keys of the columns
   * @param rows writes the rows (asks for at most {@link #maxRows()} + 1)
   * @return the data rows written
   */
  public int xlsx(
      String list,
      Object scope,
      Map<String, ?> filters,
      Locale locale,
      OutputStream out,
      String title,
      List<String> headers,
      Consumer<ExcelExport> rows) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("list", list);
    filters.forEach(
        (k, v) -> {
          if (v != null && !"".equals(v)) {
            after.put(k, String.valueOf(v));
          }
        });
    write.executeWithoutResult(
        s -> audit.record("export", list + ":" + scope, "EXPORTED", null, after));
    List<String> names = headers.stream().map(k -> msg(k, locale)).toList();
    String truncated =
        messages.getMessage("export.truncated", new Object[] {maxRows}, "export.truncated", locale);
    return read.execute(
        s -> {
          try (ExcelExport sheet =
              new ExcelExport(out, msg(title, locale), names, maxRows, truncated)) {
            rows.accept(sheet);
            return sheet.rows();
          }
        });
  }

  /** The message keys as a list (for a use case's column constants). */
  public static List<String> keys(String... keys) {
    return Arrays.asList(keys);
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
