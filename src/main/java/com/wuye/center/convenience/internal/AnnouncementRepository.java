package com.wuye.center.convenience.internal;

import com.wuye.center.convenience.Announcement;
import com.wuye.center.convenience.Announcement.Delivery;
import com.wuye.center.convenience.Announcement.DeliveryMethod;
import com.wuye.center.convenience.Announcement.Posting;
import com.wuye.center.convenience.Announcement.PostingKind;
import com.wuye.center.convenience.Offering;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stores announcements, their postings and flyer deliveries. */
@Repository
public class AnnouncementRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AnnouncementRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public long insert(
      long communityId, String title, List<Offering> services, Instant at, String by) {
    return jdbc.sql(
            "INSERT INTO convenience_announcement (community_id, title, catalog, issued_at, issued_by)"
                + " VALUES (:c, :t, CAST(:catalog AS jsonb), :at, :by) RETURNING id")
        .param("c", communityId)
        .param("t", title)
        .param("catalog", json.writeValueAsString(services))
        .param("at", OrderRepository.ts(at))
        .param("by", by)
        .query(Long.class)
        .single();
  }

  public Optional<Announcement> find(long id) {
    return jdbc.sql("SELECT * FROM convenience_announcement WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  public List<Announcement> list(long communityId) {
    return jdbc.sql(
            "SELECT * FROM convenience_announcement WHERE community_id = :c ORDER BY id DESC LIMIT 100")
        .param("c", communityId)
        .query(this::map)
        .list();
  }

  public long addPosting(
      long announcementId,
      PostingKind kind,
      String location,
      Instant postedAt,
      String by,
      String byName) {
    return jdbc.sql(
            "INSERT INTO convenience_posting (announcement_id, kind, location, posted_at, recorded_by, recorded_by_name)"
                + " VALUES (:a, :k, :l, :at, :by, :name) RETURNING id")
        .param("a", announcementId)
        .param("k", kind.name())
        .param("l", location)
        .param("at", OrderRepository.ts(postedAt))
        .param("by", by)
        .param("name", byName)
        .query(Long.class)
        .single();
  }

  public List<Posting> postings(long announcementId) {
    return jdbc.sql(
            "SELECT * FROM convenience_posting WHERE announcement_id = :a ORDER BY posted_at, id")
        .param("a", announcementId)
        .query(
            (rs, n) ->
                new Posting(
                    rs.getLong("id"),
                    PostingKind.valueOf(rs.getString("kind")),
                    rs.getString("location"),
                    OrderRepository.instant(rs, "posted_at"),
                    rs.getString("recorded_by_name")))
        .list();
  }

  /** The deliveries of one building, by unit id. */
  public Map<Long, Delivery> deliveries(long announcementId, long buildingId) {
    Map<Long, Delivery> out = new HashMap<>();
    jdbc.sql(
            "SELECT * FROM convenience_flyer_delivery WHERE announcement_id = :a AND building_id = :b")
        .param("a", announcementId)
        .param("b", buildingId)
        .query(AnnouncementRepository::delivery)
        .list()
        .forEach(d -> out.put(d.unitId(), d));
    return out;
  }

  /** Delivered flyers per building. */
  public Map<Long, Integer> deliveredPerBuilding(long announcementId) {
    Map<Long, Integer> out = new HashMap<>();
    jdbc.sql(
            "SELECT building_id, count(*) AS n FROM convenience_flyer_delivery WHERE announcement_id = :a GROUP BY building_id")
        .param("a", announcementId)
        .query((rs, n) -> Map.entry(rs.getLong("building_id"), rs.getInt("n")))
        .list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public int addDeliveries(
      long announcementId,
      long buildingId,
      Collection<Long> unitIds,
      DeliveryMethod method,
      Instant at,
      String by,
      String byName) {
    int n = 0;
    for (Long unit : unitIds) {
      n +=
          jdbc.sql(
                  "INSERT INTO convenience_flyer_delivery (announcement_id, unit_id, building_id, method, delivered_at, delivered_by, delivered_by_name)"
                      + " VALUES (:a, :u, :b, :m, :at, :by, :name) ON CONFLICT DO NOTHING")
              .param("a", announcementId)
              .param("u", unit)
              .param("b", buildingId)
              .param("m", method.name())
              .param("at", OrderRepository.ts(at))
              .param("by", by)
              .param("name", byName)
              .update();
    }
    return n;
  }

  public int removeDeliveries(long announcementId, Collection<Long> unitIds) {
    if (unitIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "DELETE FROM convenience_flyer_delivery WHERE announcement_id = :a AND unit_id = ANY(:u)")
        .param("a", announcementId)
        .param("u", unitIds.toArray(Long[]::new))
        .update();
  }

  private Announcement map(ResultSet rs, int n) throws SQLException {
    List<Offering> services =
        json.readValue(rs.getString("catalog"), new TypeReference<List<Offering>>() {});
    return new Announcement(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("title"),
        services,
        OrderRepository.instant(rs, "issued_at"),
        rs.getString("issued_by"));
  }

  static Delivery delivery(ResultSet rs, int n) throws SQLException {
    return new Delivery(
        rs.getLong("unit_id"),
        rs.getLong("building_id"),
        DeliveryMethod.valueOf(rs.getString("method")),
        OrderRepository.instant(rs, "delivered_at"),
        rs.getString("delivered_by_name"));
  }
}
