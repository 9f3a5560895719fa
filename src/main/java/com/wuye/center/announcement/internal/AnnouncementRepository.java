package com.wuye.center.announcement.internal;

import com.wuye.center.announcement.Announcement;
import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.announcement.Announcement.Content;
import com.wuye.center.announcement.Announcement.Decision;
import com.wuye.center.announcement.Announcement.Status;
import com.wuye.center.announcement.Announcement.Stored;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Announcements, their buildings, their reads and the bulletin boards' phone numbers. */
@Repository
public class AnnouncementRepository {

  private final JdbcClient jdbc;

  AnnouncementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(Announcement a) {
    Stored s = a.stored();
    long id =
        jdbc.sql(
                "INSERT INTO announcement (number, community_id, category, title, body, whole_community, starts_at, ends_at,"
                    + " status, written_by_staff_id, written_by_name, written_at)"
                    + " VALUES (:number, :community, :category, :title, :body, :whole, :starts, :ends, :status, :by, :byName, :at)"
                    + " RETURNING id")
            .param("number", s.number())
            .param("community", s.communityId())
            .param("category", s.content().category().name())
            .param("title", s.content().title())
            .param("body", s.content().body())
            .param("whole", s.content().wholeCommunity())
            .param("starts", ts(s.content().startsAt()))
            .param("ends", ts(s.content().endsAt()))
            .param("status", s.status().name())
            .param("by", s.writtenByStaffId())
            .param("byName", s.writtenByName())
            .param("at", ts(s.writtenAt()))
            .query(Long.class)
            .single();
    saveBuildings(id, s.content().buildingIds());
    return id;
  }

  /** Saves a changed announcement from the version it was read in (else 409). */
  public void save(Announcement a) {
    Stored s = a.stored();
    Decision d = s.decision();
    int n =
        jdbc.sql(
                "UPDATE announcement SET category = :category, title = :title, body = :body, whole_community = :whole,"
                    + " starts_at = :starts, ends_at = :ends, status = :status, written_at = :writtenAt,"
                    + " decided_by_staff_id = :decidedBy, decided_by_name = :decidedByName, decided_at = :decidedAt,"
                    + " decision_note = :note, withdrawn_at = :withdrawn, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("category", s.content().category().name())
            .param("title", s.content().title())
            .param("body", s.content().body())
            .param("whole", s.content().wholeCommunity())
            .param("starts", ts(s.content().startsAt()))
            .param("ends", ts(s.content().endsAt()))
            .param("status", s.status().name())
            .param("writtenAt", ts(s.writtenAt()))
            .param("decidedBy", d == null ? null : d.staffId())
            .param("decidedByName", d == null ? null : d.name())
            .param("decidedAt", d == null ? null : ts(d.at()))
            .param("note", d == null ? null : d.note())
            .param("withdrawn", ts(s.withdrawnAt()))
            .param("id", s.id())
            .param("v", s.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    jdbc.sql("DELETE FROM announcement_building WHERE announcement_id = :id")
        .param("id", s.id())
        .update();
    saveBuildings(s.id(), s.content().buildingIds());
  }

  private void saveBuildings(long id, Set<Long> buildingIds) {
    for (Long b : buildingIds) {
      jdbc.sql("INSERT INTO announcement_building (announcement_id, building_id) VALUES (:a, :b)")
          .param("a", id)
          .param("b", b)
          .update();
    }
  }

  public Optional<Announcement> load(long id) {
    return list(" WHERE a.id = :id", Map.of("id", id)).stream().findFirst();
  }

  /** A community's announcements, newest first, at most {@code limit}. */
  public List<Announcement> ofCommunity(long communityId, int limit) {
    return list(
        " WHERE a.community_id = :c ORDER BY a.id DESC LIMIT :limit",
        Map.of("c", communityId, "limit", limit));
  }

  /**
   * The approved announcements running at {@code now} for residents of these buildings of these
   * communities, newest start first.
   */
  public List<Announcement> running(
      Collection<Long> communityIds, Collection<Long> buildingIds, Instant now) {
    if (communityIds.isEmpty()) {
      return List.of();
    }
    return list(
        " WHERE a.status = 'APPROVED' AND a.community_id = ANY(:c) AND a.starts_at <= :now AND a.ends_at > :now"
            + " AND (a.whole_community OR EXISTS (SELECT 1 FROM announcement_building ab"
            + " WHERE ab.announcement_id = a.id AND ab.building_id = ANY(:b)))"
            + " ORDER BY a.starts_at DESC, a.id DESC",
        Map.of(
            "c",
            communityIds.toArray(Long[]::new),
            "b",
            buildingIds.toArray(Long[]::new),
            "now",
            ts(now)));
  }

  private List<Announcement> list(String where, Map<String, Object> params) {
    List<Row> rows =
        jdbc.sql("SELECT a.* FROM announcement a" + where)
            .params(params)
            .query(AnnouncementRepository::row)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Set<Long>> buildings = new HashMap<>();
    jdbc.sql("SELECT * FROM announcement_building WHERE announcement_id = ANY(:ids)")
        .param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    buildings
                        .computeIfAbsent(rs.getLong("announcement_id"), k -> new HashSet<>())
                        .add(rs.getLong("building_id")));
    return rows.stream()
        .map(r -> Announcement.restore(r.stored(buildings.getOrDefault(r.id(), Set.of()))))
        .toList();
  }

  /** A row before its buildings are read. */
  private record Row(
      long id,
      String number,
      long communityId,
      Category category,
      String title,
      String body,
      boolean whole,
      Instant startsAt,
      Instant endsAt,
      Status status,
      long writtenBy,
      String writtenByName,
      Instant writtenAt,
      Decision decision,
      Instant withdrawnAt,
      int version) {

    Stored stored(Set<Long> buildings) {
      return new Stored(
          id,
          number,
          communityId,
          new Content(category, title, body, whole, buildings, startsAt, endsAt),
          status,
          writtenBy,
          writtenByName,
          writtenAt,
          decision,
          withdrawnAt,
          version);
    }
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Long decidedBy = rs.getObject("decided_by_staff_id", Long.class);
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        Category.valueOf(rs.getString("category")),
        rs.getString("title"),
        rs.getString("body"),
        rs.getBoolean("whole_community"),
        instant(rs, "starts_at"),
        instant(rs, "ends_at"),
        Status.valueOf(rs.getString("status")),
        rs.getLong("written_by_staff_id"),
        rs.getString("written_by_name"),
        instant(rs, "written_at"),
        decidedBy == null
            ? null
            : new Decision(
                decidedBy,
                rs.getString("decided_by_name"),
                instant(rs, "decided_at"),
                rs.getString("decision_note")),
        instant(rs, "withdrawn_at"),
        rs.getInt("version"));
  }

  /** Records that a resident opened it; true the first time only. */
  public boolean recordRead(long announcementId, long residentId, long buildingId, Instant at) {
    return jdbc.sql(
                "INSERT INTO announcement_read (announcement_id, resident_id, building_id, read_at)"
                    + " VALUES (:a, :r, :b, :at) ON CONFLICT (announcement_id, resident_id) DO NOTHING")
            .param("a", announcementId)
            .param("r", residentId)
            .param("b", buildingId)
            .param("at", ts(at))
            .update()
        == 1;
  }

  /** Which of these announcements the resident has opened. */
  public Set<Long> readBy(long residentId, Collection<Long> announcementIds) {
    if (announcementIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "SELECT announcement_id FROM announcement_read WHERE resident_id = :r AND announcement_id = ANY(:a)")
            .param("r", residentId)
            .param("a", announcementIds.toArray(Long[]::new))
            .query(Long.class)
            .list());
  }

  /**
   * Per building it is for: the residents living there now, and how many of them opened it. Reads
   * the estate's occupancy for the count, as a report does (read only).
   */
  public record BuildingReads(long buildingId, String buildingNumber, long residents, long reads) {}

  public List<BuildingReads> readsPerBuilding(Announcement a) {
    String audience =
        a.content().wholeCommunity()
            ? "b.community_id = :c"
            : "b.id IN (SELECT building_id FROM announcement_building WHERE announcement_id = :a)";
    return jdbc.sql(
            "SELECT b.id, b.number,"
                + " (SELECT count(DISTINCT o.resident_id) FROM occupancy o JOIN unit u ON u.id = o.unit_id"
                + "  WHERE u.building_id = b.id AND o.moved_out IS NULL) AS residents,"
                + " (SELECT count(*) FROM announcement_read r WHERE r.announcement_id = :a AND r.building_id = b.id) AS reads"
                + " FROM building b WHERE "
                + audience
                + " ORDER BY length(b.number), b.number")
        .param("a", a.id())
        .param("c", a.communityId())
        .query(
            (rs, n) ->
                new BuildingReads(
                    rs.getLong("id"),
                    rs.getString("number"),
                    rs.getLong("residents"),
                    rs.getLong("reads")))
        .list();
  }

  /** The service center's phone printed on the community's notices. */
  public Optional<String> servicePhone(long communityId) {
    return jdbc.sql("SELECT service_phone FROM announcement_board WHERE community_id = :c")
        .param("c", communityId)
        .query(String.class)
        .optional();
  }

  public void saveServicePhone(long communityId, String phone) {
    jdbc.sql(
            "INSERT INTO announcement_board (community_id, service_phone) VALUES (:c, :p)"
                + " ON CONFLICT (community_id) DO UPDATE SET service_phone = :p,"
                + " version = announcement_board.version + 1")
        .param("c", communityId)
        .param("p", phone)
        .update();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
