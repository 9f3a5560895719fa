package com.wuye.center.billing.web;

import com.wuye.center.billing.Arrears;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.DayReports;
import com.wuye.center.shared.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Excel (.xlsx) exports: the day report, the arrears list, the collection rate. Every text cell is
 * written through {@link SpreadsheetText} (a name beginning with {@code =} stays a text).
 */
@Component
class BillingExcel {

  private final MessageSource messages;

  BillingExcel(MessageSource messages) {
    this.messages = messages;
  }

  static ResponseEntity<byte[]> download(byte[] body, String filename) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(body);
  }

  byte[] dayReport(DayReports.Day day, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      SpreadsheetText text = new SpreadsheetText(wb);
      CellStyle money = money(wb);
      Sheet s = wb.createSheet(msg("billing.day.title", locale));
      int r = 0;
      r = row(text, s, r, msg("billing.day.cashier", locale), day.cashierName());
      r = row(text, s, r, msg("billing.day.date", locale), day.date().toString());
      r =
          row(
              text,
              s,
              r,
              msg("billing.day.status", locale),
              msg("billing.dayStatus." + day.status(), locale));
      r++;
      header(text, s, r++, locale, "billing.channel", "billing.day.count", "billing.amount");
      for (var e : day.totals().entrySet()) {
        Row row = s.createRow(r++);
        text.text(row, 0, msg("billing.channel." + e.getKey(), locale));
        row.createCell(1).setCellValue(e.getValue().count());
        cell(row, 2, e.getValue().amount(), money);
      }
      Row total = s.createRow(r++);
      text.text(total, 0, msg("billing.day.total", locale));
      cell(total, 2, day.total(), money);
      r++;
      r = moneyRow(text, s, r, msg("billing.day.systemCash", locale), day.systemCash(), money);
      r = moneyRow(text, s, r, msg("billing.day.countedCash", locale), day.countedCash(), money);
      r = moneyRow(text, s, r, msg("billing.day.difference", locale), day.difference(), money);
      r = row(text, s, r, msg("billing.day.explanation", locale), day.explanation());
      r = moneyRow(text, s, r, msg("billing.day.bankDeposit", locale), day.bankDeposit(), money);
      r = row(text, s, r, msg("billing.day.signedOffBy", locale), day.signedOffBy());
      r++;
      header(
          text,
          s,
          r++,
          locale,
          "billing.receipt.no",
          "billing.receipt.kind",
          "billing.channel",
          "billing.amount",
          "billing.receipt.tendered",
          "billing.receipt.change",
          "billing.receipt.voided");
      for (Billing.Payment p : day.payments()) {
        Row row = s.createRow(r++);
        text.text(row, 0, p.receiptNo());
        text.text(row, 1, msg("billing.kind." + p.kind(), locale));
        text.text(row, 2, msg("billing.channel." + p.channel(), locale));
        cell(row, 3, p.amount(), money);
        cell(row, 4, p.tendered(), money);
        cell(row, 5, p.change(), money);
        text.text(row, 6, p.voided() ? msg("billing.receipt.voided", locale) : "");
      }
      autosize(s, 7);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] arrears(List<Arrears.UnitArrears> list, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      SpreadsheetText text = new SpreadsheetText(wb);
      CellStyle money = money(wb);
      Sheet s = wb.createSheet(msg("billing.arrears.title", locale));
      header(
          text,
          s,
          0,
          locale,
          "billing.unit",
          "billing.owner",
          "billing.period",
          "billing.arrears.oldestDue",
          "billing.arrears.daysOverdue",
          "billing.arrears.ageing",
          "billing.arrears.outstanding");
      int r = 1;
      for (var a : list) {
        for (var p : a.periods()) {
          Row row = s.createRow(r++);
          text.text(row, 0, a.unitCode());
          text.text(row, 1, a.ownerName() == null ? "" : a.ownerName());
          text.text(row, 2, p.period());
          text.text(row, 3, p.oldestDue().toString());
          row.createCell(4).setCellValue(p.daysOverdue());
          text.text(row, 5, msg("billing.ageing." + p.ageing(), locale));
          cell(row, 6, p.outstanding(), money);
        }
      }
      autosize(s, 7);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] collection(List<Arrears.CollectionRate> rates, Locale locale) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      SpreadsheetText text = new SpreadsheetText(wb);
      CellStyle money = money(wb);
      Sheet s = wb.createSheet(msg("billing.collection.title", locale));
      header(
          text,
          s,
          0,
          locale,
          "billing.period",
          "billing.collection.billed",
          "billing.collection.collected",
          "billing.collection.outstanding",
          "billing.collection.rate");
      int r = 1;
      for (var c : rates) {
        Row row = s.createRow(r++);
        text.text(row, 0, c.period());
        cell(row, 1, c.billed(), money);
        cell(row, 2, c.collected(), money);
        cell(row, 3, c.outstanding(), money);
        row.createCell(4).setCellValue(c.rate().doubleValue());
      }
      autosize(s, 5);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private void header(SpreadsheetText text, Sheet s, int r, Locale locale, String... keys) {
    Row row = s.createRow(r);
    for (int i = 0; i < keys.length; i++) {
      text.text(row, i, msg(keys[i], locale));
    }
  }

  private static int row(SpreadsheetText text, Sheet s, int r, String label, String value) {
    Row row = s.createRow(r);
    text.text(row, 0, label);
    text.text(row, 1, value == null ? "" : value);
    return r + 1;
  }

  private static int moneyRow(
      SpreadsheetText text, Sheet s, int r, String label, BigDecimal value, CellStyle money) {
    Row row = s.createRow(r);
    text.text(row, 0, label);
    cell(row, 1, value, money);
    return r + 1;
  }

  private static void cell(Row row, int col, BigDecimal value, CellStyle money) {
    if (value == null) {
      row.createCell(col).setBlank();
      return;
    }
    var c = row.createCell(col);
    // xlsx keeps numbers as doubles: 15 significant digits, exact to the fen below 10^12 yuan
    c.setCellValue(value.doubleValue());
    c.setCellStyle(money);
  }

  private static CellStyle money(XSSFWorkbook wb) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    return style;
  }

  private static void autosize(Sheet s, int cols) {
    for (int i = 0; i < cols; i++) {
      s.setColumnWidth(i, 18 * 256);
    }
  }

  private static byte[] bytes(XSSFWorkbook wb) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }
}
