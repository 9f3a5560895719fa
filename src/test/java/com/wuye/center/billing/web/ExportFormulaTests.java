package com.wuye.center.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.billing.Arrears;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.DayReports;
import com.wuye.center.shared.SpreadsheetText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * Formula injection (issue 13, finding 10): names and texts beginning with {@code = + - @}, a tab
 * or a carriage return are exported as text cells with Excel's quote prefix, never as formulas;
 * read back with POI.
 */
class ExportFormulaTests {

  private static final List<String> HOSTILE =
      List.of(
          "=HYPERLINK(\"http://evil.example\",\"点我\")",
          "+1+cmd|' /C calc'!A0",
          "-2+3",
          "@SUM(1,2)",
          "\t=1+1",
          "\r=1+1");

  private final BillingExcel excel = new BillingExcel(new StaticMessageSource());

  @Test
  @DisplayName("the arrears export writes hostile owner names and unit codes as quoted text")
  void arrearsExportNeutralisesFormulas() throws IOException {
    List<Arrears.UnitArrears> list = new ArrayList<>();
    long id = 1;
    for (String hostile : HOSTILE) {
      var period =
          new Arrears.PeriodArrears(
              "2026-10",
              new BigDecimal("12.50"),
              LocalDate.of(2026, 10, 1),
              40,
              Arrears.Ageing.DAYS_31_TO_90);
      list.add(
          new Arrears.UnitArrears(
              id++, hostile, hostile, List.of(period), Map.of(), new BigDecimal("12.50"), null));
    }
    List<Cell> cells = hostileCells(excel.arrears(list, Locale.CHINA));
    assertThat(cells).hasSize(HOSTILE.size() * 2);
  }

  @Test
  @DisplayName("the day report writes a hostile cashier name and explanation as quoted text")
  void dayReportNeutralisesFormulas() throws IOException {
    var day =
        new DayReports.Day(
            null,
            7,
            "=1+2",
            LocalDate.of(2026, 11, 27),
            Billing.DayStatus.OPEN,
            Map.of(),
            BigDecimal.ZERO,
            null,
            null,
            "@A1",
            null,
            null,
            null,
            "-SUM(A1:A9)",
            null,
            List.of(),
            0,
            List.of(),
            0,
            List.of(),
            BigDecimal.ZERO);
    assertThat(hostileCells(excel.dayReport(day, Locale.CHINA))).hasSize(3);
  }

  @Test
  @DisplayName("a CSV field that could be a formula is prefixed with an apostrophe and quoted")
  void csvFieldsAreNeutralised() {
    assertThat(SpreadsheetText.csvField("=1+2")).isEqualTo("\"'=1+2\"");
    assertThat(SpreadsheetText.csvField("@x")).isEqualTo("\"'@x\"");
    assertThat(SpreadsheetText.csvField("张三")).isEqualTo("张三");
    assertThat(SpreadsheetText.csvField("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
  }

  /** Every cell whose text could be a formula; each must be a quote-prefixed text cell. */
  private static List<Cell> hostileCells(byte[] xlsx) throws IOException {
    List<Cell> hostile = new ArrayList<>();
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : wb) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            if (cell.getCellType() == CellType.STRING
                && SpreadsheetText.looksLikeFormula(cell.getStringCellValue())) {
              assertThat(cell.getCellStyle().getQuotePrefixed())
                  .as("quote prefix on %s", cell.getAddress())
                  .isTrue();
              hostile.add(cell);
            }
          }
        }
      }
    }
    return hostile;
  }
}
