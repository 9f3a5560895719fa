package com.wuye.center.upkeep.internal;

import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.Equipment;
import com.wuye.center.upkeep.EquipmentKind;
import com.wuye.center.upkeep.ScanCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The equipment register and its documents. */
@Repository
public class EquipmentRepository {

  private final JdbcClient jdbc;

  EquipmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A line of the register's list. */
  public record Row(
      long id,
      long communityId,
      String code,
      String name,
      EquipmentKind kind,
      String location,
      String buildingNumber,
      String model,
      String contractorName,
      String contractorPhone,
      Equipment.Status status,
      String statusReason) {}

  /** A document of an item (without its bytes). */
  public record DocumentRow(
      long id, long equipmentId, String title, String contentType, int size, Instant uploadedAt) {}

  /** A document with its bytes. */
  public record DocumentFile(
      long id,
      long equipmentId,
      long communityId,
      String title,
      String contentType,
      byte[] content) {}

  public long insert(Equipment e, Instant now) {
    Equipment.Details d = e.details();
    return jdbc.sql(
            "INSERT INTO upkeep_equipment (community_id, code, name, kind, building_id, location, model,"
                + " manufacturer, contractor_name, contractor_phone, installed_on, status, created_at)"
                + " VALUES (:c, :code, :name, :kind, :b, :loc, :model, :mf, :cn, :cp, :inst, :status, :now)"
                + " RETURNING id")
        .param("c", e.communityId())
        .param("code", e.code().value())
        .param("name", d.name())
        .param("kind", d.kind().name())
        .param("b", d.buildingId())
        .param("loc", d.location())
        .param("model", d.model())
        .param("mf", d.manufacturer())
        .param("cn", d.contractorName())
        .param("cp", d.contractorPhone())
        .param("inst", d.installedOn())
        .param("status", e.status().name())
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  public Optional<Equipment> find(long id) {
    return jdbc.sql("SELECT * FROM upkeep_equipment WHERE id = :id")
        .param("id", id)
        .query(EquipmentRepository::equipment)
        .optional();
  }

  public Equipment require(long id) {
    return find(id).orElseThrow(() -> DomainException.notFound("upkeep.error.equipmentNotFound"));
  }

  /** Saves a change if nobody saved another since it was loaded. */
  public void save(Equipment e) {
    Equipment.Details d = e.details();
    int n =
        jdbc.sql(
                "UPDATE upkeep_equipment SET name = :name, kind = :kind, building_id = :b, location = :loc,"
                    + " model = :model, manufacturer = :mf, contractor_name = :cn, contractor_phone = :cp,"
                    + " installed_on = :inst, status = :status, status_reason = :reason, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("name", d.name())
            .param("kind", d.kind().name())
            .param("b", d.buildingId())
            .param("loc", d.location())
            .param("model", d.model())
            .param("mf", d.manufacturer())
            .param("cn", d.contractorName())
            .param("cp", d.contractorPhone())
            .param("inst", d.installedOn())
            .param("status", e.status().name())
            .param("reason", e.statusReason())
            .param("id", e.id())
            .param("v", e.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  public List<Row> list(long communityId, EquipmentKind kind, Equipment.Status status) {
    return jdbc.sql(
            "SELECT e.*, b.number AS building_number FROM upkeep_equipment e"
                + " LEFT JOIN building b ON b.id = e.building_id WHERE e.community_id = :c"
                + " AND (CAST(:kind AS VARCHAR) IS NULL OR e.kind = :kind)"
                + " AND (CAST(:status AS VARCHAR) IS NULL OR e.status = :status)"
                + " ORDER BY e.status = 'RETIRED', e.kind, e.name")
        .param("c", communityId)
        .param("kind", kind == null ? null : kind.name())
        .param("status", status == null ? null : status.name())
        .query(EquipmentRepository::row)
        .list();
  }

  public Optional<Row> row(long id) {
    return jdbc.sql(
            "SELECT e.*, b.number AS building_number FROM upkeep_equipment e"
                + " LEFT JOIN building b ON b.id = e.building_id WHERE e.id = :id")
        .param("id", id)
        .query(EquipmentRepository::row)
        .optional();
  }

  // ---- documents

  public long insertDocument(
      long equipmentId,
      String title,
      String contentType,
      byte[] content,
      Instant at,
      long staffId) {
    return jdbc.sql(
            "INSERT INTO upkeep_equipment_document (equipment_id, title, content_type, content,"
                + " uploaded_at, uploaded_by_staff_id) VALUES (:e, :t, :ct, :c, :at, :s) RETURNING id")
        .param("e", equipmentId)
        .param("t", title)
        .param("ct", contentType)
        .param("c", content)
        .param("at", Timestamp.from(at))
        .param("s", staffId)
        .query(Long.class)
        .single();
  }

  public List<DocumentRow> documents(long equipmentId) {
    return jdbc.sql(
            "SELECT id, equipment_id, title, content_type, length(content) AS size, uploaded_at"
                + " FROM upkeep_equipment_document WHERE equipment_id = :e ORDER BY id")
        .param("e", equipmentId)
        .query(
            (rs, n) ->
                new DocumentRow(
                    rs.getLong("id"),
                    rs.getLong("equipment_id"),
                    rs.getString("title"),
                    rs.getString("content_type"),
                    rs.getInt("size"),
                    rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  public Optional<DocumentFile> document(long id) {
    return jdbc.sql(
            "SELECT d.id, d.equipment_id, e.community_id, d.title, d.content_type, d.content"
                + " FROM upkeep_equipment_document d JOIN upkeep_equipment e ON e.id = d.equipment_id"
                + " WHERE d.id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new DocumentFile(
                    rs.getLong("id"),
                    rs.getLong("equipment_id"),
                    rs.getLong("community_id"),
                    rs.getString("title"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional();
  }

  private static Equipment equipment(ResultSet rs, int n) throws SQLException {
    return Equipment.restore(
        rs.getLong("id"),
        rs.getLong("community_id"),
        new ScanCode(rs.getString("code")),
        details(rs),
        Equipment.Status.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        rs.getInt("version"));
  }

  private static Equipment.Details details(ResultSet rs) throws SQLException {
    return new Equipment.Details(
        rs.getString("name"),
        EquipmentKind.valueOf(rs.getString("kind")),
        (Long) rs.getObject("building_id", Long.class),
        rs.getString("location"),
        rs.getString("model"),
        rs.getString("manufacturer"),
        rs.getString("contractor_name"),
        rs.getString("contractor_phone"),
        rs.getObject("installed_on", LocalDate.class));
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("code"),
        rs.getString("name"),
        EquipmentKind.valueOf(rs.getString("kind")),
        rs.getString("location"),
        rs.getString("building_number"),
        rs.getString("model"),
        rs.getString("contractor_name"),
        rs.getString("contractor_phone"),
        Equipment.Status.valueOf(rs.getString("status")),
        rs.getString("status_reason"));
  }
}
