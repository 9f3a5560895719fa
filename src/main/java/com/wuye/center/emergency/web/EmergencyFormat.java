package com.wuye.center.emergency.web;

import org.springframework.stereotype.Component;

/** Formats of the emergency pages: durations as m:ss or h:mm:ss (language-neutral). */
@Component("emergencyFormat")
public class EmergencyFormat {

  /** 75 → "1:15", 3725 → "1:02:05"; null → "—". */
  public String duration(Long seconds) {
    if (seconds == null) {
      return "—";
    }
    long s = Math.max(0, seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long rest = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, rest) : String.format("%02d:%02d", m, rest);
  }
}
