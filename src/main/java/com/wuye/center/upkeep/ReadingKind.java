package com.wuye.center.upkeep;

/** What a reading at a checkpoint measures. */
public enum ReadingKind {
  PRESSURE,
  TEMPERATURE,
  METER,
  VOLTAGE,
  CURRENT,
  LEVEL,
  OTHER
}
