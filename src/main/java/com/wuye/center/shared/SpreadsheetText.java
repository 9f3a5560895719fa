package com.wuye.center.shared;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The one way a text goes into an exported spreadsheet (formula injection, OWASP "CSV injection"):
 * a text beginning with {@code = + - @}, a tab or a carriage return is written as a text cell with
 * Excel's quote prefix, so neither opening the file nor editing the cell turns it into a formula;
 * the text itself is kept as it is. For a CSV export, {@link #csvField} prefixes such a text with
 * an apostrophe. Every text cell of every export goes through here.
 */
public final class SpreadsheetText {

  private final Map<CellStyle, CellStyle> quoted = new IdentityHashMap<>();
  private final Workbook workbook;

  /** A writer of text cells for one workbook (caches its quote-prefixed styles). */
  public SpreadsheetText(Workbook workbook) {
    this.workbook = workbook;
  }

  /** True if a spreadsheet could read the text as a formula. */
  public static boolean looksLikeFormula(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** A field of a CSV export, quoted as RFC 4180 and neutralised as a formula. */
  public static String csvField(String text) {
    String value = text == null ? "" : text;
    if (looksLikeFormula(value)) {
      value = "'" + value;
    }
    if (value.indexOf(',') >= 0
        || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0
        || value.startsWith("'")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /** Writes the text (null as empty) into a new text cell of the row. */
  public Cell text(Row row, int column, String text) {
    Cell cell = row.createCell(column);
    String value = text == null ? "" : text;
    cell.setCellValue(value);
    if (looksLikeFormula(value)) {
      cell.setCellStyle(quoted.computeIfAbsent(cell.getCellStyle(), this::quotePrefixed));
    }
    return cell;
  }

  private CellStyle quotePrefixed(CellStyle base) {
    CellStyle style = workbook.createCellStyle();
    style.cloneStyleFrom(base);
    style.setQuotePrefixed(true);
    return style;
  }
}
