package com.wuye.center.scratch;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.security.AccessPolicy;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.PolicyRequests;
import com.wuye.center.support.TwoCommunities;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ProbeIntegrationTests {
  @Autowired WebApplicationContext context;
  @Autowired Clock clock;
  @Autowired MessageSource messages;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void probe() throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    TwoCommunities world = TwoCommunities.of(context);
    var admin = world.staffA().get(Role.ADMIN);
    var api =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        MockMvcRequestBuilders.get("/v3/api-docs")
                            .with(
                                org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.authentication(
                                    admin.auth())))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
    PolicyRequests req = new PolicyRequests(api, LocalDate.now(clock));
    Map<String, HandlerMethod> handlers = new LinkedHashMap<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, hm) -> {
              Set<String> ms = new LinkedHashSet<>();
              info.getMethodsCondition().getMethods().forEach(m -> ms.add(m.name()));
              if (ms.isEmpty()) ms.add("ANY");
              for (String p : info.getPatternValues())
                for (String m : ms)
                  handlers.merge(
                      m + " " + p,
                      hm,
                      (a, b) -> a.getMethod().getName().contains("Photos") ? b : a);
            });
    String roleText = messages.getMessage("error.forbidden.role", null, Locale.SIMPLIFIED_CHINESE);
    String commText =
        messages.getMessage("error.forbidden.community", null, Locale.SIMPLIFIED_CHINESE);
    List<String> out = new ArrayList<>();
    List<Role> order =
        List.of(
            Role.CUSTOMER_SERVICE,
            Role.CASHIER,
            Role.TECHNICIAN,
            Role.SECURITY,
            Role.SUPERVISOR,
            Role.MANAGER,
            Role.ADMIN);
    List<TwoCommunities.Actor> actors = new ArrayList<>();
    order.forEach(r -> actors.add(world.staffA().get(r)));
    actors.add(world.residentA());
    // GETs first so POSTs don't change states before reads
    List<AccessPolicy.Rule> rules = new ArrayList<>(AccessPolicy.load().rules());
    rules.sort(Comparator.comparing(r -> r.method() == null || !r.method().name().equals("GET")));
    for (AccessPolicy.Rule rule : rules) {
      HandlerMethod h = handlers.get(rule.toString());
      if (!rule.handler() || h == null) continue;
      var op =
          new PolicyRequests.Operation(
              rule, h, req.openApiOperation(rule.method(), rule.pattern()));
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "%-5s %-62s",
                  rule.method() == null ? "ANY" : rule.method().name(), rule.pattern()));
      for (var actor : actors) {
        java.util.function.Function<String, String> id =
            n -> {
              var k = rule.ids().get(n);
              return k == null ? null : world.idsA().get(k);
            };
        var values =
            new PolicyRequests.Values(
                id,
                n -> {
                  var k = rule.ids().get(n);
                  return k == null ? null : world.records().version(k, id.apply(n));
                },
                "");
        String cell;
        try {
          MvcResult r = mvc.perform(req.request(op, values, actor)).andReturn();
          var o = PolicyRequests.outcome(r);
          int st = r.getResponse().getStatus();
          String key = "";
          String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
          if (body.contains("urn:wuye:error:")) {
            int i = body.indexOf("urn:wuye:error:") + 15;
            key = body.substring(i, body.indexOf('"', i));
          }
          Object fk = r.getFlashMap().get("errorKey");
          if (fk != null) key = fk.toString();
          if (r.getModelAndView() != null
              && r.getModelAndView().getModel().get("message") != null) {
            String m = r.getModelAndView().getModel().get("message").toString();
            key =
                m.equals(roleText)
                    ? "error.forbidden.role"
                    : m.equals(commText) ? "error.forbidden.community" : m;
          }
          if (key.equals("error.forbidden.role")) cell = "ROLE";
          else if (key.equals("error.forbidden.community")) cell = "COMM";
          else
            cell =
                (o == PolicyRequests.Outcome.GRANTED
                        ? "ok"
                        : o == PolicyRequests.Outcome.FAILED ? "5xx" : "r")
                    + st
                    + (key.isEmpty() ? "" : ":" + key);
        } catch (Exception e) {
          cell = "EXC:" + e.getClass().getSimpleName();
        }
        line.append(" | ")
            .append(String.format("%-10s", cell.length() > 40 ? cell.substring(0, 40) : cell));
      }
      out.add(line.toString());
    }
    Files.write(Path.of("/tmp/authz/probe.txt"), out);
  }
}
