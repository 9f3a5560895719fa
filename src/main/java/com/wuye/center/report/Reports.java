package com.wuye.center.report;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.StaffNotices;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What managers see, per community and per staff member, over a period: deadlines met,
 * satisfaction, conduct answers, integrity cases (managers only), and how far lesson-learned
 * notices have been read.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

  static final int MAX_DAYS = 366;

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final StaffNotices notices;
  private final DeadlineClocks clocks;
  private final Clock clock;

  Reports(
      JdbcClient jdbc,
      EstateDirectory estate,
      StaffNotices notices,
      DeadlineClocks clocks,
      Clock clock) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.notices = notices;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** Per community. Percentages and averages are null where nothing was counted. */
  public record CommunityLine(
      long communityId,
      String name,
      long repairsCompleted,
      long repairsConfirmed,
      long repairsClosed,
      Double repairsMetPercent,
      Double avgSpeed,
      Double avgService,
      long reopens,
      long openOverdueRepairs,
      long complaintsClosed,
      Double commitmentsMetPercent,
      long notSatisfiedRounds,
      long servicesConfirmed,
      Double servicesAvgRating,
      Long integrityCases) {}

  /**
   * Per staff member who closed or served something in the period. The residents' conduct answers:
   * asked, answered yes or no ({@code conductAnswers}: the answer rate is answers / asked), no, and
   * "don't remember" (asked, not counted as answered). Answers from the preset form of before V165
   * are not counted (V167).
   */
  public record StaffLine(
      long staffId,
      String name,
      long repairsCompleted,
      long repairsClosed,
      Double repairsMetPercent,
      Double avgSpeed,
      Double avgService,
      long reopens,
      long conductAsked,
      long conductAnswers,
      long conductNo,
      long conductUnsure,
      long servicesConfirmed,
      Double servicesAvgRating,
      Long integrityCases) {}

  public record NoticeLine(
      long id, String title, Instant publishedAt, int recipients, int acknowledged, int percent) {}

  public record Summary(
      int days,
      Long communityId,
      List<CommunityLine> communities,
      List<StaffLine> staff,
      List<NoticeLine> notices) {}

  public Summary summary(CurrentUser user, Long communityId, Integer days) {
    user.require(Role.MANAGER, Role.SUPERVISOR, Role.ADMIN);
    int d = days == null ? 30 : days;
    if (d < 1 || d > MAX_DAYS) {
      throw DomainException.invalid("days", "report.error.days", MAX_DAYS);
    }
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    List<Long> ids =
        estate.communitiesFor(user).stream()
            .map(Estate.Community::id)
            .filter(id -> communityId == null || id.equals(communityId))
            .toList();
    boolean integrity = user.has(Role.MANAGER);
    Instant now = clock.instant();
    Timestamp since = Timestamp.from(now.minus(Duration.ofDays(d)));
    Long[] c = ids.toArray(Long[]::new);
    Map<Long, Long> overdue =
        clocks.overdueByCommunity(RepairOrder.SUBJECT, RepairOrder.RESOLVE_CLOCK, ids, now);
    List<CommunityLine> communities =
        jdbc.sql(
                "SELECT cm.id, cm.name,"
                    + " count(f.id) FILTER (WHERE f.kind = 'REPAIR_COMPLETED') AS completed,"
                    + " count(f.id) FILTER (WHERE f.kind = 'REPAIR_CONFIRMED') AS confirmed,"
                    + " count(f.id) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS repairs,"
                    + " 100.0 * avg(CASE WHEN f.deadline_met THEN 1 ELSE 0 END) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS repairs_met,"
                    + " avg(f.rating_a) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS speed,"
                    + " avg(f.rating_b) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS service,"
                    + " coalesce(sum(f.rounds) FILTER (WHERE f.kind = 'REPAIR_CLOSED'), 0) AS reopens,"
                    + " count(f.id) FILTER (WHERE f.kind = 'COMPLAINT_CLOSED') AS complaints,"
                    + " 100.0 * avg(CASE WHEN f.deadline_met THEN 1 ELSE 0 END) FILTER (WHERE f.kind = 'COMPLAINT_CLOSED' AND f.deadline_met IS NOT NULL) AS commitments_met,"
                    + " coalesce(sum(f.rounds) FILTER (WHERE f.kind = 'COMPLAINT_CLOSED'), 0) AS not_satisfied,"
                    + " count(f.id) FILTER (WHERE f.kind = 'CONVENIENCE_CONFIRMED') AS services,"
                    + " avg(f.rating_a) FILTER (WHERE f.kind = 'CONVENIENCE_CONFIRMED') AS services_rating,"
                    + " count(f.id) FILTER (WHERE f.kind IN ('REPAIR_INTEGRITY', 'CONVENIENCE_INTEGRITY')) AS integrity"
                    + " FROM community cm LEFT JOIN report_fact f ON f.community_id = cm.id AND f.at >= :since"
                    + " WHERE cm.id = ANY(:c) GROUP BY cm.id, cm.name ORDER BY cm.name")
            .param("since", since)
            .param("c", c)
            .query(
                (rs, n) ->
                    new CommunityLine(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("completed"),
                        rs.getLong("confirmed"),
                        rs.getLong("repairs"),
                        dbl(rs, "repairs_met"),
                        dbl(rs, "speed"),
                        dbl(rs, "service"),
                        rs.getLong("reopens"),
                        overdue.getOrDefault(rs.getLong("id"), 0L),
                        rs.getLong("complaints"),
                        dbl(rs, "commitments_met"),
                        rs.getLong("not_satisfied"),
                        rs.getLong("services"),
                        dbl(rs, "services_rating"),
                        integrity ? rs.getLong("integrity") : null))
            .list();
    List<StaffLine> staff =
        jdbc.sql(
                "WITH facts AS (SELECT * FROM report_fact WHERE community_id = ANY(:c) AND at >= :since AND staff_id IS NOT NULL),"
                    + " conduct AS (SELECT staff_id, count(*) AS asked, count(*) FILTER (WHERE answer IN ('YES', 'NO')) AS answers,"
                    + "   count(*) FILTER (WHERE answer = 'NO') AS no, count(*) FILTER (WHERE answer = 'UNSURE') AS unsure FROM report_conduct"
                    + "   WHERE at >= :since AND community_id = ANY(:c) AND staff_id IS NOT NULL AND NOT preset GROUP BY staff_id)"
                    + " SELECT s.id, s.name,"
                    + " count(f.id) FILTER (WHERE f.kind = 'REPAIR_COMPLETED') AS completed,"
                    + " count(f.id) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS repairs,"
                    + " 100.0 * avg(CASE WHEN f.deadline_met THEN 1 ELSE 0 END) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS repairs_met,"
                    + " avg(f.rating_a) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS speed,"
                    + " avg(f.rating_b) FILTER (WHERE f.kind = 'REPAIR_CLOSED') AS service,"
                    + " coalesce(sum(f.rounds) FILTER (WHERE f.kind = 'REPAIR_CLOSED'), 0) AS reopens,"
                    + " coalesce(max(cd.asked), 0) AS conduct_asked, coalesce(max(cd.answers), 0) AS conduct_answers,"
                    + " coalesce(max(cd.no), 0) AS conduct_no, coalesce(max(cd.unsure), 0) AS conduct_unsure,"
                    + " count(f.id) FILTER (WHERE f.kind = 'CONVENIENCE_CONFIRMED') AS services,"
                    + " avg(f.rating_a) FILTER (WHERE f.kind = 'CONVENIENCE_CONFIRMED') AS services_rating,"
                    + " count(f.id) FILTER (WHERE f.kind IN ('REPAIR_INTEGRITY', 'CONVENIENCE_INTEGRITY')) AS integrity"
                    + " FROM staff s LEFT JOIN facts f ON f.staff_id = s.id LEFT JOIN conduct cd ON cd.staff_id = s.id"
                    + " WHERE s.id IN (SELECT staff_id FROM facts UNION SELECT staff_id FROM conduct)"
                    + " GROUP BY s.id, s.name ORDER BY s.name, s.id")
            .param("since", since)
            .param("c", c)
            .query(
                (rs, n) ->
                    new StaffLine(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("completed"),
                        rs.getLong("repairs"),
                        dbl(rs, "repairs_met"),
                        dbl(rs, "speed"),
                        dbl(rs, "service"),
                        rs.getLong("reopens"),
                        rs.getLong("conduct_asked"),
                        rs.getLong("conduct_answers"),
                        rs.getLong("conduct_no"),
                        rs.getLong("conduct_unsure"),
                        rs.getLong("services"),
                        dbl(rs, "services_rating"),
                        integrity ? rs.getLong("integrity") : null))
            .list();
    List<NoticeLine> noticeLines =
        notices.list(user, 0, 20).items().stream()
            .map(
                r ->
                    new NoticeLine(
                        r.notice().id(),
                        r.notice().title(),
                        r.notice().publishedAt(),
                        r.readRate().recipients(),
                        r.readRate().acknowledged(),
                        r.readRate().percent()))
            .toList();
    return new Summary(d, communityId, communities, staff, noticeLines);
  }

  private static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(v * 10) / 10.0;
  }
}
