package com.wuye.center.shared.security;

import com.wuye.center.shared.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The authorization policy: one declared row per HTTP operation of the app (every handler method,
 * plus the login and logout filters, static files and the actuator), read from {@value #FILE}. The
 * security configuration builds its URL rules from it and denies everything else; the authorization
 * test calls every row as every role of two communities against it. The services check again (the
 * community, unit or assignment of each record named in a request).
 *
 * <p>A row: {@code METHOD /path/{pattern} who scope name=kind ...} — see the file's header.
 */
public final class AccessPolicy {

  public static final String FILE = "security/access-policy.txt";

  /** Whose records an operation reaches (documented per row, checked by the services). */
  public enum Scope {
    /** No login: the login page, static files, health. */
    PUBLIC,
    /** The caller's own records: their notifications, their acknowledgements, who they are. */
    SELF,
    /** A resident: the units they currently occupy and what belongs to them. */
    OWN_UNIT,
    /** A technician or guard: what is assigned to them, in a community they serve. */
    OWN_ASSIGNMENT,
    /** Staff: records of the communities they serve (administrators: every community). */
    OWN_COMMUNITY,
    /** Company-wide records: read by every staff member, changed only by a company role. */
    COMPANY
  }

  /** Who may call an operation. */
  public enum Audience {
    /** Anyone, logged in or not. */
    ANYONE,
    /** Any logged-in user, staff or resident. */
    ANY_LOGIN,
    /** Users with one of the row's roles. */
    ROLES
  }

  /**
   * One row.
   *
   * @param method the HTTP method, or null for any
   * @param ids what each path variable, query parameter or body field names, by name
   * @param hints the ids that only preselect or narrow within what the caller may see anyway
   *     ({@code name=kind?}), ignored by the handler when the request names the record otherwise
   * @param handler true if a handler method serves it (false: a filter, static files, actuator)
   */
  public record Rule(
      HttpMethod method,
      String pattern,
      Audience audience,
      Set<Role> roles,
      Scope scope,
      Map<String, RecordKind> ids,
      Set<String> hints,
      boolean handler,
      int line) {

    public Rule {
      roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
      ids = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ids));
      hints = Set.copyOf(hints);
    }

    /** True if a user with these roles (none: not logged in) passes the row. */
    public boolean admits(Set<Role> userRoles, boolean loggedIn) {
      return switch (audience) {
        case ANYONE -> true;
        case ANY_LOGIN -> loggedIn;
        case ROLES -> loggedIn && userRoles.stream().anyMatch(roles::contains);
      };
    }

    public PathPattern pathPattern() {
      return PathPatternParser.defaultInstance.parse(pattern);
    }

    @Override
    public String toString() {
      return (method == null ? "ANY" : method.name()) + " " + pattern;
    }
  }

  private final List<Rule> rules;

  private AccessPolicy(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The policy of the app, from the class path. */
  public static AccessPolicy load() {
    try (InputStream in = AccessPolicy.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("access policy " + FILE + " not on the class path");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AccessPolicy parse(BufferedReader reader) throws IOException {
    Map<String, Set<Role>> groups = new LinkedHashMap<>();
    Map<String, Rule> rows = new LinkedHashMap<>();
    boolean handlers = true;
    int n = 0;
    for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
      n++;
      String line = raw.replaceFirst("\\s#.*$", "").strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        handlers = line.equals("[handlers]");
        if (!handlers && !line.equals("[outside handlers]")) {
          throw error(n, "unknown section " + line);
        }
        continue;
      }
      String[] f = line.split("\\s+");
      if (f[0].startsWith("@")) {
        if (f.length != 2) {
          throw error(n, "a group is '@name ROLE,ROLE'");
        }
        groups.put(f[0], roles(f[1], groups, n));
        continue;
      }
      if (f.length < 5) {
        throw error(n, "a row is 'METHOD /path who scope ids'");
      }
      Rule rule = rule(f, groups, handlers, n);
      if (rows.putIfAbsent(rule.toString(), rule) != null) {
        throw error(n, "second row for " + rule);
      }
    }
    return new AccessPolicy(new ArrayList<>(rows.values()));
  }

  private static Rule rule(String[] f, Map<String, Set<Role>> groups, boolean handler, int n) {
    HttpMethod method = f[0].equals("ANY") ? null : HttpMethod.valueOf(f[0]);
    String pattern = f[1];
    try {
      PathPatternParser.defaultInstance.parse(pattern);
    } catch (RuntimeException e) {
      throw error(n, "bad path pattern " + pattern);
    }
    Audience audience =
        switch (f[2]) {
          case "PUBLIC" -> Audience.ANYONE;
          case "AUTHENTICATED" -> Audience.ANY_LOGIN;
          default -> Audience.ROLES;
        };
    Set<Role> roles = audience == Audience.ROLES ? roles(f[2], groups, n) : Set.of();
    Scope scope = enumValue(Scope.class, f[3], n);
    Map<String, RecordKind> ids = new LinkedHashMap<>();
    Set<String> hints = new java.util.HashSet<>();
    for (int i = 4; i < f.length; i++) {
      if (f[i].equals("-")) {
        continue;
      }
      String[] kv = f[i].split("=", 2);
      if (kv.length != 2) {
        throw error(n, "an id is 'name=kind': " + f[i]);
      }
      String kind = kv[1];
      if (kind.endsWith("?")) {
        hints.add(kv[0]);
        kind = kind.substring(0, kind.length() - 1);
      }
      try {
        ids.put(kv[0], RecordKind.of(kind));
      } catch (IllegalStateException e) {
        throw error(n, e.getMessage());
      }
    }
    return new Rule(method, pattern, audience, roles, scope, ids, hints, handler, n);
  }

  private static Set<Role> roles(String spec, Map<String, Set<Role>> groups, int n) {
    Set<Role> out = EnumSet.noneOf(Role.class);
    for (String part : spec.split(",")) {
      if (part.startsWith("@")) {
        Set<Role> g = groups.get(part);
        if (g == null) {
          throw error(n, "unknown group " + part);
        }
        out.addAll(g);
      } else {
        out.add(enumValue(Role.class, part, n));
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, int n) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(n, "unknown " + type.getSimpleName() + " " + value);
    }
  }

  private static IllegalStateException error(int line, String message) {
    return new IllegalStateException(FILE + " line " + line + ": " + message);
  }

  /** Every row, in the file's order. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * The rows in the order a request is matched: the most specific pattern first (as Spring MVC
   * chooses among the patterns that match), so {@code /staff/repairs/new} wins over {@code
   * /staff/repairs/{id}}.
   */
  public List<Rule> inMatchOrder() {
    return rules.stream()
        .sorted(
            Comparator.comparing(Rule::pathPattern, PathPattern.SPECIFICITY_COMPARATOR)
                .thenComparing(r -> r.method() == null ? 1 : 0))
        .toList();
  }

  /** The row for a request, or null if none (the request is then denied). */
  public Rule match(HttpMethod method, String path) {
    var container = org.springframework.http.server.PathContainer.parsePath(path);
    return inMatchOrder().stream()
        .filter(r -> r.method() == null || r.method().equals(method))
        .filter(r -> r.pathPattern().matches(container))
        .findFirst()
        .orElse(null);
  }
}
