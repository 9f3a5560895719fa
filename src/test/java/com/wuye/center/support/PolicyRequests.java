package com.wuye.center.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.wuye.center.shared.security.AccessPolicy;
import com.wuye.center.shared.security.RecordKind;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests for every operation of the access policy, as the authorization test sends them: the path
 * variables, query parameters and body ids filled with records of the kinds the row declares (from
 * whichever community the test picks per name), every other field with a plausible value — API
 * bodies from the OpenAPI document's request schema, page forms from the handler's form record — so
 * that a request is refused for its ids, not for its shape.
 */
public final class PolicyRequests {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Parameter names that name a record without saying "id". */
  private static final java.util.Set<String> ID_WORDS =
      java.util.Set.of("community", "building", "cashier", "technician", "resident");

  /** One operation: a row of the policy and the handler method that serves it. */
  public record Operation(AccessPolicy.Rule rule, HandlerMethod handler, JsonNode openApi) {

    /** True for a JSON API operation (its handler writes the response body). */
    public boolean api() {
      return rule.pattern().startsWith("/api/");
    }

    /** Names the handler reads that are ids by their name but that the row does not declare. */
    public List<String> undeclaredIds() {
      List<String> out = new ArrayList<>();
      for (String name : fieldNames()) {
        boolean idLike =
            name.endsWith("Id")
                || name.endsWith("Ids")
                || name.equals("id")
                || ID_WORDS.contains(name);
        if (idLike && !rule.ids().containsKey(name)) {
          out.add(name);
        }
      }
      return out;
    }

    /** Every name the request carries: path variables, parameters and body or form fields. */
    public List<String> fieldNames() {
      List<String> out = new ArrayList<>(pathVariables(rule.pattern()));
      for (MethodParameter p : handler.getMethodParameters()) {
        Parameter param = p.getParameter();
        if (param.isAnnotationPresent(RequestParam.class)) {
          out.add(requestParamName(p));
        } else if (param.isAnnotationPresent(RequestBody.class)) {
          collectFields(param.getParameterizedType(), out);
        } else if (isForm(p)) {
          collectFields(param.getParameterizedType(), out);
        }
      }
      return out;
    }
  }

  /** What to put in a request: the value of each declared id, and record versions. */
  public record Values(
      Function<String, String> idByName, Function<String, Integer> version, String description) {
    @Override
    public String toString() {
      return description;
    }
  }

  private final Map<String, JsonNode> schemas;
  private final JsonNode openApi;
  private final LocalDate today;

  public PolicyRequests(JsonNode openApi, LocalDate today) {
    this.openApi = openApi;
    this.today = today;
    Map<String, JsonNode> s = new LinkedHashMap<>();
    JsonNode components = openApi.path("components").path("schemas");
    for (String name : components.propertyNames()) {
      s.put(name, components.get(name));
    }
    this.schemas = s;
  }

  /** The OpenAPI operation of a method and path, or null. */
  public JsonNode openApiOperation(HttpMethod method, String pattern) {
    JsonNode path = openApi.path("paths").path(pattern);
    if (path.isMissingNode() || method == null) {
      return null;
    }
    JsonNode op = path.path(method.name().toLowerCase(Locale.ROOT));
    return op.isMissingNode() ? null : op;
  }

  /** The request for the operation with these values, sent as the actor. */
  public AbstractMockHttpServletRequestBuilder<?> request(
      Operation op, Values values, TwoCommunities.Actor actor) {
    AccessPolicy.Rule rule = op.rule();
    HttpMethod method = rule.method() == null ? HttpMethod.GET : rule.method();
    String path = expand(rule.pattern(), values);
    boolean multipart = consumesMultipart(op);
    AbstractMockHttpServletRequestBuilder<?> b;
    if (multipart) {
      MockMultipartHttpServletRequestBuilder m = MockMvcRequestBuilders.multipart(method, path);
      files(op).forEach(m::file);
      b = m;
    } else {
      b = MockMvcRequestBuilders.request(method, path);
    }
    for (MethodParameter p : op.handler().getMethodParameters()) {
      Parameter param = p.getParameter();
      if (param.isAnnotationPresent(RequestParam.class)) {
        if (!MultipartFile.class.isAssignableFrom(p.getParameterType())
            && !isFileList(param.getParameterizedType())) {
          requestParam(b, p, values);
        }
      } else if (param.isAnnotationPresent(RequestHeader.class)) {
        b.header(param.getAnnotation(RequestHeader.class).name(), UUID.randomUUID().toString());
      } else if (param.isAnnotationPresent(RequestBody.class)) {
        b.contentType(MediaType.APPLICATION_JSON).content(json(op, p, values));
      } else if (isForm(p)) {
        formFields(b, "", param.getParameterizedType(), values);
      }
    }
    b.with(csrf()).header("Accept-Language", "zh-CN");
    if (op.api()) {
      b.accept(MediaType.APPLICATION_JSON);
    }
    if (actor.loggedIn()) {
      b.with(authentication(actor.auth()));
    }
    return b;
  }

  /** What the answer means: a grant (the operation was done or shown) or a refusal. */
  public enum Outcome {
    GRANTED,
    REFUSED,
    FAILED
  }

  /**
   * A 2xx answer, or a redirect that is neither to the login page nor carries a refusal (a page
   * form's refusal redirects back to the form with its message), is a grant; a 5xx is a failure.
   */
  public static Outcome outcome(MvcResult r) {
    int status = r.getResponse().getStatus();
    if (status >= 500) {
      return Outcome.FAILED;
    }
    if (status >= 200 && status < 300) {
      return Outcome.GRANTED;
    }
    if (status >= 300 && status < 400) {
      String location = r.getResponse().getRedirectedUrl();
      boolean login = location != null && location.contains("/login");
      // a security filter's redirect (to the login page) carries no flash map
      boolean refused = r.getFlashMap() != null && r.getFlashMap().containsKey("errorKey");
      return login || refused ? Outcome.REFUSED : Outcome.GRANTED;
    }
    return Outcome.REFUSED;
  }

  // ---- paths and parameters

  /** The names of a pattern's path variables. */
  public static List<String> pathVariableNames(String pattern) {
    return pathVariables(pattern);
  }

  static List<String> pathVariables(String pattern) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\{(\\w+)(?::[^}]*)?}").matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String expand(String pattern, Values values) {
    String path = pattern.replace("/**", "/x");
    var m = java.util.regex.Pattern.compile("\\{(\\w+)(?::([^}|]*)[^}]*)?}").matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // a variable with a regex ({direction:up|down}) that names no record: its first choice
      String v = values.idByName().apply(m.group(1));
      String value = v != null ? v : m.group(2) != null ? m.group(2) : "999999999";
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String requestParamName(MethodParameter p) {
    RequestParam rp = p.getParameter().getAnnotation(RequestParam.class);
    String name = !rp.name().isEmpty() ? rp.name() : rp.value();
    return name.isEmpty() ? p.getParameter().getName() : name;
  }

  private void requestParam(
      AbstractMockHttpServletRequestBuilder<?> b, MethodParameter p, Values values) {
    RequestParam rp = p.getParameter().getAnnotation(RequestParam.class);
    String name = requestParamName(p);
    String declared = values.idByName().apply(name);
    if (declared != null) {
      b.param(name, declared);
      return;
    }
    boolean required =
        rp.required()
            && rp.defaultValue()
                .equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
            && !java.util.Optional.class.equals(p.getParameterType());
    if (Map.class.isAssignableFrom(p.getParameterType())) {
      return;
    }
    if (required || name.equals("version")) {
      Object v = plausible(name, p.getParameterType(), values);
      if (v != null) {
        b.param(name, String.valueOf(v));
      }
    }
  }

  // ---- JSON bodies, from the OpenAPI request schema

  private String json(Operation op, MethodParameter p, Values values) {
    JsonNode schema =
        op.openApi() == null
            ? null
            : op.openApi()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
    JsonNode body =
        schema == null || schema.isMissingNode()
            ? fromType(p.getParameter().getParameterizedType(), values)
            : fromSchema("", schema, values, 0);
    return JSON.writeValueAsString(body);
  }

  private JsonNode fromSchema(String name, JsonNode schema, Values values, int depth) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      return fromSchema(name, schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), values, depth);
    }
    String type = schema.path("type").asString("object");
    if (type.equals("object") || schema.has("properties")) {
      ObjectNode o = JSON.createObjectNode();
      if (depth > 4) {
        return o;
      }
      JsonNode props = schema.path("properties");
      for (String prop : props.propertyNames()) {
        JsonNode v = fromSchema(prop, props.get(prop), values, depth + 1);
        if (v != null) {
          o.set(prop, v);
        }
      }
      return o;
    }
    if (type.equals("array")) {
      ArrayNode a = JSON.createArrayNode();
      String declared = values.idByName().apply(name);
      if (declared != null) {
        a.add(number(declared));
        return a;
      }
      JsonNode item = fromSchema(name, schema.path("items"), values, depth + 1);
      if (item != null) {
        a.add(item);
      }
      return a;
    }
    String declared = values.idByName().apply(name);
    if (declared != null) {
      return type.equals("string") ? JSON.getNodeFactory().stringNode(declared) : number(declared);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String format = schema.path("format").asString("");
    Class<?> javaType =
        switch (type) {
          case "integer" -> format.equals("int32") ? Integer.class : Long.class;
          case "number" -> BigDecimal.class;
          case "boolean" -> Boolean.class;
          default ->
              switch (format) {
                case "date" -> LocalDate.class;
                case "date-time" -> LocalDateTime.class;
                default -> String.class;
              };
        };
    Object v = plausible(name, javaType, values);
    return v == null ? null : JSON.valueToTree(v instanceof Number ? v : String.valueOf(v));
  }

  private static JsonNode number(String value) {
    try {
      return JSON.getNodeFactory().numberNode(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return JSON.getNodeFactory().stringNode(value);
    }
  }

  /** A body for a handler the OpenAPI document does not describe: from its Java type. */
  private JsonNode fromType(Type type, Values values) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        String declared = values.idByName().apply(c.getName());
        fields.put(
            c.getName(), declared != null ? declared : plausible(c.getName(), c.getType(), values));
      }
    }
    return JSON.valueToTree(fields);
  }

  // ---- page forms, from the handler's form record

  private void formFields(
      AbstractMockHttpServletRequestBuilder<?> b, String prefix, Type type, Values values) {
    Class<?> raw = raw(type);
    if (!raw.isRecord()) {
      return;
    }
    for (RecordComponent c : raw.getRecordComponents()) {
      String field = paramName(raw, c);
      String name = prefix + field;
      Class<?> t = c.getType();
      String declared = values.idByName().apply(field);
      if (MultipartFile.class.isAssignableFrom(t) || isFileList(c.getGenericType())) {
        continue;
      }
      if (declared != null) {
        b.param(name, declared);
      } else if (Collection.class.isAssignableFrom(t)) {
        Class<?> item = raw(elementType(c.getGenericType()));
        if (item.isEnum()) {
          for (Object e : item.getEnumConstants()) {
            b.param(name, ((Enum<?>) e).name());
          }
        } else if (item.isRecord()) {
          formFields(b, name + "[0].", item, values);
        } else {
          Object v = plausible(field, item, values);
          if (v != null) {
            b.param(name, String.valueOf(v));
          }
        }
      } else if (t.isRecord()) {
        formFields(b, name + ".", t, values);
      } else {
        Object v = plausible(field, t, values);
        if (v != null) {
          b.param(name, v instanceof Enum<?> e ? e.name() : String.valueOf(v));
        }
      }
    }
  }

  private static void collectFields(Type type, List<String> out) {
    Class<?> raw = raw(type);
    if (!raw.isRecord()) {
      return;
    }
    for (RecordComponent c : raw.getRecordComponents()) {
      out.add(paramName(raw, c));
      if (c.getType().isRecord()) {
        collectFields(c.getType(), out);
      } else if (Collection.class.isAssignableFrom(c.getType())) {
        collectFields(elementType(c.getGenericType()), out);
      }
    }
  }

  /** The request parameter a form record's component binds: its name, or its {@code @BindParam}. */
  private static String paramName(Class<?> record, RecordComponent c) {
    try {
      Class<?>[] types =
          java.util.Arrays.stream(record.getRecordComponents())
              .map(RecordComponent::getType)
              .toArray(Class<?>[]::new);
      var params = record.getDeclaredConstructor(types).getParameters();
      RecordComponent[] all = record.getRecordComponents();
      int i = 0;
      while (!all[i].getName().equals(c.getName())) {
        i++;
      }
      var bind = params[i].getAnnotation(org.springframework.web.bind.annotation.BindParam.class);
      return bind == null ? c.getName() : bind.value();
    } catch (NoSuchMethodException e) {
      return c.getName();
    }
  }

  static boolean isForm(MethodParameter p) {
    Class<?> t = p.getParameterType();
    Parameter param = p.getParameter();
    return t.isRecord()
        && !param.isAnnotationPresent(RequestBody.class)
        && !param.isAnnotationPresent(PathVariable.class)
        && !param.isAnnotationPresent(RequestParam.class)
        && !BindingResult.class.isAssignableFrom(t);
  }

  // ---- files

  private static boolean consumesMultipart(Operation op) {
    for (MethodParameter p : op.handler().getMethodParameters()) {
      if (MultipartFile.class.isAssignableFrom(p.getParameterType())
          || isFileList(p.getParameter().getParameterizedType())) {
        return true;
      }
      if (isForm(p)) {
        for (RecordComponent c : p.getParameterType().getRecordComponents()) {
          if (MultipartFile.class.isAssignableFrom(c.getType()) || isFileList(c.getGenericType())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<MockMultipartFile> files(Operation op) {
    List<MockMultipartFile> out = new ArrayList<>();
    for (MethodParameter p : op.handler().getMethodParameters()) {
      if (MultipartFile.class.isAssignableFrom(p.getParameterType())
          || isFileList(p.getParameter().getParameterizedType())) {
        out.add(file(requestParamName(p)));
      } else if (isForm(p)) {
        for (RecordComponent c : p.getParameterType().getRecordComponents()) {
          if (MultipartFile.class.isAssignableFrom(c.getType()) || isFileList(c.getGenericType())) {
            out.add(file(c.getName()));
          }
        }
      }
    }
    return out;
  }

  private static MockMultipartFile file(String name) {
    boolean sheet = name.equals("file");
    return sheet
        ? new MockMultipartFile(name, "import.csv", "text/csv", "楼栋,单元,房号\n1,1,101\n".getBytes())
        : new MockMultipartFile(name, "photo.jpg", "image/jpeg", Demo.jpeg());
  }

  private static boolean isFileList(Type type) {
    return type instanceof ParameterizedType pt
        && Collection.class.isAssignableFrom(raw(pt))
        && MultipartFile.class.isAssignableFrom(raw(pt.getActualTypeArguments()[0]));
  }

  // ---- plausible values

  /** A value a form or body would carry for a field of this name and type. */
  private Object plausible(String name, Class<?> type, Values values) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("version")) {
      Integer v = values.version().apply("id");
      return v == null ? 0 : v;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type == Boolean.class || type == boolean.class) {
      return Boolean.TRUE;
    }
    if (type == Integer.class || type == int.class) {
      return n.contains("hours") ? 24 : n.contains("minutes") ? 30 : n.contains("floor") ? 12 : 1;
    }
    if (type == Long.class || type == long.class) {
      return 1L;
    }
    if (type == BigDecimal.class || type == Double.class || type == double.class) {
      return n.contains("area") ? new BigDecimal("88.50") : new BigDecimal("10.00");
    }
    if (type == LocalDate.class) {
      return today;
    }
    if (type == LocalDateTime.class) {
      return today.plusDays(1).atTime(10, 0);
    }
    if (type == Instant.class) {
      return today
          .plusDays(1)
          .atTime(10, 0)
          .atZone(java.time.ZoneId.of("Asia/Shanghai"))
          .toInstant();
    }
    if (type == LocalTime.class) {
      return LocalTime.of(10, 0);
    }
    if (type == YearMonth.class) {
      return YearMonth.from(today);
    }
    if (type != String.class) {
      return null;
    }
    if (n.contains("phone")) {
      return "13900000009";
    }
    if (n.equals("idtype")) {
      return "PASSPORT";
    }
    if (n.contains("idnumber")) {
      return "E12345678";
    }
    if (n.contains("signature")) {
      return Demo.signature();
    }
    if (n.contains("password")) {
      return TwoCommunities.PASSWORD;
    }
    if (n.equals("scan")) {
      return null;
    }
    if (n.equals("period") || n.equals("to") || n.equals("month")) {
      return YearMonth.from(today).toString();
    }
    if (n.equals("category")) {
      return "WATER_ELECTRIC";
    }
    if (n.equals("channel")) {
      return "PHONE";
    }
    if (n.contains("code") || n.equals("number") || n.equals("username")) {
      return "T" + (System.nanoTime() % 100_000_000);
    }
    if (n.equals("unit") || n.equals("priceunit")) {
      return "个";
    }
    if (n.contains("idempotency") || n.equals("key")) {
      return UUID.randomUUID().toString();
    }
    return "测试内容";
  }

  private static Type elementType(Type type) {
    return type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType pt) {
      return (Class<?>) pt.getRawType();
    }
    return Object.class;
  }

  /** The kinds the test fills, by name: a row's declared ids. */
  public static Map<String, RecordKind> declared(AccessPolicy.Rule rule) {
    return rule.ids();
  }
}
