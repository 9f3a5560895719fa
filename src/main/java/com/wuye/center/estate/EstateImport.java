package com.wuye.center.estate;

import com.wuye.center.estate.Estate.Relation;
import com.wuye.center.estate.Estate.Usage;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports buildings, units and residents from the spreadsheet property offices keep (.xlsx or .csv,
 * UTF-8 or GBK). Every row is checked first and each problem reported with its row, column and
 * reason. Nothing is half-imported: with bad rows the file imports nothing, unless the user
 * explicitly chooses to import only the good rows; either way it is one transaction.
 *
 * <p>Columns (header names in Chinese or English): 楼栋 building, 单元 entrance, 楼层 floor, 房号 room,
 * 建筑面积 area, 用途 usage, 姓名 name, 关系 relation, 手机 phone, 证件类型 idType, 证件号码 idNumber, 入住日期 movedIn. A
 * unit may appear on several rows, one per resident; the resident columns may be empty.
 */
@Service
public class EstateImport {

  /** What to do with the file. */
  public enum Mode {
    /** Check only; write nothing. */
    VALIDATE,
    /** Import when every row is good; with any bad row, import nothing. */
    ALL_OR_NOTHING,
    /** Import the good rows, skip the bad ones (the user chose this explicitly). */
    VALID_ROWS_ONLY
  }

  public record RowError(int row, String column, String messageKey, List<Object> args) {}

  public record Report(
      int rows,
      int validRows,
      List<RowError> errors,
      boolean imported,
      int unitsCreated,
      int residentsCreated,
      int buildingsCreated) {}

  static final int MAX_ROWS = 20_000;

  private static final Map<String, String> HEADERS = new HashMap<>();

  static {
    alias("building", "楼栋", "楼号", "building");
    alias("entrance", "单元", "entrance");
    alias("floor", "楼层", "floor");
    alias("room", "房号", "室号", "room", "roomnumber");
    alias("area", "建筑面积", "面积", "area", "floorarea");
    alias("usage", "用途", "usage");
    alias("name", "姓名", "业户姓名", "name");
    alias("relation", "关系", "身份", "relation");
    alias("phone", "手机", "手机号", "电话", "phone");
    alias("idType", "证件类型", "idtype");
    alias("idNumber", "证件号码", "身份证号", "idnumber");
    alias("movedIn", "入住日期", "movedin");
  }

  private static void alias(String column, String... names) {
    for (String n : names) {
      HEADERS.put(n.toLowerCase(Locale.ROOT), column);
    }
  }

  private static final Map<String, Usage> USAGES =
      Map.of(
          "住宅",
          Usage.RESIDENTIAL,
          "商铺",
          Usage.COMMERCIAL,
          "商业",
          Usage.COMMERCIAL,
          "办公",
          Usage.OFFICE,
          "车位",
          Usage.PARKING,
          "储藏室",
          Usage.STORAGE,
          "其他",
          Usage.OTHER);
  private static final Map<String, Relation> RELATIONS =
      Map.of(
          "业主",
          Relation.OWNER,
          "租户",
          Relation.TENANT,
          "家庭成员",
          Relation.MEMBER,
          "成员",
          Relation.MEMBER);
  private static final Map<String, IdDocument.Type> ID_TYPES =
      Map.of(
          "身份证",
          IdDocument.Type.RESIDENT_ID,
          "居民身份证",
          IdDocument.Type.RESIDENT_ID,
          "护照",
          IdDocument.Type.PASSPORT,
          "港澳通行证",
          IdDocument.Type.HK_MACAO_PERMIT,
          "台胞证",
          IdDocument.Type.TAIWAN_PERMIT,
          "其他",
          IdDocument.Type.OTHER);

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  EstateImport(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** A checked row, ready to write. */
  record GoodRow(
      int row,
      String building,
      String entrance,
      int floor,
      String room,
      BigDecimal area,
      Usage usage,
      Person person) {
    String code() {
      return building + "-" + entrance + "-" + room;
    }
  }

  record Person(String name, Relation relation, String phone, IdDocument id, LocalDate movedIn) {}

  @Transactional
  public Report importFile(
      CurrentUser user, long communityId, String filename, InputStream content, Mode mode) {
    EstateService.requireEstateEditor(user, communityId);
    boolean exists =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM community WHERE id = :c)")
            .param("c", communityId)
            .query(Boolean.class)
            .single();
    if (!exists) {
      throw DomainException.invalid("communityId", "error.community.notFound");
    }
    List<List<String>> table = read(filename, content);
    if (table.isEmpty()) {
      throw DomainException.invalid("file", "error.import.empty");
    }
    Map<Integer, String> columns = columns(table.get(0));
    for (String required : List.of("building", "entrance", "floor", "room", "area")) {
      if (!columns.containsValue(required)) {
        throw DomainException.invalid("file", "error.import.missingColumn", required);
      }
    }
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
      Map<String, String> row = new HashMap<>();
      columns.forEach((idx, col) -> row.put(col, idx < cells.size() ? cells.get(idx).trim() : ""));
      int rowNumber = i + 1; // as the spreadsheet numbers rows
      int before = errors.size();
      GoodRow checked = check(rowNumber, row, errors);
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
    int[] created = write(communityId, good);
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
            created[0],
            "residents",
            created[1],
            "buildings",
            created[2]));
    return new Report(dataRows, good.size(), errors, true, created[0], created[1], created[2]);
  }

  private GoodRow check(int rowNumber, Map<String, String> row, List<RowError> errors) {
    int errorsBefore = errors.size();
    String building = row.getOrDefault("building", "");
    String entrance = row.getOrDefault("entrance", "");
    String room = row.getOrDefault("room", "");
    if (!building.matches("^[0-9A-Za-z]{1,20}$")) {
      errors.add(
          err(rowNumber, "楼栋", building.isEmpty() ? "error.required" : "error.building.number"));
    }
    if (!entrance.matches("^[0-9A-Za-z]{1,10}$")) {
      errors.add(
          err(rowNumber, "单元", entrance.isEmpty() ? "error.required" : "error.unit.entrance"));
    }
    if (!room.matches("^[0-9A-Za-z]{1,20}$")) {
      errors.add(err(rowNumber, "房号", room.isEmpty() ? "error.required" : "error.unit.room"));
    }
    Integer floor = null;
    try {
      floor = Integer.parseInt(stripDecimalZero(row.getOrDefault("floor", "")));
      if (floor < -10 || floor > 200) {
        errors.add(err(rowNumber, "楼层", "error.unit.floor"));
      }
    } catch (NumberFormatException e) {
      errors.add(err(rowNumber, "楼层", "error.field.number"));
    }
    BigDecimal area = null;
    try {
      area = EstateService.area(new BigDecimal(row.getOrDefault("area", "")));
    } catch (NumberFormatException e) {
      errors.add(err(rowNumber, "建筑面积", "error.field.number"));
    } catch (DomainException e) {
      errors.add(err(rowNumber, "建筑面积", e.messageKey()));
    }
    Usage usage = Usage.RESIDENTIAL;
    String usageText = row.getOrDefault("usage", "");
    if (!usageText.isEmpty()) {
      usage = USAGES.get(usageText);
      if (usage == null) {
        try {
          usage = Usage.valueOf(usageText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          errors.add(err(rowNumber, "用途", "error.import.usage", usageText));
        }
      }
    }
    Person person = checkPerson(rowNumber, row, errors);
    if (errors.size() > errorsBefore) {
      return null;
    }
    return new GoodRow(rowNumber, building, entrance, floor, room, area, usage, person);
  }

  private Person checkPerson(int rowNumber, Map<String, String> row, List<RowError> errors) {
    String name = row.getOrDefault("name", "");
    String phone = row.getOrDefault("phone", "");
    String idNumber = row.getOrDefault("idNumber", "");
    if (name.isEmpty() && phone.isEmpty() && idNumber.isEmpty()) {
      return null;
    }
    int before = errors.size();
    if (name.isEmpty()) {
      errors.add(err(rowNumber, "姓名", "error.required"));
    } else if (name.length() > EstateService.MAX_NAME) {
      errors.add(err(rowNumber, "姓名", "error.tooLong", EstateService.MAX_NAME));
    }
    String phoneValue = null;
    try {
      phoneValue = new PhoneNumber(phone).value();
    } catch (DomainException e) {
      errors.add(err(rowNumber, "手机", "error.phone.format"));
    }
    Relation relation = Relation.OWNER;
    String relText = row.getOrDefault("relation", "");
    if (!relText.isEmpty()) {
      relation = RELATIONS.get(relText);
      if (relation == null) {
        errors.add(err(rowNumber, "关系", "error.import.relation", relText));
      }
    }
    IdDocument.Type type = IdDocument.Type.RESIDENT_ID;
    String typeText = row.getOrDefault("idType", "");
    if (!typeText.isEmpty()) {
      type = ID_TYPES.get(typeText);
      if (type == null) {
        errors.add(err(rowNumber, "证件类型", "error.id.type"));
      }
    }
    IdDocument id = null;
    if (type != null) {
      try {
        id = new IdDocument(type, idNumber);
      } catch (DomainException e) {
        errors.add(
            err(rowNumber, "证件号码", idNumber.isEmpty() ? "error.required" : "error.id.format"));
      }
    }
    LocalDate movedIn = LocalDate.now(clock);
    String movedText = row.getOrDefault("movedIn", "");
    if (!movedText.isEmpty()) {
      try {
        movedIn = LocalDate.parse(movedText.replace('/', '-'));
      } catch (DateTimeParseException e) {
        errors.add(err(rowNumber, "入住日期", "error.field.date"));
      }
    }
    return errors.size() > before ? null : new Person(name, relation, phoneValue, id, movedIn);
  }

  private void checkAgainstDatabase(
      long communityId, GoodRow row, Map<String, GoodRow> unitsInFile, List<RowError> errors) {
    GoodRow first = unitsInFile.get(row.code());
    if (first != null) {
      if (first.area().compareTo(row.area()) != 0
          || first.usage() != row.usage()
          || first.floor() != row.floor()) {
        errors.add(err(row.row(), "房号", "error.import.unitConflict", row.code(), first.row()));
      }
    } else {
      boolean exists =
          jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit WHERE community_id = :c AND code = :code)")
              .param("c", communityId)
              .param("code", row.code())
              .query(Boolean.class)
              .single();
      if (exists) {
        errors.add(err(row.row(), "房号", "error.unit.duplicate", row.code()));
      }
    }
    if (row.person() != null) {
      var holder =
          jdbc.sql("SELECT name FROM resident WHERE id_type = :t AND id_number = :n")
              .param("t", row.person().id().type().name())
              .param("n", row.person().id().number())
              .query(String.class)
              .optional();
      if (holder.isPresent() && !holder.get().equals(row.person().name())) {
        errors.add(err(row.row(), "证件号码", "error.resident.idTaken"));
      }
    }
  }

  private int[] write(long communityId, List<GoodRow> rows) {
    int units = 0;
    int residents = 0;
    int buildings = 0;
    Map<String, Long> buildingIds = new HashMap<>();
    Map<String, Long> unitIds = new HashMap<>();
    Map<String, Long> residentIds = new HashMap<>();
    for (GoodRow r : rows) {
      Long buildingId = buildingIds.get(r.building());
      if (buildingId == null) {
        buildingId =
            jdbc.sql("SELECT id FROM building WHERE community_id = :c AND number = :n")
                .param("c", communityId)
                .param("n", r.building())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (buildingId == null) {
          buildingId =
              jdbc.sql("INSERT INTO building (community_id, number) VALUES (:c, :n) RETURNING id")
                  .param("c", communityId)
                  .param("n", r.building())
                  .query(Long.class)
                  .single();
          buildings++;
        }
        buildingIds.put(r.building(), buildingId);
      }
      Long unitId = unitIds.get(r.code());
      if (unitId == null) {
        unitId =
            jdbc.sql(
                    "INSERT INTO unit (community_id, building_id, entrance, floor, room_number, code, floor_area, usage)"
                        + " VALUES (:c, :b, :e, :f, :r, :code, :a, :usage) RETURNING id")
                .param("c", communityId)
                .param("b", buildingId)
                .param("e", r.entrance())
                .param("f", r.floor())
                .param("r", r.room())
                .param("code", r.code())
                .param("a", r.area())
                .param("usage", r.usage().name())
                .query(Long.class)
                .single();
        unitIds.put(r.code(), unitId);
        units++;
        audit.record(
            "unit",
            unitId,
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
      }
      Person p = r.person();
      if (p != null) {
        String key = p.id().type() + ":" + p.id().number();
        Long residentId = residentIds.get(key);
        if (residentId == null) {
          residentId =
              jdbc.sql("SELECT id FROM resident WHERE id_type = :t AND id_number = :n")
                  .param("t", p.id().type().name())
                  .param("n", p.id().number())
                  .query(Long.class)
                  .optional()
                  .orElse(null);
          if (residentId == null) {
            residentId =
                jdbc.sql(
                        "INSERT INTO resident (name, phone, id_type, id_number) VALUES (:name, :phone, :t, :n) RETURNING id")
                    .param("name", p.name())
                    .param("phone", p.phone())
                    .param("t", p.id().type().name())
                    .param("n", p.id().number())
                    .query(Long.class)
                    .single();
            residents++;
            audit.record(
                "resident",
                residentId,
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
          }
          residentIds.put(key, residentId);
        }
        jdbc.sql(
                "INSERT INTO occupancy (unit_id, resident_id, relation, moved_in) VALUES (:u, :r, :rel, :d)"
                    + " ON CONFLICT (unit_id, resident_id) WHERE moved_out IS NULL DO NOTHING")
            .param("u", unitId)
            .param("r", residentId)
            .param("rel", p.relation().name())
            .param("d", p.movedIn())
            .update();
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
    }
    return new int[] {units, residents, buildings};
  }

  private static RowError err(int row, String column, String key, Object... args) {
    return new RowError(row, column, key, List.of(args));
  }

  private static String stripDecimalZero(String s) {
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static Map<Integer, String> columns(List<String> header) {
    Map<Integer, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String key = header.get(i).trim().replace(" ", "").toLowerCase(Locale.ROOT);
      String col = HEADERS.get(key);
      if (col != null) {
        columns.put(i, col);
      }
    }
    return columns;
  }

  static List<List<String>> read(String filename, InputStream content) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    try {
      byte[] bytes = content.readAllBytes();
      if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
        return readWorkbook(bytes);
      }
      if (name.endsWith(".csv") || name.endsWith(".txt")) {
        return readCsv(decode(bytes));
      }
      throw DomainException.invalid("file", "error.import.type");
    } catch (IOException | RuntimeException e) {
      if (e instanceof DomainException d) {
        throw d;
      }
      throw DomainException.invalid("file", "error.import.unreadable");
    }
  }

  private static List<List<String>> readWorkbook(byte[] bytes) throws IOException {
    try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheetAt(0);
      DataFormatter fmt = new DataFormatter(Locale.ROOT);
      List<List<String>> rows = new ArrayList<>();
      int last = sheet.getLastRowNum();
      if (last > MAX_ROWS + 1) {
        throw DomainException.invalid("file", "error.import.tooManyRows", MAX_ROWS);
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
