package com.wuye.center.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One list exported as an .xlsx sheet, streamed: POI's SXSSF keeps a window of {@value #WINDOW}
 * rows in memory and writes the others to a compressed temporary file, so a list of a million rows
 * needs no more heap than one of a hundred. Feed it rows from a cursor (a fetch-size query), never
 * from a list of everything. Every text cell goes through {@link SpreadsheetText} (a text beginning
 * with {@code =} stays a text); numbers are numbers, money has two decimals, times are local
 * date-times of the business zone.
 *
 * <p>The row count is bounded: past {@code maxRows} the sheet gets one last line with the {@code
 * truncated} message (which says to narrow the filters) and {@link #row} answers false, so the
 * query asks for {@code maxRows + 1} rows at most.
 */
public final class ExcelExport implements AutoCloseable {

  /** The media type of an .xlsx file. */
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final int WINDOW = 200;

  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final SpreadsheetText text;
  private final CellStyle money;
  private final CellStyle dateTime;
  private final CellStyle date;
  private final OutputStream out;
  private final int maxRows;
  private final String truncated;
  private int rows;
  private boolean full;

  /**
   * A sheet named {@code name} with the header line (in the user's language).
   *
   * @param maxRows the most data rows written; past it the sheet ends with {@code truncated}
   */
  public ExcelExport(
      OutputStream out, String name, List<String> headers, int maxRows, String truncated) {
    this.out = out;
    this.maxRows = maxRows;
    this.truncated = truncated;
    this.workbook = new SXSSFWorkbook(WINDOW);
    workbook.setCompressTempFiles(true);
    this.sheet = workbook.createSheet(safeName(name));
    this.text = new SpreadsheetText(workbook);
    this.money = workbook.createCellStyle();
    money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
    this.dateTime = workbook.createCellStyle();
    dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    this.date = workbook.createCellStyle();
    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    Row header = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      text.text(header, i, headers.get(i)).setCellStyle(bold);
      sheet.setColumnWidth(i, 18 * 256);
    }
    sheet.createFreezePane(0, 1);
  }

  /**
   * Writes one data row: a {@link String} as text, a {@link BigDecimal} as money, another {@link
   * Number} as a number, an {@link Instant} as a local date-time, a {@link LocalDate} as a date,
   * {@code null} as an empty cell. Answers false once the bound is reached (the row is then not
   * written, the truncation line is).
   */
  public boolean row(Object... cells) {
    if (full) {
      return false;
    }
    if (rows == maxRows) {
      full = true;
      text.text(sheet.createRow(rows + 1), 0, truncated);
      return false;
    }
    rows++;
    Row row = sheet.createRow(rows);
    for (int i = 0; i < cells.length; i++) {
      cell(row, i, cells[i]);
    }
    return true;
  }

  private void cell(Row row, int i, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof BigDecimal m) {
      // xlsx keeps numbers as doubles: exact to the fen below 10^12 yuan
      var c = row.createCell(i);
      c.setCellValue(m.doubleValue());
      c.setCellStyle(money);
    } else if (value instanceof Number n) {
      row.createCell(i).setCellValue(n.doubleValue());
    } else if (value instanceof Instant t) {
      var c = row.createCell(i);
      c.setCellValue(LocalDateTime.ofInstant(t, ClockConfiguration.ZONE));
      c.setCellStyle(dateTime);
    } else if (value instanceof LocalDate d) {
      var c = row.createCell(i);
      c.setCellValue(d);
      c.setCellStyle(date);
    } else {
      text.text(row, i, value.toString());
    }
  }

  /** The data rows written so far (without the header). */
  public int rows() {
    return rows;
  }

  /** True if the bound cut the list. */
  public boolean truncated() {
    return full;
  }

  /** Writes the file to the stream and deletes the temporary files. */
  @Override
  public void close() {
    try {
      workbook.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException e) {
        // the file is written; a temporary file left behind is no reason to fail the export
      }
    }
  }

  /** Excel refuses sheet names longer than 31 characters or with {@code []:*?/\}. */
  private static String safeName(String name) {
    String s = name == null || name.isBlank() ? "Sheet1" : name.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return s.length() > 31 ? s.substring(0, 31) : s;
  }
}
