package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Turns a database refusal into a clear one: a message key {@code constraint.<constraint_name>}
 * names the problem where one exists (409, as before); otherwise the kind of refusal decides. Only
 * a duplicate is a conflict (409); a value the database cannot take (too long, out of range, a
 * missing reference, a NUL byte) is bad input (400), naming the field where the database names the
 * column.
 */
@Component
public class ConstraintMessages {

  private static final Pattern KEY_COLUMN = Pattern.compile("Key \\(([a-z_]+)\\)");
  private final MessageSource messages;

  ConstraintMessages(MessageSource messages) {
    this.messages = messages;
  }

  public DomainException translate(DataIntegrityViolationException e) {
    PSQLException psql = InputProblems.cause(e, PSQLException.class);
    ServerErrorMessage server = psql == null ? null : psql.getServerErrorMessage();
    String name = server == null ? null : server.getConstraint();
    if (name != null) {
      String key = "constraint." + name;
      if (messages.getMessage(key, null, null, Locale.SIMPLIFIED_CHINESE) != null) {
        return DomainException.conflict(key);
      }
    }
    String state = psql == null ? "" : String.valueOf(psql.getSQLState());
    String field = server == null ? null : field(server);
    return switch (state) {
      case "23502" -> DomainException.invalid(field, "error.required");
      case "23503" -> DomainException.invalid(field, "error.reference");
      case "23514" -> DomainException.invalid(field, "error.field.format");
      case "22001" -> DomainException.invalid(field, "error.tooLongForStorage");
      case "22003" -> DomainException.invalid(field, "error.field.number");
      case "22007", "22008" -> DomainException.invalid(field, "error.field.dateTime");
      case "22021", "22P05" -> DomainException.invalid(field, "error.controlCharacter");
      default ->
          state.startsWith("22")
              ? DomainException.invalid(field, "error.field.format")
              : DomainException.conflict("error.integrity");
    };
  }

  /** The column the database names (not null, a key, a column's own check) as a field name. */
  private static String field(ServerErrorMessage server) {
    String column = server.getColumn();
    if (column == null && server.getDetail() != null) {
      Matcher m = KEY_COLUMN.matcher(server.getDetail());
      column = m.find() ? m.group(1) : null;
    }
    String constraint = server.getConstraint();
    String table = server.getTable();
    if (column == null && constraint != null && table != null && constraint.endsWith("_check")) {
      String middle = constraint.substring(0, constraint.length() - "_check".length());
      column = middle.startsWith(table + "_") ? middle.substring(table.length() + 1) : null;
    }
    return column == null ? null : camel(column);
  }

  static String camel(String column) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }
}
