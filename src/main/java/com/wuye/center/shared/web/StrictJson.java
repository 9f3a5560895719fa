package com.wuye.center.shared.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The one place JSON input is made strict, before any business code runs: a value is read only as
 * the type it is declared with (no {@code 301.9} for a whole number, no {@code "301"} for a number,
 * no {@code 1} for a yes/no, no number for a text or an enum), no {@code null} inside a list, and
 * no control character in any text. Every refusal names its field ({@link ApiProblems}). A decimal
 * (money) may be sent as a number or as its exact text ({@code "80.00"}). An unknown property is
 * ignored, as the API has always done (a client's extra field, e.g. a "diagnosis", is not kept). A
 * yes/no or a number declared as a primitive must be sent (null or missing is named, as Jackson 3
 * does by default).
 *
 * <p>Only the HTTP converter reads this strictly: the application's own mapper (events, the audit
 * trail) keeps reading what it wrote earlier, with the settings it was written with.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson implements WebMvcConfigurer {

  private final JsonMapper strict;

  StrictJson(JsonMapper json) {
    this.strict = strict(json.rebuild()).build();
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
  }

  /** The strict settings, applied to a copy of the application's mapper. */
  static JsonMapper.Builder strict(JsonMapper.Builder builder) {
    return builder
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        // money is sent exactly as text ("80.00") or as a number: both are decimals
        .withCoercionConfig(
            BigDecimal.class,
            c -> c.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
        .withCoercionConfig(
            LogicalType.Boolean,
            c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .addModule(new SimpleModule("plain-text").addDeserializer(String.class, PLAIN_TEXT));
  }

  private static final PlainTextDeserializer PLAIN_TEXT = new PlainTextDeserializer();

  /** A JSON text with a control character in it (other than a line break or a tab). */
  static final class ControlCharacterException extends InvalidFormatException {
    ControlCharacterException(JsonParser p, String value) {
      super(p, "control character in text", value, String.class);
    }
  }

  /** Text as the standard deserializer reads it, refused when it holds a control character. */
  static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
      super(String.class);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
      return true;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      if (value != null && Text.firstControlCharacter(value) >= 0) {
        throw new ControlCharacterException(p, value);
      }
      return value;
    }
  }
}
