package com.wuye.center.estate;

import com.wuye.center.estate.ImportRows.GoodRow;
import com.wuye.center.estate.ImportRows.Person;
import com.wuye.center.estate.internal.EstateRows;
import com.wuye.center.estate.internal.Spreadsheet;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports buildings, units and residents from the spreadsheet property offices keep (.xlsx or .csv,
 * UTF-8 or GBK; the columns are in {@link ImportRows}). Every row is checked first and each problem
 * reported with its row, column and reason. Nothing is half-imported: with bad rows the file
 * imports nothing, unless the user explicitly chooses to import only the good rows; either way it
 * is one transaction. A unit may appear on several rows, one per resident.
 */
@Service
public class UnitImport {

  /** What to do with the file. */
  public enum Mode {
    /** Check only; write nothing. */
    VALIDATE,
    /** Import when every row is good; with any bad row, import nothing. */
    ALL_OR_NOTHING,
    /** Import the good rows, skip the bad ones (the user chose this explicitly). */
    VALID_ROWS_ONLY
  }

  /** A problem of one row: the spreadsheet's row number, the column's header and the reason. */
  public record RowError(int row, String column, String messageKey, List<Object> args)
      implements Serializable {}

  /** What the import found and did (the page shows it after its redirect, hence serializable). */
  public record Report(
      int rows,
      int validRows,
      List<RowError> errors,
      boolean imported,
      int unitsCreated,
      int residentsCreated,
      int buildingsCreated)
      implements Serializable {}

  static final int MAX_ROWS = 20_000;

  private final EstateRows rows;
  private final AuditTrail audit;
  private final Clock clock;

  UnitImport(EstateRows rows, AuditTrail audit, Clock clock) {
    this.rows = rows;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public Report importFile(
      CurrentUser user, long communityId, String filename, InputStream content, Mode mode) {
    EstateService.requireEstateEditor(user, communityId);
    if (!rows.communityExists(communityId)) {
      throw DomainException.invalid("communityId", "error.community.notFound");
    }
    List<List<String>> table = Spreadsheet.read(filename, content, MAX_ROWS);
    if (table.isEmpty()) {
      throw DomainException.invalid("file", "error.import.empty");
    }
    ImportRows columns = ImportRows.of(table.get(0), LocalDate.now(clock));
    if (table.size() - 1 > MAX_ROWS) {
      throw DomainException.invalid("file", "error.import.tooManyRows", MAX_ROWS);
    }
    List<RowError> errors = new ArrayList<>();
    List<GoodRow> good = new ArrayList<>();
    Map<String, GoodRow> unitsInFile = new HashMap<>();
    int dataRows = 0;
    for (int i = 1; i < table.size(); i++) {
      List<String> cells = table.get(i);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      dataRows++;
      int before = errors.size();
      GoodRow checked = columns.check(i + 1, columns.cells(cells), errors); // as Excel numbers rows
      if (checked != null) {
        checkAgainstDatabase(communityId, checked, unitsInFile, errors);
      }
      if (errors.size() == before && checked != null) {
        good.add(checked);
        unitsInFile.putIfAbsent(checked.code(), checked);
      }
    }
    boolean write =
        switch (mode) {
          case VALIDATE -> false;
          case ALL_OR_NOTHING -> errors.isEmpty() && !good.isEmpty();
          case VALID_ROWS_ONLY -> !good.isEmpty();
        };
    if (!write) {
      return new Report(dataRows, good.size(), errors, false, 0, 0, 0);
    }
    Created created = new Created(communityId);
    good.forEach(created::write);
    audit.record(
        "community",
        communityId,
        "IMPORTED",
        null,
        Map.of(
            "file",
            filename == null ? "" : filename,
            "rows",
            good.size(),
            "units",
            created.units,
            "residents",
            created.residents,
            "buildings",
            created.buildings));
    return new Report(
        dataRows, good.size(), errors, true, created.units, created.residents, created.buildings);
  }

  /** A unit twice in the file with other facts, a unit that exists, an ID held by someone else. */
  private void checkAgainstDatabase(
      long communityId, GoodRow row, Map<String, GoodRow> unitsInFile, List<RowError> errors) {
    GoodRow first = unitsInFile.get(row.code());
    if (first != null) {
      if (first.area().compareTo(row.area()) != 0
          || first.usage() != row.usage()
          || first.floor() != row.floor()) {
        errors.add(
            ImportRows.err(row.row(), "房号", "error.import.unitConflict", row.code(), first.row()));
      }
    } else if (rows.unitExists(communityId, row.code())) {
      errors.add(ImportRows.err(row.row(), "房号", "error.unit.duplicate", row.code()));
    }
    if (row.person() != null) {
      var holder =
          rows.residentByDocument(row.person().id().type().name(), row.person().id().number());
      if (holder.isPresent() && !holder.get().name().equals(row.person().name())) {
        errors.add(ImportRows.err(row.row(), "证件号码", "error.resident.idTaken"));
      }
    }
  }

  /** Writes the good rows of one import, creating each building, unit and resident once. */
  private final class Created {
    private final long communityId;
    private final Map<String, Long> buildingIds = new HashMap<>();
    private final Map<String, Long> unitIds = new HashMap<>();
    private final Map<String, Long> residentIds = new HashMap<>();
    private int units;
    private int residents;
    private int buildings;

    Created(long communityId) {
      this.communityId = communityId;
    }

    void write(GoodRow r) {
      long unitId = unitIds.computeIfAbsent(r.code(), code -> newUnit(r));
      Person p = r.person();
      if (p == null) {
        return;
      }
      long residentId =
          residentIds.computeIfAbsent(p.id().type() + ":" + p.id().number(), k -> resident(p));
      rows.insertOccupancy(unitId, residentId, p.relation().name(), p.movedIn());
      audit.record(
          "unit",
          unitId,
          "MOVED_IN",
          null,
          Map.of(
              "residentId",
              residentId,
              "relation",
              p.relation(),
              "movedIn",
              p.movedIn().toString(),
              "source",
              "import"));
    }

    private long building(String number) {
      return buildingIds.computeIfAbsent(
          number,
          n ->
              rows.buildingId(communityId, n)
                  .orElseGet(
                      () -> {
                        buildings++;
                        return rows.insertBuilding(communityId, n, null, null);
                      }));
    }

    private long newUnit(GoodRow r) {
      long id =
          rows.insertUnit(
              communityId,
              building(r.building()),
              r.entrance(),
              r.floor(),
              r.room(),
              r.code(),
              r.area(),
              r.usage().name());
      units++;
      audit.record(
          "unit",
          id,
          "CREATED",
          null,
          Map.of(
              "code",
              r.code(),
              "floor",
              r.floor(),
              "floorArea",
              r.area(),
              "usage",
              r.usage(),
              "source",
              "import"));
      return id;
    }

    private long resident(Person p) {
      String type = p.id().type().name();
      return rows.residentByDocument(type, p.id().number())
          .map(EstateRows.ResidentRef::id)
          .orElseGet(
              () -> {
                long id = rows.insertResident(p.name(), p.phone(), type, p.id().number());
                residents++;
                audit.record(
                    "resident",
                    id,
                    "CREATED",
                    null,
                    Map.of(
                        "name",
                        p.name(),
                        "phone",
                        p.phone(),
                        "idType",
                        p.id().type(),
                        "idNumber",
                        p.id().number(),
                        "source",
                        "import"));
                return id;
              });
    }
  }
}
