package com.wuye.center.billing;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.NumberSeries;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * CA-2: every payment gets a receipt with a unique, gap-free number per series, one series per
 * community and year: {@code BJHY2026-000123} for payments, {@code BJHY2026-T000004} for refunds. A
 * number is taken in the booking's transaction, so a rolled-back booking gives it back and
 * concurrent cashiers queue on the series. An issued receipt is never edited: a mistaken one is
 * voided (红冲, {@link Voids}) with a supervisor's approval, and keeps its number.
 */
@Component
public class ReceiptSeries {

  private final NumberSeries numbers;
  private final EstateDirectory estate;

  ReceiptSeries(NumberSeries numbers, EstateDirectory estate) {
    this.numbers = numbers;
    this.estate = estate;
  }

  /** Which series: payments (收款) or refunds (退款, numbers prefixed T). */
  enum Kind {
    RECEIPT("receipt", ""),
    REFUND("refund", "T");

    private final String series;
    private final String prefix;

    Kind(String series, String prefix) {
      this.series = series;
      this.prefix = prefix;
    }
  }

  /** A receipt number as issued: the series, its number in the series, and the printed text. */
  record Number(String series, long number, String text) {}

  /**
   * Takes the next number of the community's series of the year; must run in the booking's
   * transaction.
   */
  Number next(Kind kind, long communityId, LocalDate day) {
    String code = estate.community(communityId).orElseThrow().code().toUpperCase(Locale.ROOT);
    String series = "billing." + kind.series + "." + code + "." + day.getYear();
    long n = numbers.next(series);
    return new Number(
        series, n, code + day.getYear() + "-" + kind.prefix + String.format("%06d", n));
  }
}
