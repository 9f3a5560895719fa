package bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON for the results file: write nested maps/lists/numbers/strings; read flat objects. */
final class Json {
  private Json() {}

  static String write(Object o, String indent) {
    if (o == null) {
      return "null";
    }
    if (o instanceof Number || o instanceof Boolean) {
      return o.toString();
    }
    if (o instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{\n");
      int i = 0;
      for (var e : m.entrySet()) {
        sb.append(indent).append("  ").append(str(String.valueOf(e.getKey()))).append(": ").append(write(e.getValue(), indent + "  "));
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      return sb.append(indent).append("}").toString();
    }
    if (o instanceof Collection<?> c) {
      StringBuilder sb = new StringBuilder("[");
      int i = 0;
      for (Object e : c) {
        sb.append(write(e, indent + "  "));
        if (++i < c.size()) {
          sb.append(", ");
        }
      }
      return sb.append("]").toString();
    }
    return str(o.toString());
  }

  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A flat JSON object of numbers, strings and booleans. */
  static Map<String, Object> parseFlat(String json) {
    Map<String, Object> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"[^\"]*\"|-?[0-9.eE+]+|true|false|null)").matcher(json);
    while (m.find()) {
      String v = m.group(2);
      if (v.startsWith("\"")) {
        out.put(m.group(1), v.substring(1, v.length() - 1));
      } else if (v.equals("true") || v.equals("false")) {
        out.put(m.group(1), Boolean.parseBoolean(v));
      } else if (v.equals("null")) {
        out.put(m.group(1), null);
      } else if (v.matches("-?[0-9]+")) {
        out.put(m.group(1), Long.parseLong(v));
      } else {
        out.put(m.group(1), Double.parseDouble(v));
      }
    }
    return out;
  }
}
