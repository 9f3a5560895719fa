package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.DayStatus;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** The cashier's daily close (日清日结, CA-3), the supervisor's sign-off, a manager's reopening. */
@Service
@Transactional
public class DayCloseService {

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final Clock clock;
  private final ObjectMapper json;

  DayCloseService(
      JdbcClient jdbc,
      StaffDirectory staff,
      AuditTrail audit,
      Notifications notifications,
      Clock clock,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.audit = audit;
    this.notifications = notifications;
    this.clock = clock;
    this.json = json;
  }

  /** Count and net amount of one channel (refunds subtract). */
  public record ChannelTotal(int count, BigDecimal amount) {}

  public record Reopening(String by, String reason, Instant at) {}

  /** A cashier's day as the close screen and the day report show it. */
  public record Day(
      Long closeId,
      long cashierId,
      String cashierName,
      LocalDate date,
      DayStatus status,
      Map<Channel, ChannelTotal> totals,
      BigDecimal systemCash,
      BigDecimal countedCash,
      BigDecimal difference,
      String explanation,
      BigDecimal bankDeposit,
      String depositReference,
      Instant closedAt,
      String signedOffBy,
      Instant signedOffAt,
      List<Payment> payments,
      int pendingVoids,
      List<Reopening> reopenings,
      int version) {

    public BigDecimal total() {
      return totals.entrySet().stream()
          .filter(e -> e.getKey().takesMoney())
          .map(e -> e.getValue().amount())
          .reduce(Money.ZERO, BigDecimal::add);
    }

    public boolean locked() {
      return status != DayStatus.OPEN;
    }
  }

  public record CloseCommand(
      BigDecimal countedCash,
      String explanation,
      BigDecimal bankDeposit,
      String depositReference) {}

  /** The day of a cashier (the user's own if cashierId is null). */
  @Transactional(readOnly = true)
  public Day day(CurrentUser user, Long cashierId, LocalDate date) {
    long cashier = cashierId == null ? ownCashier(user) : cashierId;
    StaffMember member =
        staff.find(cashier).orElseThrow(() -> DomainException.notFound("error.staff.notFound"));
    if (cashier != (user.staffId() == null ? -1 : user.staffId())) {
      user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
      requireServesCashier(user, member);
    }
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    List<Payment> payments =
        jdbc.sql(
                BillingReads.PAYMENTS
                    + " WHERE p.cashier_staff_id = :c AND p.business_date = :d ORDER BY p.id")
            .param("c", cashier)
            .param("d", day)
            .query(BillingReads::payment)
            .list();
    Map<Channel, ChannelTotal> totals = totals(payments);
    BigDecimal systemCash =
        totals.getOrDefault(Channel.CASH, new ChannelTotal(0, Money.ZERO)).amount();
    int pending =
        jdbc.sql(
                "SELECT count(*) FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                    + " WHERE v.status = 'PENDING' AND p.cashier_staff_id = :c AND p.business_date = :d")
            .param("c", cashier)
            .param("d", day)
            .query(Integer.class)
            .single();
    Optional<Map<String, Object>> row =
        jdbc
            .sql(
                "SELECT * FROM billing_day_close WHERE cashier_staff_id = :c AND business_date = :d")
            .param("c", cashier)
            .param("d", day)
            .query()
            .listOfRows()
            .stream()
            .findFirst();
    if (row.isEmpty() || "OPEN".equals(row.get().get("status"))) {
      return new Day(
          row.map(r -> ((Number) r.get("id")).longValue()).orElse(null),
          cashier,
          member.name(),
          day,
          DayStatus.OPEN,
          totals,
          systemCash,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          payments,
          pending,
          row.map(r -> reopenings(((Number) r.get("id")).longValue())).orElse(List.of()),
          row.map(r -> ((Number) r.get("version")).intValue()).orElse(0));
    }
    Map<String, Object> r = row.get();
    long id = ((Number) r.get("id")).longValue();
    return new Day(
        id,
        cashier,
        member.name(),
        day,
        DayStatus.valueOf((String) r.get("status")),
        totals,
        (BigDecimal) r.get("system_cash"),
        (BigDecimal) r.get("counted_cash"),
        (BigDecimal) r.get("difference"),
        (String) r.get("explanation"),
        (BigDecimal) r.get("bank_deposit"),
        (String) r.get("deposit_reference"),
        instant(r.get("closed_at")),
        (String) r.get("signed_off_by_name"),
        instant(r.get("signed_off_at")),
        payments,
        pending,
        reopenings(id),
        ((Number) r.get("version")).intValue());
  }

  /**
   * The cashier closes their own day: the system's totals per channel, the cash counted, the
   * difference (explained if not zero) and the bank deposit. The day is locked from now on.
   */
  public Day close(CurrentUser user, LocalDate date, CloseCommand cmd) {
    long cashier = ownCashier(user);
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    if (day.isAfter(LocalDate.now(clock))) {
      throw DomainException.invalid("date", "billing.error.day.future");
    }
    BigDecimal counted = Money.nonNegative("countedCash", cmd.countedCash());
    BigDecimal deposit =
        cmd.bankDeposit() == null ? null : Money.nonNegative("bankDeposit", cmd.bankDeposit());
    String explanation = CashierService.optional("explanation", cmd.explanation(), 500);
    String depositRef = CashierService.optional("depositReference", cmd.depositReference(), 64);
    jdbc.sql(
            "INSERT INTO billing_day_close (cashier_staff_id, business_date) VALUES (:c, :d)"
                + " ON CONFLICT (cashier_staff_id, business_date) DO NOTHING")
        .param("c", cashier)
        .param("d", day)
        .update();
    DayClose close = load(cashier, day);
    Day before = day(user, cashier, day);
    if (before.pendingVoids() > 0) {
      throw DomainException.rule("billing.error.day.voidsPending", before.pendingVoids());
    }
    close.close(
        user, before.systemCash(), counted, explanation, deposit, depositRef, clock.instant());
    Map<String, Object> totals = new LinkedHashMap<>();
    before.totals().forEach((k, v) -> totals.put(k.name(), v));
    save(close, json.writeValueAsString(totals));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("date", day.toString());
    after.put("totals", totals);
    after.put("systemCash", close.systemCash());
    after.put("countedCash", counted);
    after.put("difference", close.difference());
    after.put("explanation", explanation == null ? "" : explanation);
    after.put("bankDeposit", deposit);
    audit.record("billing_day", close.id, "DAY_CLOSED", null, after);
    for (long community : communitiesOf(cashier)) {
      notifications.notifyRole(
          community,
          Role.SUPERVISOR,
          Notifications.Message.of(
                  "billing.notify.dayClosed",
                  "/staff/billing/closes",
                  user.displayName(),
                  day.toString())
              .from("billing_day", close.id));
    }
    return day(user, cashier, day);
  }

  /** A supervisor signs the closed day off. */
  public void signOff(CurrentUser user, long closeId) {
    DayClose close = loadById(closeId);
    requireServesCashier(user, staff.find(close.cashierId).orElseThrow());
    close.signOff(user, clock.instant());
    save(close, null);
    audit.record(
        "billing_day",
        closeId,
        "DAY_SIGNED_OFF",
        Map.of("status", DayStatus.CLOSED),
        Map.of("status", DayStatus.SIGNED_OFF));
  }

  /** Only a manager reopens a closed day; the reason and what the close said are kept. */
  public void reopen(CurrentUser user, long closeId, String reasonText) {
    DayClose close = loadById(closeId);
    String reason = CashierService.optional("reason", reasonText, 500);
    close.reopen(user);
    requireServesCashier(user, staff.find(close.cashierId).orElseThrow());
    if (reason == null) {
      throw DomainException.invalid("reason", "billing.error.day.reopenReason");
    }
    Map<String, Object> previous =
        jdbc.sql(
                "SELECT status, totals::text AS totals, system_cash, counted_cash, difference, explanation,"
                    + " bank_deposit, signed_off_by_name FROM billing_day_close WHERE id = :id")
            .param("id", closeId)
            .query()
            .singleRow();
    jdbc.sql(
            "INSERT INTO billing_day_reopen (day_close_id, reopened_by, reopened_by_name, reason, previous, reopened_at)"
                + " VALUES (:d, :by, :name, :r, CAST(:prev AS jsonb), :at)")
        .param("d", closeId)
        .param("by", user.staffId())
        .param("name", user.displayName())
        .param("r", reason)
        .param("prev", json.writeValueAsString(previous))
        .param("at", Timestamp.from(clock.instant()))
        .update();
    save(close, null);
    audit.record(
        "billing_day",
        closeId,
        "DAY_REOPENED",
        previous,
        Map.of("status", DayStatus.OPEN, "reason", reason));
    notifications.notifyStaff(
        List.of(close.cashierId),
        Notifications.Message.of("billing.notify.dayReopened", "/staff/billing/day", reason)
            .from("billing_day", closeId));
  }

  /** Closed days waiting for sign-off, and recent closes, of the cashiers the user oversees. */
  @Transactional(readOnly = true)
  public List<Day> closes(CurrentUser user, int days) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT cashier_staff_id, business_date FROM billing_day_close"
                    + " WHERE status <> 'OPEN' OR business_date >= :since ORDER BY (status = 'CLOSED') DESC, business_date DESC, id DESC LIMIT 200")
            .param("since", LocalDate.now(clock).minusDays(days))
            .query()
            .listOfRows();
    return rows.stream()
        .filter(
            r ->
                staff
                    .find(((Number) r.get("cashier_staff_id")).longValue())
                    .map(s -> serves(user, s))
                    .orElse(false))
        .map(
            r ->
                day(
                    user,
                    ((Number) r.get("cashier_staff_id")).longValue(),
                    ((java.sql.Date) r.get("business_date")).toLocalDate()))
        .filter(d -> d.locked() || !d.payments().isEmpty())
        .toList();
  }

  static Map<Channel, ChannelTotal> totals(List<Payment> payments) {
    Map<Channel, ChannelTotal> totals = new EnumMap<>(Channel.class);
    for (Payment p : payments) {
      if (p.voided()) {
        continue;
      }
      BigDecimal signed = p.kind() == Kind.REFUND ? p.amount().negate() : p.amount();
      totals.merge(
          p.channel(),
          new ChannelTotal(1, signed),
          (a, b) -> new ChannelTotal(a.count() + b.count(), a.amount().add(b.amount())));
    }
    return totals;
  }

  private long ownCashier(CurrentUser user) {
    CashierService.requireCashier(user);
    return user.staffId();
  }

  private List<Long> communitiesOf(long cashierId) {
    return staff.find(cashierId).map(s -> List.copyOf(s.communityIds())).orElse(List.of());
  }

  private static boolean serves(CurrentUser user, StaffMember cashier) {
    return user.has(Role.ADMIN) || cashier.communityIds().stream().anyMatch(user::servesCommunity);
  }

  private static void requireServesCashier(CurrentUser user, StaffMember cashier) {
    if (!serves(user, cashier)) {
      throw DomainException.forbidden("error.forbidden.community");
    }
  }

  private List<Reopening> reopenings(long closeId) {
    return jdbc.sql(
            "SELECT reopened_by_name, reason, reopened_at FROM billing_day_reopen WHERE day_close_id = :d ORDER BY id")
        .param("d", closeId)
        .query(
            (rs, n) ->
                new Reopening(
                    rs.getString("reopened_by_name"),
                    rs.getString("reason"),
                    rs.getTimestamp("reopened_at").toInstant()))
        .list();
  }

  private DayClose load(long cashierId, LocalDate day) {
    return jdbc.sql(
            "SELECT * FROM billing_day_close WHERE cashier_staff_id = :c AND business_date = :d FOR UPDATE")
        .param("c", cashierId)
        .param("d", day)
        .query(DayCloseService::map)
        .single();
  }

  private DayClose loadById(long id) {
    return jdbc.sql("SELECT * FROM billing_day_close WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(DayCloseService::map)
        .optional()
        .orElseThrow(() -> DomainException.notFound("billing.error.day.notFound"));
  }

  private static DayClose map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new DayClose(
            rs.getLong("id"),
            rs.getLong("cashier_staff_id"),
            DayStatus.valueOf(rs.getString("status")),
            rs.getInt("reopen_count"),
            rs.getInt("version"))
        .restore(
            rs.getBigDecimal("system_cash"),
            rs.getBigDecimal("counted_cash"),
            rs.getBigDecimal("difference"),
            rs.getString("explanation"),
            rs.getBigDecimal("bank_deposit"),
            rs.getString("deposit_reference"),
            instant(rs.getTimestamp("closed_at")),
            (Long) rs.getObject("signed_off_by", Long.class),
            rs.getString("signed_off_by_name"),
            instant(rs.getTimestamp("signed_off_at")));
  }

  private void save(DayClose c, String totalsJson) {
    int n =
        jdbc.sql(
                "UPDATE billing_day_close SET status = :s, totals = COALESCE(CAST(:totals AS jsonb), CASE WHEN :s = 'OPEN' THEN NULL ELSE totals END),"
                    + " system_cash = :sys, counted_cash = :counted, difference = :diff, explanation = :expl,"
                    + " bank_deposit = :dep, deposit_reference = :depref, closed_at = :closed, signed_off_by = :so,"
                    + " signed_off_by_name = :soname, signed_off_at = :soat, reopen_count = :rc, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("s", c.status().name())
            .param("totals", totalsJson)
            .param("sys", c.systemCash())
            .param("counted", c.countedCash())
            .param("diff", c.difference())
            .param("expl", c.explanation())
            .param("dep", c.bankDeposit())
            .param("depref", c.depositReference())
            .param("closed", c.closedAt() == null ? null : Timestamp.from(c.closedAt()))
            .param("so", c.signedOffBy())
            .param("soname", c.signedOffByName())
            .param("soat", c.signedOffAt() == null ? null : Timestamp.from(c.signedOffAt()))
            .param("rc", c.reopenCount())
            .param("id", c.id)
            .param("v", c.version)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  private static Instant instant(Object t) {
    if (t instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (t instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return null;
  }
}
