package com.wuye.center.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * A message in its recipient's language: the subject and the text from the bundle ({@code
 * messaging.subject.KIND}, {@code messaging.text.KIND}) with the message's arguments, labels read
 * in that language. The arguments are stored as JSON (a label as {@code {"msg": key}}), so a
 * message recorded today reads the same when it is sent tomorrow and when customer service looks at
 * it.
 */
@Component
public class MessageTexts {

  private static final String LABEL = "msg";

  private final MessageSource messages;
  private final ObjectMapper json;

  MessageTexts(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
  }

  /** A message as read: subject, text, and each argument by name. */
  public record Rendered(String subject, String text, Map<String, String> params) {}

  String toJson(Map<String, Object> args) {
    Map<String, Object> out = new LinkedHashMap<>();
    args.forEach(
        (k, v) -> out.put(k, v instanceof MessageRequest.Label l ? Map.of(LABEL, l.key()) : v));
    return json.writeValueAsString(out);
  }

  public Rendered render(MessageKind kind, Locale locale, String argsJson) {
    Map<String, Object> args =
        json.readValue(argsJson, new TypeReference<LinkedHashMap<String, Object>>() {});
    Map<String, String> params = new LinkedHashMap<>();
    List<Object> values = new ArrayList<>();
    for (String name : kind.params()) {
      String v = value(args.get(name), locale);
      params.put(name, v);
      values.add(v);
    }
    Object[] a = values.toArray();
    return new Rendered(
        messages.getMessage("messaging.subject." + kind, a, locale),
        messages.getMessage("messaging.text." + kind, a, locale),
        params);
  }

  private String value(Object v, Locale locale) {
    if (v instanceof Map<?, ?> m && m.get(LABEL) instanceof String key) {
      return messages.getMessage(key, null, key, locale);
    }
    return v == null ? "" : String.valueOf(v);
  }
}
