package com.wuye.center.estate;

import com.wuye.center.estate.Estate.Relation;
import com.wuye.center.estate.Estate.Usage;
import com.wuye.center.estate.UnitImport.RowError;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of an import file and the check of one row against them, with each problem reported
 * by row, column (its Chinese header) and reason. Header names are accepted in Chinese or English:
 * 楼栋 building, 单元 entrance, 楼层 floor, 房号 room, 建筑面积 area, 用途 usage, 姓名 name, 关系 relation, 手机 phone,
 * 证件类型 idType, 证件号码 idNumber, 入住日期 movedIn. The resident columns may be empty.
 */
final class ImportRows {

  private static final List<String> REQUIRED =
      List.of("building", "entrance", "floor", "room", "area");
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
          "住宅", Usage.RESIDENTIAL,
          "商铺", Usage.COMMERCIAL,
          "商业", Usage.COMMERCIAL,
          "办公", Usage.OFFICE,
          "车位", Usage.PARKING,
          "储藏室", Usage.STORAGE,
          "其他", Usage.OTHER);
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
          "身份证", IdDocument.Type.RESIDENT_ID,
          "居民身份证", IdDocument.Type.RESIDENT_ID,
          "护照", IdDocument.Type.PASSPORT,
          "港澳通行证", IdDocument.Type.HK_MACAO_PERMIT,
          "台胞证", IdDocument.Type.TAIWAN_PERMIT,
          "其他", IdDocument.Type.OTHER);

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

  /** The resident of a row. */
  record Person(String name, Relation relation, String phone, IdDocument id, LocalDate movedIn) {}

  private final Map<Integer, String> columns;
  private final LocalDate today;

  private ImportRows(Map<Integer, String> columns, LocalDate today) {
    this.columns = columns;
    this.today = today;
  }

  /**
   * The columns named by the header row; refused if a unit column is missing.
   *
   * @param today the move-in date of a row that gives none
   */
  static ImportRows of(List<String> header, LocalDate today) {
    Map<Integer, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String col = HEADERS.get(header.get(i).trim().replace(" ", "").toLowerCase(Locale.ROOT));
      if (col != null) {
        columns.put(i, col);
      }
    }
    for (String required : REQUIRED) {
      if (!columns.containsValue(required)) {
        throw DomainException.invalid("file", "error.import.missingColumn", required);
      }
    }
    return new ImportRows(columns, today);
  }

  /** The row's cells by column name (trimmed; missing cells are empty). */
  Map<String, String> cells(List<String> cells) {
    Map<String, String> row = new HashMap<>();
    columns.forEach((idx, col) -> row.put(col, idx < cells.size() ? cells.get(idx).trim() : ""));
    return row;
  }

  /** The checked row, or null with its problems added to {@code errors}. */
  GoodRow check(int rowNumber, Map<String, String> row, List<RowError> errors) {
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
    Integer floor = floor(rowNumber, row.getOrDefault("floor", ""), errors);
    BigDecimal area = area(rowNumber, row.getOrDefault("area", ""), errors);
    Usage usage = usage(rowNumber, row.getOrDefault("usage", ""), errors);
    Person person = person(rowNumber, row, errors);
    if (errors.size() > errorsBefore) {
      return null;
    }
    return new GoodRow(rowNumber, building, entrance, floor, room, area, usage, person);
  }

  private static Integer floor(int rowNumber, String text, List<RowError> errors) {
    try {
      int floor =
          Integer.parseInt(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
      if (floor < -10 || floor > 200) {
        errors.add(err(rowNumber, "楼层", "error.unit.floor"));
      }
      return floor;
    } catch (NumberFormatException e) {
      errors.add(err(rowNumber, "楼层", "error.field.number"));
      return null;
    }
  }

  private static BigDecimal area(int rowNumber, String text, List<RowError> errors) {
    try {
      return EstateService.area(new BigDecimal(text));
    } catch (NumberFormatException e) {
      errors.add(err(rowNumber, "建筑面积", "error.field.number"));
    } catch (DomainException e) {
      errors.add(err(rowNumber, "建筑面积", e.messageKey()));
    }
    return null;
  }

  private static Usage usage(int rowNumber, String text, List<RowError> errors) {
    if (text.isEmpty()) {
      return Usage.RESIDENTIAL;
    }
    Usage usage = USAGES.get(text);
    if (usage != null) {
      return usage;
    }
    try {
      return Usage.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(err(rowNumber, "用途", "error.import.usage", text));
      return null;
    }
  }

  private Person person(int rowNumber, Map<String, String> row, List<RowError> errors) {
    String name = row.getOrDefault("name", "");
    String phone = row.getOrDefault("phone", "");
    String idNumber = row.getOrDefault("idNumber", "");
    if (name.isEmpty() && phone.isEmpty() && idNumber.isEmpty()) {
      return null;
    }
    int before = errors.size();
    try {
      Text.required("name", name, EstateService.MAX_NAME);
    } catch (DomainException e) {
      errors.add(err(rowNumber, "姓名", e.messageKey(), e.args()));
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
    IdDocument id = idDocument(rowNumber, row.getOrDefault("idType", ""), idNumber, errors);
    LocalDate movedIn = today;
    String movedText = row.getOrDefault("movedIn", "");
    if (!movedText.isEmpty()) {
      try {
        movedIn = LocalDate.parse(movedText.replace('/', '-'));
        if (movedIn.isAfter(today)) {
          errors.add(err(rowNumber, "入住日期", "error.date.future"));
        }
      } catch (DateTimeParseException e) {
        errors.add(err(rowNumber, "入住日期", "error.field.date"));
      }
    }
    return errors.size() > before ? null : new Person(name, relation, phoneValue, id, movedIn);
  }

  private static IdDocument idDocument(
      int rowNumber, String typeText, String number, List<RowError> errors) {
    IdDocument.Type type =
        typeText.isEmpty() ? IdDocument.Type.RESIDENT_ID : ID_TYPES.get(typeText);
    if (type == null) {
      errors.add(err(rowNumber, "证件类型", "error.id.type"));
      return null;
    }
    try {
      return new IdDocument(type, number);
    } catch (DomainException e) {
      errors.add(err(rowNumber, "证件号码", number.isEmpty() ? "error.required" : "error.id.format"));
      return null;
    }
  }

  static RowError err(int row, String column, String key, Object... args) {
    return new RowError(row, column, key, List.of(args));
  }
}
