package com.wuye.center.demo;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DocumentNumber;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Months of history for one community, in bulk SQL writing the rows the areas write themselves:
 * repairs with their timelines, clocks (met and breached), conduct answers (some "no"),
 * confirmations, ratings, return visits and the report's facts; complaints through the eight steps
 * (some residents unsatisfied once); consultations (written ones replied within two days or not);
 * medical emergencies with their steps. Deterministic for a seed; numbers are reserved from the
 * same day series the areas use, so later records never collide. Orders of the last days before
 * {@code end} are left to the areas' own demo data (open work).
 */
@Component
public class DemoHistory {

  /** How many records of each kind were written. */
  public record Result(int repairs, int complaints, int inquiries, int emergencies) {}

  private static final byte[] SIGNATURE =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
  private static final String[] CATEGORIES = {
    "WATER_ELECTRIC", "WATER_ELECTRIC", "DOOR_WINDOW", "DRAIN", "DRAIN", "ELEVATOR", "OTHER"
  };
  private static final Map<String, String> WORDS =
      Map.of(
          "WATER_ELECTRIC", "卫生间水龙头漏水，关不紧",
          "DOOR_WINDOW", "阳台推拉门卡住，推不动",
          "DRAIN", "厨房下水道堵塞，水排不下去",
          "ELEVATOR", "电梯按钮失灵",
          "OTHER", "入户门门铃不响");
  private static final String[] ITEMS = {
    "WORK_CARD", "INTRODUCED", "FLOOR_PROTECTED", "SITE_CLEANED", "WASTE_REMOVED", "SITE_RESTORED"
  };
  private static final String[] STEP_TEXT = {
    "感谢您把问题告诉我们。",
    "您的意见帮助我们改进服务。",
    "对给您带来的不便深表歉意。",
    "我们会在承诺时间内解决。",
    "已向您了解发生的时间、地点和经过。",
    "已安排责任人员整改完毕。",
    "已回访业户。",
    "已纳入班组例会讲评。"
  };

  private final JdbcTemplate jdbc;

  DemoHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private record Unit(long id, long building, String code, String owner, String phone) {}

  private record Person(long id, String username, String name) {}

  /**
   * Writes {@code days} days of history ending six days before {@code end} (so even a late return
   * visit is in the past) for the community (which needs units and at least one technician and one
   * customer-service member).
   */
  @Transactional
  public Result generate(long communityId, long seed, Instant end, int days) {
    Random rnd = new Random(seed);
    String community =
        jdbc.queryForObject("SELECT name FROM community WHERE id = ?", String.class, communityId);
    List<Unit> units =
        jdbc.query(
            "SELECT u.id, u.building_id, u.code, r.name, r.phone FROM unit u"
                + " LEFT JOIN LATERAL (SELECT re.name, re.phone FROM occupancy o JOIN resident re ON re.id = o.resident_id"
                + "   WHERE o.unit_id = u.id AND o.moved_out IS NULL ORDER BY o.id LIMIT 1) r ON true"
                + " WHERE u.community_id = ? ORDER BY u.id",
            (rs, n) ->
                new Unit(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            communityId);
    List<Person> techs = staff(communityId, "TECHNICIAN");
    List<Person> service = staff(communityId, "CUSTOMER_SERVICE");
    List<Person> security = staff(communityId, "SECURITY");
    List<Person> leads = staff(communityId, "SUPERVISOR");
    if (units.isEmpty() || techs.isEmpty() || service.isEmpty()) {
      return new Result(0, 0, 0, 0);
    }
    Person lead = leads.isEmpty() ? service.get(0) : leads.get(0);
    LocalDate last = LocalDate.ofInstant(end, ClockConfiguration.ZONE).minusDays(6);
    LocalDate first = last.minusDays(days - 1L);
    Batches b = new Batches(jdbc);
    int repairs = 0;
    int complaints = 0;
    int inquiries = 0;
    int emergencies = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      // later months run a little better: the managers' charts show a trend
      double progress = (double) java.time.temporal.ChronoUnit.DAYS.between(first, day) / days;
      int n = 3 + rnd.nextInt(Math.max(2, units.size() / 40));
      List<Instant> at = times(rnd, day, n, 7, 20);
      for (int i = 0; i < n; i++) {
        repairs +=
            repair(
                b,
                rnd,
                communityId,
                units.get(rnd.nextInt(units.size())),
                techs,
                service,
                at.get(i),
                progress);
      }
      if (rnd.nextInt(3) == 0) {
        complaints += complaint(b, rnd, communityId, community, units, service, lead, day);
      }
      if (rnd.nextInt(10) < 8) {
        inquiries += inquiry(b, rnd, communityId, community, units, service, day);
      }
      if (!security.isEmpty() && rnd.nextInt(7) == 0) {
        emergencies += emergency(b, rnd, communityId, community, units, service, security, day);
      }
    }
    b.flush();
    return new Result(repairs, complaints, inquiries, emergencies);
  }

  private List<Person> staff(long community, String role) {
    return jdbc.query(
        "SELECT s.id, coalesce(a.username, 'staff-' || s.id), s.name FROM staff s"
            + " JOIN staff_community sc ON sc.staff_id = s.id AND sc.community_id = ?"
            + " JOIN staff_role r ON r.staff_id = s.id AND r.role = ?"
            + " LEFT JOIN account a ON a.staff_id = s.id WHERE s.active ORDER BY s.id",
        (rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3)),
        community,
        role);
  }

  private static List<Instant> times(Random rnd, LocalDate day, int n, int fromHour, int toHour) {
    List<Instant> out = new ArrayList<>();
    ZonedDateTime start = day.atTime(fromHour, 0).atZone(ClockConfiguration.ZONE);
    for (int i = 0; i < n; i++) {
      out.add(start.plusMinutes(rnd.nextInt((toHour - fromHour) * 60)).toInstant());
    }
    out.sort(null);
    return out;
  }

  private int repair(
      Batches b,
      Random rnd,
      long community,
      Unit unit,
      List<Person> techs,
      List<Person> service,
      Instant reported,
      double progress) {
    int t = rnd.nextInt(techs.size());
    Person tech = techs.get(t);
    Person cs = service.get(rnd.nextInt(service.size()));
    // the second technician is slower and less careful: per-staff charts differ
    double breachP = (t % 2 == 1 ? 0.22 : 0.08) * (1.3 - 0.6 * progress);
    double noP = t % 2 == 1 ? 0.07 : 0.02;
    String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
    boolean emergency = rnd.nextInt(12) == 0;
    boolean common = unit.owner() == null || rnd.nextInt(8) == 0;
    long id = b.id("repair_order");
    String number = b.number("BX", "BX", reported);
    long resolveClock = b.id("deadline_clock");
    Long arriveClock = emergency ? b.id("deadline_clock") : null;
    Instant due = reported.plus(Duration.ofHours(24));
    Instant arriveDue = emergency ? reported.plus(Duration.ofMinutes(30)) : null;
    String link = "/staff/repairs/" + id;
    boolean cancelled = rnd.nextInt(30) == 0;
    List<Object[]> events = new ArrayList<>();
    events.add(ev(id, reported, "REPORTED", cs, null));
    if (cancelled) {
      Instant at = reported.plus(Duration.ofMinutes(20 + rnd.nextInt(120)));
      events.add(ev(id, at, "CANCELLED", cs, "住户来电：已自行解决"));
      b.add(
          "INSERT INTO repair_order (id, number, community_id, building_id, unit_id, unit_code, area, location, category,"
              + " description, emergency, channel, contact_name, contact_phone, status, assignee_staff_id, reporter_staff_id,"
              + " reported_at, due_at, arrive_due_at, resolve_clock_id, arrive_clock_id, cancelled_at, cancel_reason)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PHONE', ?, ?, 'CANCELLED', NULL, ?, ?, ?, ?, ?, ?, ?, '住户来电：已自行解决')",
          id,
          number,
          community,
          unit.building(),
          common ? null : unit.id(),
          common ? null : unit.code(),
          common ? "COMMON" : "UNIT",
          common ? "公共区域 " + unit.code().split("-")[0] + " 号楼大堂" : null,
          category,
          WORDS.get(category),
          emergency,
          common ? null : unit.owner(),
          common ? null : unit.phone(),
          cs.id(),
          ts(reported),
          ts(due),
          ts(arriveDue),
          resolveClock,
          arriveClock,
          ts(at));
      clock(
          b,
          resolveClock,
          "resolve",
          "报修单 " + number,
          link,
          community,
          null,
          id,
          reported,
          86400,
          at);
      if (emergency) {
        clock(
            b,
            arriveClock,
            "arrive",
            "紧急报修单 " + number + " 到场",
            link,
            community,
            null,
            id,
            reported,
            1800,
            at);
      }
      events.forEach(e -> b.add(EVENT, e));
      return 1;
    }
    Instant dispatched = reported.plus(Duration.ofMinutes(3 + rnd.nextInt(emergency ? 5 : 40)));
    Instant accepted = dispatched.plus(Duration.ofMinutes(2 + rnd.nextInt(emergency ? 5 : 20)));
    Instant arrived =
        accepted.plus(Duration.ofMinutes(emergency ? 5 + rnd.nextInt(30) : 20 + rnd.nextInt(180)));
    boolean breached = rnd.nextDouble() < breachP;
    Instant completed =
        breached
            ? reported.plus(Duration.ofMinutes(24 * 60 + 30 + rnd.nextInt(36 * 60)))
            : arrived.plus(Duration.ofMinutes(20 + (long) (Math.abs(rnd.nextGaussian()) * 240)));
    if (!breached && completed.isAfter(due)) {
      completed = due.minus(Duration.ofMinutes(10 + rnd.nextInt(60)));
    }
    if (completed.isBefore(arrived)) {
      completed = arrived.plus(Duration.ofMinutes(15));
    }
    boolean reopened = rnd.nextInt(16) == 0;
    events.add(ev(id, dispatched, "DISPATCHED", cs, "派给 " + tech.name()));
    events.add(ev(id, accepted, "ACCEPTED", tech, null));
    events.add(ev(id, arrived, "ARRIVED", tech, null));
    conductTech(b, id, 0, arrived, completed);
    events.add(ev(id, completed, "COMPLETED", tech, null));
    Instant lastCompleted = completed;
    int rounds = 0;
    Instant confirmed = completed.plus(Duration.ofMinutes(5 + rnd.nextInt(30)));
    if (reopened) {
      fact(
          b,
          "REPAIR_COMPLETED",
          id,
          number,
          community,
          tech.id(),
          null,
          null,
          null,
          0,
          null,
          completed);
      b.add(CONFIRMATION, id, 0, false, "问题没有解决，还在漏", tech.id(), signer(unit, cs), ts(confirmed));
      fact(
          b,
          "REPAIR_CONFIRMED",
          id,
          number,
          community,
          tech.id(),
          null,
          null,
          null,
          0,
          "NOT_SATISFIED",
          confirmed);
      events.add(ev(id, confirmed, "NOT_SATISFIED", tech, "问题没有解决，还在漏"));
      Instant reopenAt = confirmed.plus(Duration.ofMinutes(1));
      events.add(ev(id, reopenAt, "REOPENED", cs, null));
      b.add(CLOCK_EVENT, resolveClock, "REOPENED", ts(reopenAt), null, cs.username());
      Instant again = reopenAt.plus(Duration.ofMinutes(60 + rnd.nextInt(600)));
      events.add(ev(id, again, "ARRIVED", tech, null));
      lastCompleted = again.plus(Duration.ofMinutes(30 + rnd.nextInt(120)));
      conductTech(b, id, 1, again, lastCompleted);
      events.add(ev(id, lastCompleted, "COMPLETED", tech, null));
      confirmed = lastCompleted.plus(Duration.ofMinutes(5 + rnd.nextInt(30)));
      rounds = 1;
    }
    boolean met = !lastCompleted.isAfter(due);
    int speed = met ? 4 + rnd.nextInt(2) : 2 + rnd.nextInt(2);
    int serviceRating = rnd.nextDouble() < noP * 3 ? 3 : 4 + rnd.nextInt(2);
    fact(
        b,
        "REPAIR_COMPLETED",
        id,
        number,
        community,
        tech.id(),
        null,
        null,
        null,
        0,
        null,
        lastCompleted);
    b.add(CONFIRMATION, id, rounds, true, null, tech.id(), signer(unit, cs), ts(confirmed));
    events.add(ev(id, confirmed, "CONFIRMED", tech, null));
    fact(
        b,
        "REPAIR_CONFIRMED",
        id,
        number,
        community,
        tech.id(),
        null,
        speed,
        serviceRating,
        0,
        "SATISFIED",
        confirmed);
    for (String item : ITEMS) {
      double r = rnd.nextDouble();
      // the resident's own answer to each question (none preset): yes, no or 记不清
      String answer = r < noP ? "NO" : r < noP + 0.05 ? "UNSURE" : "YES";
      b.add(
          "INSERT INTO repair_conduct (order_id, round, source, item, reply, at) VALUES (?, ?, 'RESIDENT', ?, ?, ?)",
          id,
          rounds,
          item,
          answer,
          ts(confirmed));
      b.add(
          "INSERT INTO report_conduct (order_id, item, answer, community_id, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)",
          id,
          item,
          answer,
          community,
          tech.id(),
          ts(confirmed));
    }
    b.add(
        "INSERT INTO repair_rating (order_id, speed, service, comment, at) VALUES (?, ?, ?, ?, ?)",
        id,
        speed,
        serviceRating,
        speed >= 4 ? "师傅很专业，谢谢" : "等得有点久",
        ts(confirmed));
    Instant visit = confirmed.plus(Duration.ofHours(20 + rnd.nextInt(30)));
    b.add(
        "INSERT INTO repair_return_visit (order_id, round, staff_id, channel, satisfied, note, at) VALUES (?, ?, ?, 'PHONE', true, '电话回访：业户满意', ?)",
        id,
        rounds,
        cs.id(),
        ts(visit));
    events.add(ev(id, visit, "RETURN_VISIT", cs, "电话回访：业户满意"));
    events.add(ev(id, visit, "CLOSED", cs, null));
    fact(
        b,
        "REPAIR_CLOSED",
        id,
        number,
        community,
        tech.id(),
        met,
        speed,
        serviceRating,
        rounds,
        null,
        visit);
    b.add(
        "INSERT INTO repair_order (id, number, community_id, building_id, unit_id, unit_code, area, location, category,"
            + " description, emergency, channel, contact_name, contact_phone, status, assignee_staff_id, reporter_staff_id,"
            + " reported_at, due_at, arrive_due_at, resolve_clock_id, arrive_clock_id, dispatched_at, accepted_at, arrived_at,"
            + " completed_at, confirmed_at, closed_at, reopen_count)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PHONE', ?, ?, 'CLOSED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        number,
        community,
        unit.building(),
        common ? null : unit.id(),
        common ? null : unit.code(),
        common ? "COMMON" : "UNIT",
        common ? "公共区域 " + unit.code().split("-")[0] + " 号楼大堂" : null,
        category,
        WORDS.get(category),
        emergency,
        common ? null : unit.owner(),
        common ? null : unit.phone(),
        tech.id(),
        cs.id(),
        ts(reported),
        ts(due),
        ts(arriveDue),
        resolveClock,
        arriveClock,
        ts(dispatched),
        ts(accepted),
        ts(arrived),
        ts(lastCompleted),
        ts(confirmed),
        ts(visit),
        rounds);
    clock(
        b,
        resolveClock,
        "resolve",
        "报修单 " + number,
        link,
        community,
        tech,
        id,
        reported,
        86400,
        lastCompleted);
    if (!met) {
      b.add(
          "INSERT INTO deadline_escalation (clock_id, level, fired_at, notified) VALUES (?, 'BREACH', ?, 2)",
          resolveClock,
          ts(due));
    }
    if (emergency) {
      clock(
          b,
          arriveClock,
          "arrive",
          "紧急报修单 " + number + " 到场",
          link,
          community,
          tech,
          id,
          reported,
          1800,
          arrived);
    }
    events.forEach(e -> b.add(EVENT, e));
    return 1;
  }

  private static final String EVENT =
      "INSERT INTO repair_event (order_id, at, type, actor, actor_name, note) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String CONFIRMATION =
      "INSERT INTO repair_confirmation (order_id, round, satisfied, reason, channel, device_staff_id, signer_name,"
          + " signature_png, extra_asked, at) VALUES (?, ?, ?, ?, 'TECHNICIAN_DEVICE', ?, ?, '"
          + "\\x"
          + java.util.HexFormat.of().formatHex(SIGNATURE)
          + "'::bytea, false, ?)";
  private static final String CLOCK_EVENT =
      "INSERT INTO deadline_clock_event (clock_id, type, at, reason, actor) VALUES (?, ?, ?, ?, ?)";

  private static String signer(Unit unit, Person cs) {
    return unit.owner() == null ? cs.name() : unit.owner();
  }

  private static Object[] ev(long order, Instant at, String type, Person who, String note) {
    return new Object[] {order, ts(at), type, who.username(), who.name(), note};
  }

  private static void conductTech(Batches b, long order, int round, Instant arrived, Instant done) {
    for (int i = 0; i < ITEMS.length; i++) {
      b.add(
          "INSERT INTO repair_conduct (order_id, round, source, item, answer, at) VALUES (?, ?, 'TECHNICIAN', ?, true, ?)",
          order,
          round,
          ITEMS[i],
          ts(i < 3 ? arrived : done));
    }
  }

  private static void clock(
      Batches b,
      long id,
      String purpose,
      String label,
      String link,
      long community,
      Person assignee,
      long order,
      Instant started,
      long target,
      Instant stopped) {
    b.add(
        "INSERT INTO deadline_clock (id, subject_type, subject_id, purpose, label, link, community_id, assignee_staff_id,"
            + " started_at, target_seconds, state, due_at, stopped_at) OVERRIDING SYSTEM VALUE"
            + " VALUES (?, 'repair', ?, ?, ?, ?, ?, ?, ?, ?, 'STOPPED', ?, ?)",
        id,
        String.valueOf(order),
        purpose,
        label,
        link,
        community,
        assignee == null ? null : assignee.id(),
        ts(started),
        target,
        ts(started.plusSeconds(target)),
        ts(stopped));
    b.add(CLOCK_EVENT, id, "STARTED", ts(started), null, "system");
    if (assignee != null) {
      b.add(CLOCK_EVENT, id, "ASSIGNED", ts(started.plusSeconds(60)), null, "system");
    }
    b.add(CLOCK_EVENT, id, "STOPPED", ts(stopped), null, "system");
  }

  private static void fact(
      Batches b,
      String kind,
      long source,
      String number,
      long community,
      Long staff,
      Boolean met,
      Integer a,
      Integer c,
      int rounds,
      String outcome,
      Instant at) {
    b.add(
        "INSERT INTO report_fact (kind, source_id, number, community_id, staff_id, deadline_met, rating_a, rating_b, rounds, outcome, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        kind,
        source,
        number,
        community,
        staff,
        met,
        a,
        c,
        rounds,
        outcome,
        ts(at));
  }

  private int complaint(
      Batches b,
      Random rnd,
      long community,
      String communityName,
      List<Unit> units,
      List<Person> service,
      Person owner,
      LocalDate day) {
    Unit unit = units.get(rnd.nextInt(units.size()));
    if (unit.owner() == null) {
      return 0;
    }
    Person cs = service.get(rnd.nextInt(service.size()));
    Instant received = times(rnd, day, 1, 8, 19).get(0);
    long id = b.id("complaint");
    String number = b.number("TS", "complaint-", received);
    boolean unsatisfiedOnce = rnd.nextInt(7) == 0;
    int round = unsatisfiedOnce ? 2 : 1;
    Instant promised = received.plus(Duration.ofHours(24 + rnd.nextInt(48)));
    boolean met = rnd.nextInt(6) != 0;
    Instant fixed =
        met
            ? received.plus(Duration.ofMinutes(60 + rnd.nextInt(20 * 60)))
            : promised.plus(Duration.ofHours(4 + rnd.nextInt(40)));
    Instant t = received;
    List<Object[]> steps = new ArrayList<>();
    for (int s = 1; s <= 8; s++) {
      Instant at = s == 6 ? fixed : s < 6 ? t.plus(Duration.ofMinutes(2L * s)) : null;
      if (s == 7) {
        at = fixed.plus(Duration.ofHours(2 + rnd.nextInt(20)));
      } else if (s == 8) {
        at = t.plus(Duration.ofHours(2));
      }
      if (unsatisfiedOnce && s == 7) {
        steps.add(step(id, 7, 1, STEP_TEXT[6] + "业户仍不满意", null, false, false, owner, at));
        Instant again = at.plus(Duration.ofHours(20));
        steps.add(step(id, 6, 2, "再次整改完毕", null, null, false, owner, again));
        at = again.plus(Duration.ofHours(3));
        steps.add(step(id, 7, 2, STEP_TEXT[6] + "业户满意", null, true, false, owner, at));
        t = at;
        continue;
      }
      if (s >= 6) {
        t = at;
      }
      steps.add(
          step(
              id,
              s,
              s == 8 ? round : 1,
              STEP_TEXT[s - 1],
              s == 4 ? ts(promised) : null,
              s == 7 ? Boolean.TRUE : null,
              s == 8,
              s <= 5 ? cs : owner,
              at));
    }
    Instant closed = ((Timestamp) steps.get(steps.size() - 1)[9]).toInstant();
    b.add(
        "INSERT INTO complaint (id, number, community_id, unit_id, unit_label, channel, category_code, contact_name,"
            + " contact_phone, words, received_at, taken_by_staff_id, owner_staff_id, owner_name, status, round,"
            + " unsatisfied_count, outcome, thanks, closed_at, closed_by_staff_id) OVERRIDING SYSTEM VALUE"
            + " VALUES (?, ?, ?, ?, ?, 'PHONE', (SELECT code FROM complaint_category WHERE active ORDER BY sort_order LIMIT 1 OFFSET ?),"
            + " ?, ?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?, 'RESOLVED', '感谢您的监督与支持', ?, ?)",
        id,
        number,
        community,
        unit.id(),
        communityName + " " + unit.code(),
        rnd.nextInt(3),
        unit.owner(),
        unit.phone(),
        met ? "楼道灯坏了一周没人修" : "垃圾清运不及时，气味很大",
        ts(received),
        cs.id(),
        owner.id(),
        owner.name(),
        round,
        round - 1,
        ts(closed),
        owner.id());
    for (Object[] s : steps) {
      b.add(
          "INSERT INTO complaint_step (complaint_id, step, round, text, promised_at, satisfied, waived, staff_id, actor_name, recorded_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          s);
    }
    b.add(COMPLAINT_EVENT, id, "RECEIVED", null, cs.username(), cs.name(), ts(received));
    b.add(COMPLAINT_EVENT, id, "CLOSED", "已解决", owner.username(), owner.name(), ts(closed));
    fact(
        b,
        "COMPLAINT_CLOSED",
        id,
        number,
        community,
        owner.id(),
        met,
        null,
        null,
        round - 1,
        "RESOLVED",
        closed);
    return 1;
  }

  private static final String COMPLAINT_EVENT =
      "INSERT INTO complaint_event (complaint_id, type, text, actor, actor_name, at) VALUES (?, ?, ?, ?, ?, ?)";

  private static Object[] step(
      long id,
      int step,
      int round,
      String text,
      Timestamp promised,
      Boolean satisfied,
      boolean waived,
      Person who,
      Instant at) {
    return new Object[] {
      id, step, round, text, promised, satisfied, waived, who.id(), who.name(), ts(at)
    };
  }

  private int inquiry(
      Batches b,
      Random rnd,
      long community,
      String communityName,
      List<Unit> units,
      List<Person> service,
      LocalDate day) {
    Unit unit = units.get(rnd.nextInt(units.size()));
    if (unit.owner() == null) {
      return 0;
    }
    Person cs = service.get(rnd.nextInt(service.size()));
    boolean written = rnd.nextInt(5) < 2;
    Instant received = times(rnd, day, 1, 8, 18).get(0);
    long id = b.id("inquiry");
    String number = b.number("ZX", "inquiry-", received);
    // written consultations: most replied within two days (CS-Q), some later
    Instant answered =
        written
            ? received.plus(
                Duration.ofHours(rnd.nextInt(6) == 0 ? 50 + rnd.nextInt(60) : 3 + rnd.nextInt(40)))
            : received.plus(Duration.ofMinutes(5 + rnd.nextInt(30)));
    b.add(
        "INSERT INTO inquiry (id, number, kind, channel, community_id, unit_id, unit_label, asker_name, contact_phone,"
            + " question, received_at, registered_by_staff_id, status, answered_at, letter_received_on)"
            + " OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ANSWERED', ?, ?)",
        id,
        number,
        written ? "WRITTEN" : "ORAL",
        written ? "LETTER" : "PHONE",
        community,
        unit.id(),
        communityName + " " + unit.code(),
        unit.owner(),
        unit.phone(),
        written ? "请问装修押金什么时候可以退还？" : "物业费可以用微信缴纳吗？",
        ts(received),
        cs.id(),
        ts(answered),
        written ? LocalDate.ofInstant(received, ClockConfiguration.ZONE) : null);
    if (written) {
      // the reply letter went out the day it was written: by post, to the mailbox or by hand
      b.add(
          "INSERT INTO inquiry_reply_delivery (inquiry_id, method, delivered_on, staff_id, actor_name,"
              + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
          id,
          List.of("POST", "MAILBOX", "HANDED_OVER").get((int) (id % 3)),
          LocalDate.ofInstant(answered, ClockConfiguration.ZONE),
          cs.id(),
          cs.name(),
          ts(answered));
      b.add(
          "INSERT INTO inquiry_reply (inquiry_id, text, confidential, staff_id, actor_name, at) VALUES (?, ?, false, ?, ?, ?)",
          id,
          "装修验收合格后 15 个工作日内退还押金。",
          cs.id(),
          cs.name(),
          ts(answered));
    }
    b.add(INQUIRY_EVENT, id, "REGISTERED", null, cs.username(), cs.name(), ts(received));
    b.add(INQUIRY_EVENT, id, "ANSWERED", null, cs.username(), cs.name(), ts(answered));
    return 1;
  }

  private static final String INQUIRY_EVENT =
      "INSERT INTO inquiry_event (inquiry_id, type, text, actor, actor_name, at) VALUES (?, ?, ?, ?, ?, ?)";

  private int emergency(
      Batches b,
      Random rnd,
      long community,
      String communityName,
      List<Unit> units,
      List<Person> service,
      List<Person> security,
      LocalDate day) {
    Unit unit = units.get(rnd.nextInt(units.size()));
    if (unit.owner() == null) {
      return 0;
    }
    Person cs = service.get(rnd.nextInt(service.size()));
    Person guard = security.get(0);
    Person second = security.get(security.size() > 1 ? 1 : 0);
    Instant called = times(rnd, day, 1, 0, 24).get(0);
    long id = b.id("emergency_case");
    String number = b.number("JJ", "emergency-", called);
    boolean ambulance = rnd.nextBoolean();
    Instant notified = called.plus(Duration.ofMinutes(1 + rnd.nextInt(4)));
    Instant help = called.plus(Duration.ofMinutes(8 + rnd.nextInt(ambulance ? 25 : 15)));
    Instant settled = help.plus(Duration.ofMinutes(5 + rnd.nextInt(20)));
    Instant ended = settled.plus(Duration.ofHours(2 + rnd.nextInt(6)));
    b.add(
        "INSERT INTO emergency_case (id, number, community_id, unit_id, unit_label, contact_phone, caller_name,"
            + " caller_relation, caller_words, choice, status, called_at, taken_by_staff_id, settled_at, ended_at)"
            + " OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?, 'FAMILY', '老人在家突然头晕', ?, 'ENDED', ?, ?, ?, ?)",
        id,
        number,
        community,
        unit.id(),
        communityName + " " + unit.code(),
        unit.phone(),
        unit.owner(),
        ambulance ? "CALL_120" : "HOSPITAL",
        ts(called),
        cs.id(),
        ts(settled),
        ts(ended));
    String sql =
        "INSERT INTO emergency_step (case_id, seq, type, at, actor_staff_id, actor_name, staff_ids, code, person, items)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?::bigint[], ?, ?, ?::varchar[])";
    int seq = 0;
    String none = "{}";
    String guards = "{" + guard.id() + "," + second.id() + "}";
    b.add(sql, id, seq++, "CALL_RECEIVED", ts(called), cs.id(), cs.name(), none, null, null, none);
    b.add(
        sql,
        id,
        seq++,
        "CHOICE_RECORDED",
        ts(called.plusSeconds(60)),
        cs.id(),
        cs.name(),
        none,
        ambulance ? "CALL_120" : "HOSPITAL",
        null,
        none);
    b.add(
        sql,
        id,
        seq++,
        "SECURITY_NOTIFIED",
        ts(notified),
        cs.id(),
        cs.name(),
        none,
        null,
        null,
        none);
    if (ambulance) {
      b.add(
          sql,
          id,
          seq++,
          "CALLED_120",
          ts(notified.plusSeconds(30)),
          cs.id(),
          cs.name(),
          none,
          null,
          unit.owner(),
          none);
      b.add(
          sql,
          id,
          seq++,
          "ENTRANCE_WAITER_ASSIGNED",
          ts(notified.plusSeconds(90)),
          guard.id(),
          guard.name(),
          "{" + second.id() + "}",
          null,
          null,
          none);
      b.add(
          sql,
          id,
          seq++,
          "AMBULANCE_ARRIVED",
          ts(help),
          guard.id(),
          guard.name(),
          none,
          null,
          null,
          none);
    } else {
      b.add(
          sql,
          id,
          seq++,
          "GUARDS_ASSIGNED",
          ts(notified.plusSeconds(60)),
          guard.id(),
          guard.name(),
          guards,
          "HOME",
          null,
          none);
      b.add(
          sql,
          id,
          seq++,
          "VEHICLE_ARRANGED",
          ts(help),
          guard.id(),
          guard.name(),
          none,
          null,
          null,
          none);
    }
    b.add(sql, id, seq++, "SETTLED", ts(settled), guard.id(), guard.name(), none, null, null, none);
    b.add(sql, id, seq, "ENDED", ts(ended), cs.id(), cs.name(), none, null, null, none);
    return 1;
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  /** Rows per statement, written in JDBC batches; ids and day numbers reserved up front. */
  private static final class Batches {
    private final JdbcTemplate jdbc;
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private final Map<String, Long> reserved = new LinkedHashMap<>();

    Batches(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    private final Map<String, java.util.ArrayDeque<Long>> ids = new LinkedHashMap<>();
    private Map<String, Long> series;

    /** The table's next id, taken from its sequence 200 at a time. */
    long id(String table) {
      var free = ids.computeIfAbsent(table, t -> new java.util.ArrayDeque<>());
      if (free.isEmpty()) {
        free.addAll(
            jdbc.queryForList(
                "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, 200)",
                Long.class,
                table));
      }
      return free.poll();
    }

    /**
     * The next number of the day's series ({@code series} + day, as the area names it), counted
     * here and written back to number_series on flush.
     */
    String number(String prefix, String seriesPrefix, Instant at) {
      if (series == null) {
        series = new LinkedHashMap<>();
        jdbc.query(
            "SELECT series, last_value FROM number_series",
            (java.sql.ResultSet rs) -> {
              series.put(rs.getString(1), rs.getLong(2));
            });
      }
      LocalDate day = LocalDate.ofInstant(at, ClockConfiguration.ZONE);
      long seq = series.merge(seriesPrefix + DocumentNumber.day(day), 1L, Long::sum);
      return DocumentNumber.of(prefix, day, seq);
    }

    void add(String sql, Object... args) {
      rows.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
    }

    /** Parents first (the records), then what refers to them. */
    void flush() {
      List<String> parents =
          List.of(
              "INTO repair_order ",
              "INTO deadline_clock ",
              "INTO complaint ",
              "INTO inquiry ",
              "INTO emergency_case ");
      for (String parent : parents) {
        rows.entrySet().stream()
            .filter(e -> e.getKey().contains(parent))
            .forEach(e -> jdbc.batchUpdate(e.getKey(), e.getValue()));
      }
      rows.entrySet().stream()
          .filter(e -> parents.stream().noneMatch(e.getKey()::contains))
          .forEach(e -> jdbc.batchUpdate(e.getKey(), e.getValue()));
      rows.clear();
      if (series != null) {
        jdbc.batchUpdate(
            "INSERT INTO number_series (series, last_value) VALUES (?, ?) ON CONFLICT (series)"
                + " DO UPDATE SET last_value = greatest(number_series.last_value, excluded.last_value)",
            series.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
      }
    }
  }
}
