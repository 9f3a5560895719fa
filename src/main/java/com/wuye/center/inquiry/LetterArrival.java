package com.wuye.center.inquiry;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * CS-Q1 the day a letter arrived: a written consultation by letter carries it (not after today),
 * and its two days run from it — from that day at the time of registration, so a letter that came
 * yesterday is due a day earlier than one that came today. Only letters have it.
 */
public record LetterArrival(LocalDate day, Instant clockFrom) {

  /** The arrival of a consultation registered at {@code now}; null day for other channels. */
  public static LetterArrival of(Inquiry.Channel channel, LocalDate day, Instant now) {
    if (channel != Inquiry.Channel.LETTER) {
      if (day != null) {
        throw DomainException.invalid("letterReceivedOn", "inquiry.error.letterDateOnlyLetters");
      }
      return new LetterArrival(null, now);
    }
    if (day == null) {
      throw DomainException.invalid("letterReceivedOn", "inquiry.error.letterDateRequired");
    }
    LocalDateTime registered = LocalDateTime.ofInstant(now, ClockConfiguration.ZONE);
    if (day.isAfter(registered.toLocalDate())) {
      throw DomainException.invalid("letterReceivedOn", "inquiry.error.letterDateFuture");
    }
    Instant from = day.atTime(registered.toLocalTime()).atZone(ClockConfiguration.ZONE).toInstant();
    return new LetterArrival(day, from);
  }
}
