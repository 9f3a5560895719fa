package com.wuye.center.messaging;

import java.util.Locale;

/** The language a person reads their messages in (stored as {@code zh} / {@code en}). */
public enum Language {
  ZH(Locale.SIMPLIFIED_CHINESE),
  EN(Locale.ENGLISH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code zh} or {@code en}; anything else is Chinese, the service center's first language. */
  public static Language of(String code) {
    return "en".equalsIgnoreCase(code) ? EN : ZH;
  }
}
