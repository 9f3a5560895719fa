package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.security.AccessPolicy;
import com.wuye.center.shared.security.AccessPolicy.Rule;
import com.wuye.center.shared.security.RecordKind;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.PolicyRequests;
import com.wuye.center.support.PolicyRequests.Operation;
import com.wuye.center.support.TwoCommunities;
import com.wuye.center.support.TwoCommunities.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page, as every demo role sees it with the demo data, shows no internals (brief: "every
 * value on screen is a label, a name or a local time"): no enum constant name of the project, no
 * map or list dump ({@code {a=1}}, {@code [{…}]}), no ISO-8601 date-time and no unresolved message
 * key ({@code ??key??}); an identifier deliberately shown as such (a category code) is marked
 * {@code <code>}. Every GET page row of the access policy is requested as each demo login it admits
 * (the staff logins, the resident 13800000001, and nobody for public pages), its ids filled with a
 * record of each kind — for the records that have a lifecycle, one per state — that the caller may
 * see; and every template is rendered by at least one of these requests (or included by one), but
 * for the short list of templates only a POST, an e-mail or an error renders.
 */
@IntegrationTest
class PagesShowNoInternalsIntegrationTests {

  private static final Logger log =
      LoggerFactory.getLogger(PagesShowNoInternalsIntegrationTests.class);

  /** Templates no GET page renders, and why. */
  private static final Map<String, String> NOT_RENDERED_BY_A_PAGE =
      Map.of(
          "error",
          "the error page: rendered by the container for an exception or a 404",
          "account/code-slip",
          "printed once, as the answer to the POST that opens a login",
          "keycustody/pickup",
          "shown after the POST that checks the collector's ID (flash)",
          "upkeep/scan",
          "reached by scanning a checkpoint's code in a round under way",
          "convenience/integrity-case",
          "no demo record: a case opens when a resident reports a tip asked (issue 16 follow-up)",
          "messaging/wechat-callback",
          "WeChat's OAuth callback with a one-time state (WechatBindingIntegrationTests)",
          "report/dashboard-records",
          "opened from a chart point with its metric and period (DashboardBrowserTests)");

  /**
   * Enum constants that are words on screen in their own right: the language switch (EN) and norm
   * ids (EN-3), a paper size (A4), abbreviations an office uses as they are.
   */
  private static final Set<String> WORDS_ON_SCREEN =
      Set.of("EN", "A4", "QR", "PDF", "CSV", "SMS", "ID");

  private static final Pattern MAP_DUMP = Pattern.compile("\\{[^{}]*\\w=[^{}]*}");
  private static final Pattern LIST_DUMP = Pattern.compile("\\[\\s*\\{");
  private static final Pattern ISO_DATE_TIME =
      Pattern.compile(
          "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
  private static final Pattern INCLUDED =
      Pattern.compile("~\\{\\s*([a-z][\\w-]*(?:/[\\w-]+)+)\\s*(?:::|})");

  /** Records with a lifecycle: one per state, so a page shows each state's labels once. */
  private static final Map<RecordKind, String> BY_STATE = new EnumMap<>(RecordKind.class);

  static {
    BY_STATE.put(RecordKind.REPAIR, "repair_order");
    BY_STATE.put(RecordKind.REPAIR_INTEGRITY_CASE, "repair_integrity_case");
    BY_STATE.put(RecordKind.COMPLAINT, "complaint");
    BY_STATE.put(RecordKind.INQUIRY, "inquiry");
    BY_STATE.put(RecordKind.EMERGENCY_CASE, "emergency_case");
    BY_STATE.put(RecordKind.ENTRUSTMENT, "keycustody_entrustment");
    BY_STATE.put(RecordKind.RECEIPT, "billing_payment");
    BY_STATE.put(RecordKind.CONVENIENCE_ORDER, "convenience_order");
    BY_STATE.put(RecordKind.CONVENIENCE_INTEGRITY_CASE, "convenience_integrity_case");
    BY_STATE.put(RecordKind.RENOVATION, "renovation_application");
    BY_STATE.put(RecordKind.PATROL_ROUND, "upkeep_round");
    BY_STATE.put(RecordKind.PATROL_ALERT, "upkeep_patrol_alert");
    BY_STATE.put(RecordKind.MAINTENANCE_TASK, "upkeep_task");
    BY_STATE.put(RecordKind.EQUIPMENT, "upkeep_equipment");
  }

  /** Records a page shows only in a certain state: a printed receipt, an answered letter. */
  private static final Map<RecordKind, String> ALSO = new EnumMap<>(RecordKind.class);

  static {
    ALSO.put(RecordKind.RECEIPT, "id IN (SELECT payment_id FROM billing_receipt_print)");
    ALSO.put(RecordKind.INQUIRY, "kind = 'WRITTEN' AND status = 'ANSWERED'");
  }

  /** A resident's own records: the tables whose rows belong to a unit. */
  private static final Map<RecordKind, String> OF_A_UNIT = new EnumMap<>(RecordKind.class);

  static {
    OF_A_UNIT.put(RecordKind.REPAIR, "repair_order");
    OF_A_UNIT.put(RecordKind.COMPLAINT, "complaint");
    OF_A_UNIT.put(RecordKind.INQUIRY, "inquiry");
    OF_A_UNIT.put(RecordKind.ENTRUSTMENT, "keycustody_entrustment");
    OF_A_UNIT.put(RecordKind.RECEIPT, "billing_payment");
    OF_A_UNIT.put(RecordKind.REMINDER, "billing_reminder");
    OF_A_UNIT.put(RecordKind.CHARGE, "billing_charge");
    OF_A_UNIT.put(RecordKind.CONVENIENCE_ORDER, "convenience_order");
    OF_A_UNIT.put(RecordKind.RENOVATION, "renovation_application");
  }

  @Autowired WebApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  @DisplayName(
      "every page as every demo role: no enum constant, map or list dump, ISO date-time or message"
          + " key on screen, and every template rendered")
  void everyPageShowsLabelsNamesAndLocalTimes() throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    TwoCommunities world = TwoCommunities.of(context);
    long community = world.communityA();
    Set<String> constants = enumConstants();
    Pattern enumWord =
        Pattern.compile(
            "(?<![A-Za-z0-9_])("
                + constants.stream()
                    .sorted((a, b) -> b.length() - a.length())
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|"))
                + ")(?![A-Za-z0-9_])");

    reachStatesTheDemoLacks(world);
    List<Actor> actors = new ArrayList<>(world.staffA().values());
    actors.add(world.residentA());
    actors.add(resident("13800000002"));
    actors.add(TwoCommunities.anonymous());
    Map<String, Map<RecordKind, String>> residentIds = new LinkedHashMap<>();
    for (String phone : List.of("13800000001", "13800000002")) {
      residentIds.put(phone, residentRecords(world.idsA(), phone));
    }

    PolicyRequests requests = new PolicyRequests(openApi(mvc, world), LocalDate.now(clock));
    Map<String, Set<String>> findings = new TreeMap<>();
    Set<String> rendered = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    int pages = 0;
    for (Operation op : pageOperations(requests)) {
      Rule rule = op.rule();
      for (Actor actor : actors) {
        if (!rule.admits(actor.roles(), actor.loggedIn())
            || (!actor.loggedIn() && rule.audience() != AccessPolicy.Audience.ANYONE)) {
          continue;
        }
        String resident = actor.roles().contains(Role.RESIDENT) ? actor.username() : null;
        Map<RecordKind, String> ids = resident != null ? residentIds.get(resident) : world.idsA();
        List<Map<String, String>> choices = choices(rule, ids, community, resident);
        boolean plain = PolicyRequests.pathVariableNames(rule.pattern()).isEmpty();
        if (plain) {
          choices.add(null); // the page as the menu opens it: no parameters at all
        }
        for (Map<String, String> choice : choices) {
          org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?>
              request =
                  choice == null
                      ? MockMvcRequestBuilders.get(rule.pattern())
                          .header("Accept-Language", "zh-CN")
                      : requests.request(op, values(rule, choice, world), actor);
          if (choice == null && actor.loggedIn()) {
            request.with(SecurityMockMvcRequestPostProcessors.authentication(actor.auth()));
          }
          MvcResult r = mvc.perform(request).andReturn();
          int status = r.getResponse().getStatus();
          String type = r.getResponse().getContentType();
          String where = actor.username() + " " + rule + " " + choice;
          if (status >= 500) {
            failures.add(where + " -> " + status);
            continue;
          }
          if (status != 200 || type == null || !type.startsWith("text/html")) {
            log.debug("not a page: {} -> {} {}", where, status, r.getResponse().getRedirectedUrl());
            continue;
          }
          pages++;
          ModelAndView mav = r.getModelAndView();
          if (mav != null && mav.getViewName() != null) {
            rendered.add(mav.getViewName().split("::")[0].strip());
          }
          String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
          for (String problem : problems(html, enumWord)) {
            findings.computeIfAbsent(problem, k -> new TreeSet<>()).add(where);
          }
        }
      }
    }
    Set<String> covered = withIncluded(rendered);
    List<String> missing =
        templates().stream()
            .filter(t -> !t.startsWith("fragments/") && !t.endsWith("/fragments"))
            .filter(t -> !covered.contains(t) && !NOT_RENDERED_BY_A_PAGE.containsKey(t))
            .toList();
    log.info("{} pages rendered, {} templates; not rendered: {}", pages, covered.size(), missing);
    findings.forEach(
        (problem, where) ->
            log.warn("{}  — {} page(s), e.g. {}", problem, where.size(), where.iterator().next()));
    assertThat(failures).as("pages that failed (5xx)").isEmpty();
    assertThat(findings.keySet()).as("internals on screen").isEmpty();
    assertThat(missing).as("templates no page rendered").isEmpty();
  }

  @Test
  @DisplayName(
      "the audit trail's every action, field and constant value so far has a label (audit bundle)")
  void everyAuditFieldActionAndValueHasALabel() {
    TwoCommunities.of(context);
    org.springframework.context.MessageSource messages = context;
    java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
    Set<String> constants = enumConstants();
    Set<String> missing = new TreeSet<>();
    for (String action :
        jdbc.sql("SELECT DISTINCT action FROM audit_log").query(String.class).list()) {
      need(messages, "audit.action." + action, zh, missing);
    }
    String keys =
        "WITH RECURSIVE kv(k, v) AS ("
            + " SELECT e.key, e.value FROM audit_log l,"
            + "  jsonb_each(CASE WHEN jsonb_typeof(l.after_state) = 'object' THEN l.after_state"
            + "  ELSE '{}'::jsonb END) e"
            + " UNION ALL"
            + " SELECT e.key, e.value FROM kv,"
            + "  jsonb_each(CASE WHEN jsonb_typeof(kv.v) = 'object' THEN kv.v"
            + "  WHEN jsonb_typeof(kv.v) = 'array' AND jsonb_typeof(kv.v -> 0) = 'object'"
            + "  THEN kv.v -> 0 ELSE '{}'::jsonb END) e)"
            + " SELECT DISTINCT kv.k AS k, s.x AS v FROM kv LEFT JOIN LATERAL ("
            + "  SELECT kv.v #>> '{}' AS x WHERE jsonb_typeof(kv.v) = 'string'"
            + "  UNION ALL SELECT e FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(kv.v)"
            + "  = 'array' AND jsonb_typeof(kv.v -> 0) = 'string' THEN kv.v ELSE '[]' END) e"
            + " ) s ON true";
    for (Map<String, Object> row : jdbc.sql(keys).query().listOfRows()) {
      String key = String.valueOf(row.get("k"));
      if (!key.matches("[a-zA-Z][a-zA-Z0-9]*")) {
        continue; // a name from the data (a reading's name, 机房温度): shown as it is
      }
      need(messages, "audit.field." + key, zh, missing);
      Object value = row.get("v");
      if (value != null && constants.contains(String.valueOf(value))) {
        String v = String.valueOf(value);
        if (messages.getMessage("audit.value." + key + "." + v, null, null, zh) == null) {
          need(messages, "audit.value." + v, zh, missing);
        }
      }
    }
    assertThat(missing).as("audit labels missing from i18n/audit.properties").isEmpty();
  }

  private static void need(
      org.springframework.context.MessageSource messages,
      String key,
      java.util.Locale locale,
      Set<String> missing) {
    if (messages.getMessage(key, null, null, locale) == null) {
      missing.add(key);
    }
  }

  /**
   * States a page needs that the demo data does not reach, made through the use cases: a printed
   * receipt (its print page, the PRINTED audit entry) and an answered written consultation (the
   * reply letter).
   */
  private void reachStatesTheDemoLacks(TwoCommunities world) {
    CurrentUser cashier = user(world.staffA().get(Role.CASHIER));
    CurrentUser kefu = user(world.staffA().get(Role.CUSTOMER_SERVICE));
    String receipt = world.idsA().get(RecordKind.RECEIPT);
    try {
      if (receipt != null && first("SELECT min(id) FROM billing_receipt_print") == null) {
        context
            .getBean(com.wuye.center.billing.Receipts.class)
            .recordPrint(
                cashier, Long.parseLong(receipt), com.wuye.center.billing.Receipts.PrintFormat.A4);
      }
      String letter =
          first(
              "SELECT min(id) FROM inquiry WHERE kind = 'WRITTEN' AND status <> 'ANSWERED'"
                  + " AND community_id = "
                  + world.communityA());
      if (letter != null
          && first("SELECT min(id) FROM inquiry WHERE kind = 'WRITTEN' AND status = 'ANSWERED'")
              == null) {
        Integer version =
            jdbc.sql("SELECT version FROM inquiry WHERE id = " + letter)
                .query(Integer.class)
                .single();
        context
            .getBean(com.wuye.center.inquiry.InquiryReplies.class)
            .reply(
                kefu,
                Long.parseLong(letter),
                new com.wuye.center.inquiry.InquiryReplies.ReplyInput(
                    "装修押金在验收合格后15个工作日内退还。", false, version));
      }
    } catch (RuntimeException e) {
      log.warn("could not reach a state the demo lacks: {}", e.toString());
    }
  }

  private static CurrentUser user(Actor actor) {
    return ((CurrentUser.Holder) actor.auth().getPrincipal()).currentUser();
  }

  /** What a page shows that it should not: each as "kind: the text". */
  static List<String> problems(String html, Pattern enumWord) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, template, noscript").remove();
    // an identifier shown on purpose, as such (a category code an administrator types), is <code>
    doc.select("code").remove();
    String text = doc.text();
    List<String> out = new ArrayList<>();
    find(enumWord, text, "enum constant", out);
    find(MAP_DUMP, text, "map dump", out);
    find(LIST_DUMP, text, "list dump", out);
    find(ISO_DATE_TIME, text, "ISO date-time", out);
    // a key may also sit in an attribute a person reads (placeholder, title, alt)
    find(MESSAGE_KEY, doc.html(), "message key", out);
    return out;
  }

  private static void find(Pattern p, String text, String kind, List<String> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 25);
      int to = Math.min(text.length(), m.end() + 25);
      out.add(kind + ": " + m.group() + "  «" + text.substring(from, to) + "»");
    }
  }

  // ---- what to request

  private List<Operation> pageOperations(PolicyRequests requests) {
    Map<String, List<HandlerMethod>> handlers = new LinkedHashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      for (String pattern : e.getKey().getPatternValues()) {
        e.getKey()
            .getMethodsCondition()
            .getMethods()
            .forEach(
                m ->
                    handlers
                        .computeIfAbsent(m.name() + " " + pattern, k -> new ArrayList<>())
                        .add(e.getValue()));
      }
    }
    List<Operation> out = new ArrayList<>();
    for (Rule rule : AccessPolicy.load().rules()) {
      boolean page =
          rule.handler()
              && rule.method() != null
              && rule.method().name().equals("GET")
              && !rule.pattern().startsWith("/api/");
      if (page) {
        for (HandlerMethod h : handlers.getOrDefault(rule.toString(), List.of())) {
          out.add(new Operation(rule, h, null));
        }
      }
    }
    return out;
  }

  /**
   * The id values to request a row with: one record of each kind, and for a row that names one
   * record with a lifecycle, one record per state.
   */
  private List<Map<String, String>> choices(
      Rule rule, Map<RecordKind, String> ids, long community, String resident) {
    Map<String, String> base = new LinkedHashMap<>();
    rule.ids().forEach((name, kind) -> base.put(name, ids.get(kind)));
    List<Map<String, String>> out = new ArrayList<>();
    out.add(base);
    // the page as first opened: the optional filters and preselections left empty
    List<String> inPath = PolicyRequests.pathVariableNames(rule.pattern());
    if (rule.ids().keySet().stream().anyMatch(n -> !inPath.contains(n))) {
      Map<String, String> bare = new LinkedHashMap<>(base);
      bare.keySet().stream()
          .filter(n -> !inPath.contains(n))
          .toList()
          .forEach(n -> bare.put(n, ""));
      out.add(bare);
    }
    List<String> named =
        rule.ids().keySet().stream().filter(n -> !rule.hints().contains(n)).toList();
    if (named.size() != 1 || !BY_STATE.containsKey(rule.ids().get(named.get(0)))) {
      return out;
    }
    String name = named.get(0);
    RecordKind kind = rule.ids().get(name);
    String table = BY_STATE.get(kind);
    String where =
        resident != null && OF_A_UNIT.containsKey(kind)
            ? "unit_id IN (" + residentUnits(resident) + ")"
            : "community_id = " + community;
    Set<String> seen = new LinkedHashSet<>();
    seen.add(base.get(name));
    List<Object> more = new ArrayList<>();
    String state =
        first(
            "SELECT min(column_name) FROM information_schema.columns WHERE table_name = '"
                + table
                + "' AND column_name IN ('status', 'state')");
    if (state != null) {
      more.addAll(
          jdbc.sql("SELECT min(id) FROM " + table + " WHERE " + where + " GROUP BY " + state)
              .query()
              .singleColumn());
    }
    if (ALSO.containsKey(kind)) {
      more.add(
          first("SELECT min(id) FROM " + table + " WHERE " + where + " AND " + ALSO.get(kind)));
    }
    for (Object id : more) {
      if (id != null && seen.add(String.valueOf(id))) {
        Map<String, String> c = new LinkedHashMap<>(base);
        c.put(name, String.valueOf(id));
        out.add(c);
      }
    }
    return out;
  }

  private Actor resident(String phone) {
    var principal =
        context
            .getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
            .loadUserByUsername(phone);
    return new Actor(
        "resident " + phone,
        phone,
        Set.of(Role.RESIDENT),
        org.springframework.security.authentication.UsernamePasswordAuthenticationToken
            .authenticated(principal, null, principal.getAuthorities()));
  }

  private PolicyRequests.Values values(Rule rule, Map<String, String> choice, TwoCommunities w) {
    Function<String, String> id = choice::get;
    Function<String, Integer> version =
        name -> {
          RecordKind kind = rule.ids().get(name);
          String value = choice.get(name);
          return kind == null || value == null || value.isEmpty()
              ? null
              : w.records().version(kind, value);
        };
    return new PolicyRequests.Values(id, version, choice.toString());
  }

  private String residentUnits(String phone) {
    return "SELECT o.unit_id FROM occupancy o JOIN resident r ON r.id = o.resident_id"
        + " WHERE r.phone = '"
        + phone
        + "'";
  }

  /** The resident's own record of each kind (their unit's), the community's for shared kinds. */
  private Map<RecordKind, String> residentRecords(Map<RecordKind, String> community, String phone) {
    Map<RecordKind, String> out = new EnumMap<>(community);
    String units = residentUnits(phone);
    out.put(RecordKind.UNIT, first("SELECT min(unit_id) FROM (" + units + ") u"));
    OF_A_UNIT.forEach(
        (kind, table) ->
            out.put(
                kind, first("SELECT min(id) FROM " + table + " WHERE unit_id IN (" + units + ")")));
    String repairs = "SELECT id FROM repair_order WHERE unit_id IN (" + units + ")";
    out.put(
        RecordKind.REPAIR_PHOTO,
        first("SELECT min(id) FROM repair_photo WHERE order_id IN (" + repairs + ")"));
    out.put(
        RecordKind.REPAIR_SIGNATURE,
        first("SELECT min(id) FROM repair_confirmation WHERE order_id IN (" + repairs + ")"));
    String renovations = "SELECT id FROM renovation_application WHERE unit_id IN (" + units + ")";
    out.put(
        RecordKind.RENOVATION_FILE,
        first("SELECT min(id) FROM renovation_file WHERE application_id IN (" + renovations + ")"));
    out.values().removeIf(java.util.Objects::isNull);
    return out;
  }

  private String first(String sql) {
    return jdbc.sql(sql).query().singleColumn().stream()
        .filter(java.util.Objects::nonNull)
        .map(String::valueOf)
        .findFirst()
        .orElse(null);
  }

  private static tools.jackson.databind.JsonNode openApi(MockMvc mvc, TwoCommunities world)
      throws Exception {
    MvcResult r =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/v3/api-docs")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.authentication(
                            world.staffA().get(Role.ADMIN).auth())))
            .andReturn();
    return tools.jackson.databind.json.JsonMapper.builder()
        .build()
        .readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  // ---- what the project is made of

  /** The names of the project's enum constants (two letters or more). */
  static Set<String> enumConstants() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition bean) {
            return true;
          }
        };
    scanner.addIncludeFilter(
        (reader, factory) ->
            "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
    Set<String> out = new TreeSet<>();
    for (var bean : scanner.findCandidateComponents("com.wuye.center")) {
      try {
        for (Object c : Class.forName(bean.getBeanClassName()).getEnumConstants()) {
          String name = ((Enum<?>) c).name();
          if (name.length() >= 2 && !WORDS_ON_SCREEN.contains(name)) {
            out.add(name);
          }
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Every template, as a view name ("repair/order"). */
  static List<String> templates() {
    Path root = Path.of("src/main/resources/templates");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".html"))
          .map(f -> root.relativize(f).toString().replace('\\', '/').replaceAll("\\.html$", ""))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rendered templates and those they include ({@code ~{repair/fragments :: x}}). */
  static Set<String> withIncluded(Set<String> rendered) {
    Set<String> out = new TreeSet<>(rendered);
    List<String> todo = new ArrayList<>(rendered);
    while (!todo.isEmpty()) {
      Path file = Path.of("src/main/resources/templates", todo.remove(0) + ".html");
      if (!Files.exists(file)) {
        continue;
      }
      try {
        Matcher m = INCLUDED.matcher(Files.readString(file));
        while (m.find()) {
          if (out.add(m.group(1))) {
            todo.add(m.group(1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
