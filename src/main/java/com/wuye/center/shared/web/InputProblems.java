package com.wuye.center.shared.web;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.ApiProblems.FieldProblem;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What was wrong with a request's input, named by field: a JSON body that could not be read (its
 * JSON path, {@code communityIds[0]} or {@code items[2].name}), a parameter of the wrong type, a
 * control character. The message keys say what the field should be ("应为数字", "日期格式应为 …").
 */
final class InputProblems {

  private InputProblems() {}

  /** The field of a JSON body that was at fault, and why; a domain refusal when a value refused. */
  static Object ofUnreadableJson(HttpMessageNotReadableException e) {
    DomainException refused = cause(e, DomainException.class);
    JacksonException json = cause(e, JacksonException.class);
    if (refused != null) {
      if (refused.field() != null || json == null || path(json).isEmpty()) {
        return refused;
      }
      return new DomainException(refused.kind(), refused.messageKey(), path(json), refused.args());
    }
    if (json == null) {
      return new FieldProblem("body", "error.json.missing");
    }
    String field = path(json).isEmpty() ? "body" : path(json);
    if (json instanceof StrictJson.ControlCharacterException) {
      return new FieldProblem(field, "error.controlCharacter");
    }
    if (json instanceof PropertyBindingException) {
      return new FieldProblem(field, "error.field.unknown");
    }
    if (json instanceof InvalidNullException) {
      List<JacksonException.Reference> at = json.getPath();
      boolean inList = !at.isEmpty() && at.get(at.size() - 1).getIndex() >= 0;
      return new FieldProblem(field, inList ? "error.field.nullInList" : "error.required");
    }
    if (json instanceof MismatchedInputException m) {
      if (m.getOriginalMessage() != null && m.getOriginalMessage().contains("null")) {
        return new FieldProblem(field, "error.required");
      }
      return typeProblem(field, m.getTargetType());
    }
    if (json instanceof ValueInstantiationException v) {
      return typeProblem(field, v.getType() == null ? null : v.getType().getRawClass());
    }
    if (json instanceof StreamReadException s && s.getLocation() != null) {
      TokenStreamLocation at = s.getLocation();
      return new FieldProblem(field, "error.json.malformed", at.getLineNr(), at.getColumnNr());
    }
    return new FieldProblem(field, "error.json.malformed", "?", "?");
  }

  /** A parameter or form field that could not be converted to its declared type. */
  static FieldProblem ofTypeMismatch(String field, TypeMismatchException e) {
    if (cause(e, PlainTextBinding.ControlCharacterRefused.class) != null) {
      return new FieldProblem(field, "error.controlCharacter");
    }
    return typeProblem(field, e.getRequiredType());
  }

  static FieldProblem typeProblem(String field, Class<?> type) {
    if (type == null) {
      return new FieldProblem(field, "error.field.format");
    }
    if (type == boolean.class || type == Boolean.class) {
      return new FieldProblem(field, "error.field.boolean");
    }
    if (type.isEnum()) {
      String choices =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      return new FieldProblem(field, "error.field.choice", choices);
    }
    if (type == String.class || type == char.class || type == Character.class) {
      return new FieldProblem(field, "error.field.text");
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return new FieldProblem(field, "error.field.list");
    }
    if (type == LocalTime.class) {
      return new FieldProblem(field, "error.field.time");
    }
    if (type == java.time.Instant.class
        || type == java.time.OffsetDateTime.class
        || type == java.time.ZonedDateTime.class) {
      return new FieldProblem(field, "error.field.instant");
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return new FieldProblem(
          field, type == LocalDate.class ? "error.field.date" : "error.field.dateTime");
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return new FieldProblem(field, "error.field.number");
    }
    if (type.isRecord() || Map.class.isAssignableFrom(type)) {
      return new FieldProblem(field, "error.field.object");
    }
    return new FieldProblem(field, "error.field.format");
  }

  /** The JSON path of the value at fault: {@code items[2].name}; empty for the whole body. */
  static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    List<JacksonException.Reference> refs = e.getPath();
    for (JacksonException.Reference ref : refs) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /**
   * An upload over the size limits: Spring's exception when it parses the parts, the servlet
   * container's (Tomcat's size exceptions) when a parameter read parses them.
   */
  static boolean uploadTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
          || name.endsWith("SizeLimitExceededException")
          || name.equals("SizeException")
          || name.equals("FileCountLimitExceededException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The servlet container could not read the request's parameters (bad encoding, too many). */
  static boolean unreadableParameters(Throwable e) {
    return e.getClass().getSimpleName().equals("InvalidParameterException");
  }

  static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
