package com.wuye.center.billing;

import com.wuye.center.billing.MeterReadings.Meter;
import com.wuye.center.billing.MeterReadings.NewReading;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Meter readings imported from Excel (.xlsx), all or nothing: columns 房号, 表 (水/电), 期间 (2026-11),
 * 读数, and optionally 上期读数, 换表 (是), 旧表止码, 备注. Every row is checked by the same rules as a reading
 * typed in; if any row is refused, nothing is imported and the report says which row and why.
 */
@Service
public class ReadingImport {

  static final int MAX_ROWS = 5000;

  private final MeterReadings readings;

  ReadingImport(MeterReadings readings) {
    this.readings = readings;
  }

  public record RowError(int row, String field, String messageKey, List<String> args) {}

  public record Report(int rows, int imported, List<RowError> errors) {}

  @Transactional
  public Report importXlsx(CurrentUser user, long communityId, InputStream content) {
    user.require(MeterReadings.METER_READERS);
    user.requireCommunity(communityId);
    List<List<String>> rows = read(content);
    List<RowError> errors = new ArrayList<>();
    int imported = 0;
    for (int i = 1; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      if (r.stream().allMatch(String::isBlank)) {
        continue;
      }
      try {
        long unitId = readings.unitId(communityId, cell(r, 0));
        Meter meter =
            switch (cell(r, 1).toUpperCase(Locale.ROOT)) {
              case "水", "水表", "WATER" -> Meter.WATER;
              case "电", "电表", "ELECTRICITY" -> Meter.ELECTRICITY;
              default -> throw DomainException.invalid("meter", "billing.error.reading.meter");
            };
        boolean changed =
            List.of("是", "Y", "YES", "TRUE").contains(cell(r, 5).toUpperCase(Locale.ROOT));
        readings.recordReading(
            user,
            unitId,
            new NewReading(
                meter,
                cell(r, 2),
                Money.parse("reading", cell(r, 3)),
                Money.parse("previousReading", cell(r, 4)),
                changed,
                Money.parse("oldMeterFinal", cell(r, 6)),
                cell(r, 7)));
        imported++;
      } catch (DomainException e) {
        errors.add(
            new RowError(
                i + 1,
                e.field(),
                e.messageKey(),
                Arrays.stream(e.args()).map(String::valueOf).toList()));
      }
    }
    if (!errors.isEmpty()) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
      imported = 0;
    }
    return new Report(rows.size() - 1, imported, errors);
  }

  private static String cell(List<String> row, int i) {
    return i < row.size() ? row.get(i).trim() : "";
  }

  private static List<List<String>> read(InputStream content) {
    try (Workbook wb = WorkbookFactory.create(content)) {
      Sheet sheet = wb.getSheetAt(0);
      if (sheet.getLastRowNum() > MAX_ROWS) {
        throw DomainException.invalid("file", "error.import.tooManyRows", MAX_ROWS);
      }
      DataFormatter fmt = new DataFormatter(Locale.ROOT);
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            cells.add(row.getCell(c) == null ? "" : fmt.formatCellValue(row.getCell(c)));
          }
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException d) {
        throw d;
      }
      throw DomainException.invalid("file", "error.import.unreadable");
    }
  }
}
