package com.wuye.center.estate.internal;

import com.wuye.center.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The cells of the spreadsheet a property office keeps, as text: the first sheet of an .xlsx, or a
 * .csv in UTF-8 (with or without BOM) or GBK, as Excel in China saves it. A file that cannot be
 * read is refused on the field {@code file}.
 */
public final class Spreadsheet {

  private Spreadsheet() {}

  /** The rows (header first) of the file; refused if it is not .xlsx/.csv or unreadable. */
  public static List<List<String>> read(String filename, InputStream content, int maxRows) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    try {
      byte[] bytes = content.readAllBytes();
      if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
        return readWorkbook(bytes, maxRows);
      }
      if (name.endsWith(".csv") || name.endsWith(".txt")) {
        return readCsv(decode(bytes));
      }
      throw DomainException.invalid("file", "error.import.type");
    } catch (DomainException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw DomainException.invalid("file", "error.import.unreadable");
    }
  }

  private static List<List<String>> readWorkbook(byte[] bytes, int maxRows) throws IOException {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter fmt = new DataFormatter(Locale.ROOT);
      List<List<String>> rows = new ArrayList<>();
      int last = sheet.getLastRowNum();
      if (last > maxRows + 1) {
        throw DomainException.invalid("file", "error.import.tooManyRows", maxRows);
      }
      for (int r = 0; r <= last; r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : fmt.formatCellValue(cell));
          }
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  private static String decode(byte[] bytes) {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(buf)
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("GB18030")); // Excel in China saves CSV as GBK
    }
  }

  /** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
  static List<List<String>> readCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(ch);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
