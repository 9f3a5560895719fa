package com.wuye.center.shared.web;

import io.swagger.v3.oas.models.media.StringSchema;
import java.time.LocalTime;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * How value types the API binds are described in the OpenAPI document: a time of day ({@link
 * LocalTime}, e.g. quiet hours) is the text "08:30", as the JSON binding reads it — not the object
 * of hours, minutes and nanoseconds the schema generator would otherwise describe.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsTypes {

  static {
    SpringDocUtils.getConfig()
        .replaceWithSchema(
            LocalTime.class, new StringSchema().format("partial-time").example("08:30"));
  }
}
