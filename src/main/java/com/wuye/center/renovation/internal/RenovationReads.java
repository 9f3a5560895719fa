package com.wuye.center.renovation.internal;

import static com.wuye.center.renovation.internal.Rows.instant;

import com.wuye.center.renovation.InspectionKind;
import com.wuye.center.renovation.RenovationApplication.Channel;
import com.wuye.center.renovation.RenovationApplication.EventType;
import com.wuye.center.renovation.RenovationApplication.Status;
import com.wuye.center.renovation.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** What the renovation pages read besides the aggregate: lists, the form's facts, the timeline. */
@Repository
public class RenovationReads {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RenovationReads(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** An application in a list. */
  public record Row(
      long id,
      String number,
      String communityName,
      String unitCode,
      String applicantName,
      String company,
      LocalDate startDate,
      LocalDate endDate,
      Status status,
      Instant submittedAt) {}

  private static final String ROW =
      "SELECT a.id, a.number, c.name AS community_name, a.unit_code, a.applicant_name, a.company,"
          + " a.start_date, a.end_date, a.status, a.submitted_at FROM renovation_application a"
          + " JOIN community c ON c.id = a.community_id";

  /** Applications of the communities (null: all), in a status (null: any), newest first. */
  public List<Row> list(Long[] communities, List<String> statuses, int limit, long offset) {
    return jdbc.sql(
            ROW + where(communities, statuses) + " ORDER BY a.id DESC LIMIT :limit OFFSET :offset")
        .params(params(communities, statuses))
        .param("limit", limit)
        .param("offset", offset)
        .query(RenovationReads::row)
        .list();
  }

  public long count(Long[] communities, List<String> statuses) {
    return jdbc.sql("SELECT count(*) FROM renovation_application a" + where(communities, statuses))
        .params(params(communities, statuses))
        .query(Long.class)
        .single();
  }

  private static String where(Long[] communities, List<String> statuses) {
    StringBuilder w = new StringBuilder(" WHERE true");
    if (communities != null) {
      w.append(" AND a.community_id = ANY(:communities)");
    }
    if (statuses != null) {
      w.append(" AND a.status IN (:statuses)");
    }
    return w.toString();
  }

  private static Map<String, Object> params(Long[] communities, List<String> statuses) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (communities != null) {
      p.put("communities", communities);
    }
    if (statuses != null) {
      p.put("statuses", statuses);
    }
    return p;
  }

  /** The applications of the units a resident occupies or that they submitted, newest first. */
  public List<Row> ofResident(long residentId) {
    return jdbc.sql(
            ROW
                + " WHERE a.applicant_resident_id = :r OR a.unit_id IN"
                + " (SELECT unit_id FROM occupancy WHERE resident_id = :r AND moved_out IS NULL)"
                + " ORDER BY a.id DESC LIMIT 100")
        .param("r", residentId)
        .query(RenovationReads::row)
        .list();
  }

  /** What the application says (as submitted). */
  public record Header(
      long id,
      String number,
      String permitCode,
      String communityName,
      String unitCode,
      Channel channel,
      String applicantName,
      String applicantPhone,
      String company,
      String foremanName,
      String foremanPhone,
      List<Scope> scope,
      String description,
      String rulesText,
      Instant rulesAcceptedAt,
      Instant submittedAt) {}

  public Optional<Header> header(long id) {
    return jdbc.sql(
            "SELECT a.*, c.name AS community_name FROM renovation_application a"
                + " JOIN community c ON c.id = a.community_id WHERE a.id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Header(
                    rs.getLong("id"),
                    rs.getString("number"),
                    rs.getString("permit_code"),
                    rs.getString("community_name"),
                    rs.getString("unit_code"),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getString("applicant_name"),
                    rs.getString("applicant_phone"),
                    rs.getString("company"),
                    rs.getString("foreman_name"),
                    rs.getString("foreman_phone"),
                    Arrays.stream((String[]) rs.getArray("scope").getArray())
                        .map(Scope::valueOf)
                        .toList(),
                    rs.getString("description"),
                    rs.getString("rules_text"),
                    instant(rs, "rules_accepted_at"),
                    instant(rs, "submitted_at")))
        .optional();
  }

  /** A registered worker as the pages show them (the ID masked, the phone whole for staff). */
  public record WorkerRow(String name, String idType, String idMasked, String phone) {}

  public List<WorkerRow> workers(long id) {
    return jdbc.sql(
            "SELECT name, id_type, id_masked, phone FROM renovation_worker WHERE application_id = :a ORDER BY position")
        .param("a", id)
        .query(
            (rs, n) ->
                new WorkerRow(
                    rs.getString("name"),
                    rs.getString("id_type"),
                    rs.getString("id_masked"),
                    rs.getString("phone")))
        .list();
  }

  /** A drawing or photo: its id and kind (served by its own address). */
  public record FileRow(long id, String kind, Long visitId) {}

  public List<FileRow> files(long id) {
    return jdbc.sql(
            "SELECT id, kind, visit_id FROM renovation_file WHERE application_id = :a ORDER BY id")
        .param("a", id)
        .query(
            (rs, n) ->
                new FileRow(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    (Long) rs.getObject("visit_id", Long.class)))
        .list();
  }

  public record FileData(String contentType, byte[] data) {}

  public Optional<FileData> file(long applicationId, long fileId) {
    return jdbc.sql(
            "SELECT content_type, data FROM renovation_file WHERE id = :f AND application_id = :a")
        .param("f", fileId)
        .param("a", applicationId)
        .query((rs, n) -> new FileData(rs.getString("content_type"), rs.getBytes("data")))
        .optional();
  }

  /** A visit of an inspector, with its checklist answers. */
  public record VisitRow(
      long id,
      InspectionKind kind,
      Instant at,
      String inspectorName,
      Map<String, Boolean> checklist,
      String findings,
      boolean passed) {}

  public List<VisitRow> visits(long id) {
    return jdbc.sql(
            "SELECT v.*, i.kind FROM renovation_inspection_visit v JOIN renovation_inspection i ON i.id = v.inspection_id"
                + " WHERE i.application_id = :a ORDER BY v.id")
        .param("a", id)
        .query(
            (rs, n) ->
                new VisitRow(
                    rs.getLong("id"),
                    InspectionKind.valueOf(rs.getString("kind")),
                    instant(rs, "at"),
                    rs.getString("inspector_name"),
                    json.readValue(
                        rs.getString("checklist"),
                        new TypeReference<LinkedHashMap<String, Boolean>>() {}),
                    rs.getString("findings"),
                    rs.getBoolean("passed")))
        .list();
  }

  public record ComplaintRow(long complaintId, String number, String linkedBy, Instant linkedAt) {}

  public List<ComplaintRow> complaints(long id) {
    return jdbc.sql(
            "SELECT complaint_id, complaint_number, linked_by_name, linked_at FROM renovation_complaint"
                + " WHERE application_id = :a ORDER BY linked_at")
        .param("a", id)
        .query(
            (rs, n) ->
                new ComplaintRow(
                    rs.getLong("complaint_id"),
                    rs.getString("complaint_number"),
                    rs.getString("linked_by_name"),
                    instant(rs, "linked_at")))
        .list();
  }

  /** An entry of the timeline. */
  public record Event(EventType type, String detail, String text, String actorName, Instant at) {}

  public List<Event> timeline(long id) {
    return jdbc.sql("SELECT * FROM renovation_event WHERE application_id = :a ORDER BY id")
        .param("a", id)
        .query(
            (rs, n) ->
                new Event(
                    EventType.valueOf(rs.getString("type")),
                    rs.getString("detail"),
                    rs.getString("text"),
                    rs.getString("actor_name"),
                    instant(rs, "at")))
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getString("community_name"),
        rs.getString("unit_code"),
        rs.getString("applicant_name"),
        rs.getString("company"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        Status.valueOf(rs.getString("status")),
        instant(rs, "submitted_at"));
  }
}
