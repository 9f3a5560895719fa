package com.wuye.center.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.IdDocument;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UnitImportIntegrationTests {

  @Autowired UnitImport importer;
  @Autowired EstateService estate;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  static final List<String> HEADER =
      List.of("楼栋", "单元", "楼层", "房号", "建筑面积", "用途", "姓名", "关系", "手机", "证件类型", "证件号码", "入住日期");

  /** A community without buildings (the import creates them). */
  long newCommunity() {
    String code = Demo.unique("IMP");
    return estate.createCommunity(
        Demo.ADMIN, new EstateService.NewCommunity(code, "导入测试" + code, null));
  }

  UnitImport.Report importXlsx(long community, List<List<String>> rows, UnitImport.Mode mode)
      throws IOException {
    return importer.importFile(
        Demo.ADMIN, community, "units.xlsx", new ByteArrayInputStream(xlsx(rows)), mode);
  }

  static String id(int n) {
    return IdDocument.withCheckDigit("44030519800101" + String.format("%03d", n));
  }

  static byte[] xlsx(List<List<String>> rows) throws IOException {
    try (var wb = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      var sheet = wb.createSheet("房屋");
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          row.createCell(c).setCellValue(rows.get(r).get(c));
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  List<List<String>> mixedRows(int salt) {
    return List.of(
        HEADER,
        List.of(
            "8",
            "1",
            "3",
            "301",
            "96.20",
            "住宅",
            "钱多多",
            "业主",
            "13900000001",
            "身份证",
            id(salt + 1),
            "2021-05-01"),
        List.of(
            "8",
            "1",
            "3",
            "302",
            "96.20",
            "住宅",
            "孙小美",
            "业主",
            "1390000",
            "身份证",
            id(salt + 2),
            ""), // bad phone
        List.of("8", "1", "4", "401", "-5", "住宅", "", "", "", "", "", ""), // bad area
        List.of(
            "8",
            "2",
            "5",
            "501",
            "110",
            "别墅",
            "阿土伯",
            "业主",
            "13900000004",
            "身份证",
            "123",
            ""), // bad usage + bad ID
        List.of("8", "2", "5", "502", "110.5", "商铺", "", "", "", "", "", "")); // good, no resident
  }

  long units(long community) {
    return count("SELECT count(*) FROM unit WHERE community_id = :v", community);
  }

  long count(String sql, Object value) {
    return jdbc.sql(sql).param("v", value).query(Long.class).single();
  }

  @Test
  void fileWithBadRowsImportsNothingAndReportsEachProblem() throws IOException {
    long community = newCommunity();
    var report = importXlsx(community, mixedRows(10), UnitImport.Mode.ALL_OR_NOTHING);

    assertThat(report.imported()).isFalse();
    assertThat(report.rows()).isEqualTo(5);
    assertThat(report.validRows()).isEqualTo(2);
    assertThat(report.errors())
        .extracting(
            UnitImport.RowError::row, UnitImport.RowError::column, UnitImport.RowError::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(3, "手机", "error.phone.format"),
            org.assertj.core.groups.Tuple.tuple(4, "建筑面积", "error.unit.area"),
            org.assertj.core.groups.Tuple.tuple(5, "用途", "error.import.usage"),
            org.assertj.core.groups.Tuple.tuple(5, "证件号码", "error.id.format"));
    assertThat(units(community)).isZero();
    assertThat(count("SELECT count(*) FROM building WHERE community_id = :v", community)).isZero();
    assertThat(count("SELECT count(*) FROM resident WHERE id_number = :v", id(11))).isZero();
  }

  @Test
  void userMayExplicitlyImportOnlyTheGoodRows() throws IOException {
    long community = newCommunity();
    var report = importXlsx(community, mixedRows(20), UnitImport.Mode.VALID_ROWS_ONLY);

    assertThat(report.imported()).isTrue();
    assertThat(report.unitsCreated()).isEqualTo(2);
    assertThat(report.residentsCreated()).isEqualTo(1);
    assertThat(report.errors()).hasSize(4);
    assertThat(
            jdbc.sql("SELECT code FROM unit WHERE community_id = :c ORDER BY code")
                .param("c", community)
                .query(String.class)
                .list())
        .containsExactly("8-1-301", "8-2-502");
  }

  @Test
  void aGoodFileImportsEverythingAndASecondImportOfTheSameUnitsIsRefused() throws IOException {
    long community = newCommunity();
    List<List<String>> rows =
        List.of(
            HEADER,
            List.of(
                "9",
                "1",
                "1",
                "101",
                "80",
                "住宅",
                "郑一",
                "业主",
                "13700000001",
                "身份证",
                id(31),
                "2022-01-01"),
            List.of(
                "9",
                "1",
                "1",
                "101",
                "80",
                "住宅",
                "郑二",
                "家庭成员",
                "13700000002",
                "身份证",
                id(32),
                "2022-01-01"),
            List.of("9", "1", "1", "102", "80", "住宅", "", "", "", "", "", ""));
    var first = importXlsx(community, rows, UnitImport.Mode.ALL_OR_NOTHING);
    assertThat(first.imported()).isTrue();
    assertThat(first.unitsCreated()).isEqualTo(2);
    assertThat(first.residentsCreated()).isEqualTo(2);

    var again = importXlsx(community, rows, UnitImport.Mode.ALL_OR_NOTHING);
    assertThat(again.imported()).isFalse();
    assertThat(again.errors())
        .extracting(UnitImport.RowError::messageKey)
        .containsOnly("error.unit.duplicate");
    assertThat(units(community)).isEqualTo(2);
  }

  @Test
  void gbkEncodedCsvFromExcelIsRead() {
    long community = newCommunity();
    String csv =
        String.join(",", HEADER)
            + "\r\n10,1,2,201,66.6,住宅,冯六,业主,13600000006,身份证,"
            + id(41)
            + ",\r\n";
    var report =
        importer.importFile(
            Demo.ADMIN,
            community,
            "units.csv",
            new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))),
            UnitImport.Mode.ALL_OR_NOTHING);
    assertThat(report.imported()).isTrue();
    assertThat(
            jdbc.sql("SELECT name FROM resident WHERE id_number = :i")
                .param("i", id(41))
                .query(String.class)
                .single())
        .isEqualTo("冯六");
  }

  @Test
  void importOverTheApiReportsRowsAndRefusesAnUnreadableFile() throws IOException {
    Api admin = Api.login(port, "admin");
    long community = newCommunity();
    var r =
        admin.postMultipart(
            "/api/v1/communities/" + community + "/import",
            "file",
            "units.xlsx",
            xlsx(mixedRows(50)),
            Map.of("mode", "ALL_OR_NOTHING"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("imported").asBoolean()).isFalse();
    assertThat(r.json().get("errors").size()).isEqualTo(4);

    var junk =
        admin.postMultipart(
            "/api/v1/communities/" + community + "/import",
            "file",
            "units.xlsx",
            "not a workbook".getBytes(),
            Map.of());
    assertThat(junk.status()).isEqualTo(400);
    assertThat(junk.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(units(community)).isZero();
  }
}
