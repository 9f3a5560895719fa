package com.wuye.center.repair;

import java.time.Duration;
import java.util.Locale;

/**
 * A repair category (水电, 门窗, 管道疏通, 电梯, 公共设施, 其他 …) with its targets: the resolve time (EN-3: 24
 * hours unless configured otherwise) and the arrival time for emergencies.
 */
public record RepairCategory(
    String code,
    String name,
    String nameEn,
    int targetHours,
    int arriveMinutes,
    int sortOrder,
    boolean active,
    int version) {

  public Duration target() {
    return Duration.ofHours(targetHours);
  }

  public Duration arriveTarget() {
    return Duration.ofMinutes(arriveMinutes);
  }

  /** The name in the reader's language. */
  public String label(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
  }
}
