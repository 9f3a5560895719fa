package com.wuye.center.shared.web;

import com.wuye.center.shared.ActorNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #audit} in every template: the audit trail shown as people read it — each field by its
 * label ({@code audit.field.<key>}), each value as a label ({@code audit.value.<key>.<VALUE>} or
 * {@code audit.value.<VALUE>}), a name (a staff or resident reference or id) or a local time, never
 * a key, a constant, a reference like {@code staff:2:kefu} or a UTC instant. One renderer for every
 * page's history ({@code fragments/history}).
 */
@Component
class AuditDialect extends AbstractDialect implements IExpressionObjectDialect {

  private final MessageSource messages;
  private final ObjectProvider<ActorNames> names;

  AuditDialect(MessageSource messages, ObjectProvider<ActorNames> names) {
    super("wuye-audit");
    this.messages = messages;
    this.names = names;
  }

  @Override
  public IExpressionObjectFactory getExpressionObjectFactory() {
    return new IExpressionObjectFactory() {
      @Override
      public Set<String> getAllExpressionObjectNames() {
        return Set.of("audit");
      }

      @Override
      public Object buildObject(IExpressionContext context, String name) {
        return new AuditView(messages, names, context.getLocale());
      }

      @Override
      public boolean isCacheable(String name) {
        return true;
      }
    };
  }

  /** One field of a change: its label and its value as text. */
  public record Change(String label, String text) {}

  /** The rendering methods behind {@code #audit}, in the page's locale. */
  public static final class AuditView {

    private static final Pattern REFERENCE = Pattern.compile("(staff|resident):(\\d+)(?::.*)?");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern MONEY =
        Pattern.compile(
            "(?i).*(amount|fee|price|total|cash|deposit|balance|prepaid|arrears|tendered|change).*");

    private final MessageSource messages;
    private final ObjectProvider<ActorNames> names;
    private final Locale locale;

    AuditView(MessageSource messages, ObjectProvider<ActorNames> names, Locale locale) {
      this.messages = messages;
      this.names = names;
      this.locale = locale;
    }

    /** Who did it: a name, "系统" for the system, never "staff:2:kefu". */
    public String actor(String reference) {
      if (reference == null || reference.isBlank() || reference.equals("system")) {
        return message("audit.actor.system").orElse("");
      }
      Matcher m = REFERENCE.matcher(reference);
      if (m.matches()) {
        return person(m.group(1), Long.parseLong(m.group(2)));
      }
      return message("audit.actor." + reference).orElse(reference);
    }

    /** What was done: {@code audit.action.<ACTION>}. */
    public String action(String action) {
      return message("audit.action." + action).orElse(action);
    }

    /** A field's label: {@code audit.field.<key>}. */
    public String field(String key) {
      return message("audit.field." + key).orElse(key);
    }

    /** The fields of a state (a change's after), labelled, in their order. */
    public List<Change> changes(Map<String, Object> state) {
      List<Change> out = new ArrayList<>();
      if (state != null) {
        state.forEach((k, v) -> out.add(new Change(field(k), value(k, v))));
      }
      return out;
    }

    /** A value as text: a label, a name, a local time, an amount — lists and maps spelled out. */
    public String value(String key, Object value) {
      if (value == null) {
        return "—";
      }
      if (value instanceof Boolean b) {
        return message("audit.value." + b).orElse(String.valueOf(b));
      }
      if (value instanceof Map<?, ?> map) {
        List<String> parts = new ArrayList<>();
        map.forEach(
            (k, v) -> parts.add(field(String.valueOf(k)) + " " + value(String.valueOf(k), v)));
        return String.join("，", parts);
      }
      if (value instanceof Collection<?> list) {
        List<String> parts = new ArrayList<>();
        list.forEach(v -> parts.add(value(key, v)));
        return list.isEmpty() ? "—" : String.join("；", parts);
      }
      if (value instanceof Number n) {
        return number(key, n);
      }
      String s = String.valueOf(value);
      Matcher ref = REFERENCE.matcher(s);
      if (ref.matches()) {
        return person(ref.group(1), Long.parseLong(ref.group(2)));
      }
      String time = time(s);
      if (time != null) {
        return time;
      }
      if (CONSTANT.matcher(s).matches()) {
        return message("audit.value." + key + "." + s)
            .or(() -> message("audit.value." + s))
            .orElse(s);
      }
      return s;
    }

    private String number(String key, Number n) {
      String lower = key == null ? "" : key.toLowerCase(Locale.ROOT);
      if (lower.endsWith("staffid")) {
        return person("staff", n.longValue());
      }
      if (lower.equals("residentid")) {
        return person("resident", n.longValue());
      }
      BigDecimal d = new BigDecimal(n.toString());
      if (key != null && MONEY.matcher(key).matches()) {
        return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
      }
      return d.stripTrailingZeros().toPlainString();
    }

    private String person(String kind, long id) {
      return names
          .orderedStream()
          .map(n -> n.name(kind, id))
          .flatMap(Optional::stream)
          .findFirst()
          .orElseGet(() -> message("audit.actor.unknown." + kind).orElse(kind + " " + id));
    }

    /** An ISO date-time (an instant, with an offset, or local) as local time; else null. */
    private static String time(String s) {
      if (s.length() < 16 || s.charAt(4) != '-' || s.charAt(10) != 'T') {
        return null;
      }
      try {
        return LocalTimeDialect.LocalTimes.INSTANCE.dateTime(Instant.parse(s));
      } catch (DateTimeParseException e) {
        // not an instant in UTC: an offset, or a local date-time
      }
      try {
        return LocalTimeDialect.LocalTimes.INSTANCE.dateTime(OffsetDateTime.parse(s));
      } catch (DateTimeParseException e) {
        // a local date-time
      }
      try {
        return LocalTimeDialect.LocalTimes.INSTANCE.dateTime(LocalDateTime.parse(s));
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private Optional<String> message(String key) {
      return Optional.ofNullable(messages.getMessage(key, null, null, locale));
    }
  }
}
