package com.wuye.center.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.security.AccessPolicy.Rule;
import com.wuye.center.shared.security.AccessPolicy.Scope;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.PolicyRequests;
import com.wuye.center.support.PolicyRequests.Operation;
import com.wuye.center.support.PolicyRequests.Outcome;
import com.wuye.center.support.TwoCommunities;
import com.wuye.center.support.TwoCommunities.Actor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization policy ({@code security/access-policy.txt}) is complete and holds: every
 * operation of the OpenAPI document and every handler method has exactly one row; and, in a world
 * of two communities, no staff member or resident of community B is granted anything on a record of
 * community A (every id of the request A's, or B's own records in the path with one id of A in the
 * body), no role outside a row is granted that row, and nobody who is not logged in is granted
 * anything but the public rows. A grant is a 2xx answer, or a page form's redirect without a
 * refusal; any 4xx is a refusal.
 */
@IntegrationTest
class AccessPolicyIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(AccessPolicyIntegrationTests.class);
  private static final AccessPolicy POLICY = AccessPolicy.load();

  @Autowired WebApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private MockMvc mvc;
  private TwoCommunities world;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    world = TwoCommunities.of(context);
  }

  @Test
  void everyOperationAndPageHasOneRowAndEveryRowAnOperation() throws Exception {
    List<String> problems = new ArrayList<>();
    for (RecordKind kind : RecordKind.values()) {
      if (!world.idsA().containsKey(kind) || !world.idsB().containsKey(kind)) {
        log.info(
            "no record of kind {} in A: {}, in B: {}",
            kind,
            world.idsA().get(kind),
            world.idsB().get(kind));
      }
    }
    Map<String, List<HandlerMethod>> handlers = handlers();
    Map<String, Rule> rows = new LinkedHashMap<>();
    POLICY.rules().forEach(r -> rows.put(r.toString(), r));
    handlers.keySet().stream()
        .filter(k -> !rows.containsKey(k))
        .forEach(k -> problems.add("no row for handler " + k));
    POLICY.rules().stream()
        .filter(r -> r.handler() && !handlers.containsKey(r.toString()))
        .forEach(r -> problems.add("row matches no handler (line " + r.line() + "): " + r));
    JsonNode paths = openApi().path("paths");
    for (String path : paths.propertyNames()) {
      for (String method : paths.get(path).propertyNames()) {
        String key = method.toUpperCase(Locale.ROOT) + " " + path;
        if (!rows.containsKey(key)) {
          problems.add("no row for OpenAPI operation " + key);
        }
      }
    }
    for (Operation op : operations()) {
      List<String> names = op.fieldNames();
      op.undeclaredIds().forEach(n -> problems.add(op.rule() + ": id '" + n + "' has no kind"));
      op.rule().ids().keySet().stream()
          .filter(n -> !names.contains(n))
          .forEach(n -> problems.add(op.rule() + ": declares '" + n + "', the request has none"));
      problems.addAll(schemaMismatches(op));
    }
    assertThat(problems).as("policy rows vs. handlers and the OpenAPI document").isEmpty();
  }

  @Test
  void anOperationWithoutARowIsDenied() throws Exception {
    Actor admin = world.staffA().get(Role.ADMIN);
    for (String path : List.of("/staff/no-such-page", "/api/v1/no-such-operation", "/secret")) {
      MvcResult r =
          mvc.perform(
                  MockMvcRequestBuilders.get(path)
                      .with(
                          org.springframework.security.test.web.servlet.request
                              .SecurityMockMvcRequestPostProcessors.authentication(admin.auth())))
              .andReturn();
      assertThat(r.getResponse().getStatus()).as(path).isEqualTo(403);
    }
  }

  @Test
  @DisplayName("staff and residents of community B are granted nothing on community A's records")
  void anotherCommunityIsGrantedNothing() throws Exception {
    Calls calls = new Calls();
    String markerOfA =
        jdbc.sql("SELECT name FROM community WHERE id = :c")
            .param("c", world.communityA())
            .query(String.class)
            .single();
    List<Actor> actors = new ArrayList<>(world.staffB().values());
    actors.add(world.residentB());
    for (Operation op : operations()) {
      Rule rule = op.rule();
      if (rule.scope() == Scope.PUBLIC || rule.scope() == Scope.COMPANY) {
        continue;
      }
      for (Actor actor : actors) {
        if (!rule.admits(actor.roles(), true)) {
          continue; // refused by the URL rules for the role alone: rolesOutsideTheRowAreRefused
        }
        boolean onlyHints = !rule.ids().isEmpty() && rule.hints().containsAll(rule.ids().keySet());
        if (onlyHints) {
          // a filter that only narrows what the caller sees anyway: A's value shows nothing of A
          calls.showsNothingOf(op, actor, from(rule, name -> 'A'), markerOfA);
        } else if (!rule.ids().isEmpty()) {
          calls.refused(op, actor, from(rule, name -> 'A'));
        } else {
          calls.showsNothingOf(op, actor, from(rule, name -> 'B'), markerOfA);
        }
        if (rule.ids().size() > 1) {
          for (String foreign : rule.ids().keySet()) {
            if (!rule.hints().contains(foreign)
                && differs(rule, foreign)
                && bHasAllBut(rule, foreign)) {
              calls.refused(op, actor, from(rule, name -> name.equals(foreign) ? 'A' : 'B'));
            }
          }
        }
      }
    }
    calls.assertNoGrant();
  }

  /** Kinds a community shares among its residents (or the company among all): not a unit's. */
  private static final Set<RecordKind> SHARED =
      Set.of(
          RecordKind.COMMUNITY,
          RecordKind.BUILDING,
          RecordKind.REPAIR_CATEGORY,
          RecordKind.COMPLAINT_CATEGORY,
          RecordKind.PRICE_ITEM,
          RecordKind.CONVENIENCE_SERVICE,
          RecordKind.ANNOUNCEMENT,
          RecordKind.COMMUNITY_ANNOUNCEMENT,
          RecordKind.KNOWLEDGE_ENTRY);

  @Test
  @DisplayName("a resident of the same community is granted nothing on another unit's records")
  void anotherResidentIsGrantedNothing() throws Exception {
    Calls calls = new Calls();
    Actor neighbour = world.neighbourA();
    for (Operation op : operations()) {
      Rule rule = op.rule();
      boolean ofAUnit =
          rule.ids().entrySet().stream()
              .anyMatch(e -> !rule.hints().contains(e.getKey()) && !SHARED.contains(e.getValue()));
      if (rule.admits(neighbour.roles(), true) && ofAUnit) {
        calls.refused(op, neighbour, from(rule, name -> 'A'));
      }
    }
    calls.assertNoGrant();
  }

  @Test
  @DisplayName("roles outside a row, residents on staff rows and anonymous callers are refused")
  void rolesOutsideTheRowAreRefused() throws Exception {
    Calls calls = new Calls();
    List<Actor> actors = new ArrayList<>(world.staffA().values());
    actors.add(world.residentA());
    actors.add(TwoCommunities.anonymous());
    for (Operation op : operations()) {
      for (Actor actor : actors) {
        if (!op.rule().admits(actor.roles(), actor.loggedIn())) {
          calls.refused(op, actor, from(op.rule(), name -> 'A'));
        }
      }
    }
    calls.assertNoGrant();
  }

  // ---- the calls and what they found

  /** The values of a request: each declared id from community A or B. */
  private PolicyRequests.Values from(Rule rule, Function<String, Character> community) {
    Function<String, String> id =
        name -> {
          RecordKind kind = rule.ids().get(name);
          if (kind == null) {
            return null;
          }
          char c = community.apply(name);
          long communityId = c == 'A' ? world.communityA() : world.communityB();
          if (kind == RecordKind.STAFF) {
            String role = staffRoleHint(name);
            if (role != null) {
              String staff = world.records().staff(communityId, role);
              if (staff != null) {
                return staff;
              }
            }
          }
          return (c == 'A' ? world.idsA() : world.idsB()).get(kind);
        };
    Function<String, Integer> version =
        name -> {
          RecordKind kind = rule.ids().get(name);
          return kind == null ? null : world.records().version(kind, id.apply(name));
        };
    StringBuilder s = new StringBuilder();
    rule.ids()
        .forEach(
            (n, k) ->
                s.append(n)
                    .append('=')
                    .append(community.apply(n))
                    .append(':')
                    .append(k.label())
                    .append(' ')
                    .append(id.apply(n))
                    .append("  "));
    return new PolicyRequests.Values(id, version, s.toString().strip());
  }

  private static String staffRoleHint(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("supervisor")) {
      return "SUPERVISOR";
    }
    if (n.contains("technician")) {
      return "TECHNICIAN";
    }
    if (n.contains("cashier")) {
      return "CASHIER";
    }
    if (n.equals("staffids")) {
      return "SECURITY";
    }
    return null;
  }

  /** A's record differs from B's (company-wide kinds, such as categories, are the same). */
  private boolean differs(Rule rule, String name) {
    RecordKind kind = rule.ids().get(name);
    String a = world.idsA().get(kind);
    return a != null && !a.equals(world.idsB().get(kind));
  }

  private boolean bHasAllBut(Rule rule, String foreign) {
    return rule.ids().entrySet().stream()
        .filter(e -> !e.getKey().equals(foreign))
        .allMatch(e -> world.idsB().containsKey(e.getValue()));
  }

  /** The calls of one test, and what they found. */
  private final class Calls {
    private final List<String> grants = new ArrayList<>();
    private final Set<String> failures = new TreeSet<>();
    private final PolicyRequests requests = new PolicyRequests(openApi(), LocalDate.now(clock));
    private int count;

    void refused(Operation op, Actor actor, PolicyRequests.Values values) throws Exception {
      MvcResult r = send(op, actor, values);
      if (PolicyRequests.outcome(r) == Outcome.GRANTED) {
        grants.add(describe(op, actor, values, r));
      }
    }

    void showsNothingOf(Operation op, Actor actor, PolicyRequests.Values values, String marker)
        throws Exception {
      MvcResult r = send(op, actor, values);
      String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
      if (PolicyRequests.outcome(r) == Outcome.GRANTED && body.contains(marker)) {
        grants.add(describe(op, actor, values, r) + " — shows " + marker);
      }
    }

    private MvcResult send(Operation op, Actor actor, PolicyRequests.Values values)
        throws Exception {
      count++;
      MvcResult r = mvc.perform(requests.request(op, values, actor)).andReturn();
      if (PolicyRequests.outcome(r) == Outcome.FAILED) {
        failures.add(describe(op, actor, values, r));
      }
      return r;
    }

    private String describe(Operation op, Actor actor, PolicyRequests.Values values, MvcResult r) {
      String detail = r.getResponse().getRedirectedUrl();
      return String.format(
          "%-22s %-60s %s -> %d%s",
          actor,
          op.rule(),
          values,
          r.getResponse().getStatus(),
          detail == null ? "" : " " + detail);
    }

    void assertNoGrant() {
      log.info("{} calls, {} grants the policy does not allow", count, grants.size());
      failures.forEach(f -> log.warn("5xx (not a grant): {}", f));
      assertThat(grants).as("grants the policy does not allow").isEmpty();
    }
  }

  // ---- the operations

  /** Handler methods by "METHOD pattern" (two when a pattern has a JSON and a multipart one). */
  private Map<String, List<HandlerMethod>> handlers() {
    Map<String, List<HandlerMethod>> out = new LinkedHashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      Set<String> methods = new LinkedHashSet<>();
      info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
      if (methods.isEmpty()) {
        methods.add("ANY");
      }
      for (String pattern : info.getPatternValues()) {
        for (String method : methods) {
          out.computeIfAbsent(method + " " + pattern, k -> new ArrayList<>()).add(e.getValue());
        }
      }
    }
    return out;
  }

  private List<Operation> operations() {
    Map<String, List<HandlerMethod>> handlers = handlers();
    PolicyRequests requests = new PolicyRequests(openApi(), LocalDate.now(clock));
    List<Operation> out = new ArrayList<>();
    for (Rule rule : POLICY.rules()) {
      if (rule.handler()) {
        for (HandlerMethod handler : handlers.getOrDefault(rule.toString(), List.of())) {
          out.add(
              new Operation(
                  rule, handler, requests.openApiOperation(rule.method(), rule.pattern())));
        }
      }
    }
    return out;
  }

  private JsonNode openApi;

  private JsonNode openApi() {
    if (openApi == null) {
      try {
        MvcResult r =
            mvc.perform(
                    MockMvcRequestBuilders.get("/v3/api-docs")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.authentication(
                                world.staffA().get(Role.ADMIN).auth())))
                .andReturn();
        openApi =
            JsonMapper.builder()
                .build()
                .readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return openApi;
  }

  /** The OpenAPI request schema of an operation names the fields its handler binds. */
  private List<String> schemaMismatches(Operation op) {
    if (op.openApi() == null) {
      return List.of();
    }
    JsonNode schema =
        op.openApi().path("requestBody").path("content").path("application/json").path("schema");
    if (!schema.has("$ref")) {
      return List.of();
    }
    String ref = schema.get("$ref").asString();
    JsonNode props =
        openApi()
            .path("components")
            .path("schemas")
            .path(ref.substring(ref.lastIndexOf('/') + 1))
            .path("properties");
    for (MethodParameter p : op.handler().getMethodParameters()) {
      if (p.getParameter().isAnnotationPresent(RequestBody.class)
          && p.getParameterType().isRecord()) {
        Set<String> documented = new TreeSet<>(props.propertyNames());
        Set<String> bound =
            new TreeSet<>(
                Arrays.stream(p.getParameterType().getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList());
        if (!documented.equals(bound)) {
          return List.of(
              op.rule() + ": OpenAPI schema " + ref + " " + documented + " but binds " + bound);
        }
      }
    }
    return List.of();
  }
}
