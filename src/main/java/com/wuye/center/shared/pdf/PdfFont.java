package com.wuye.center.shared.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Chinese font PDFs embed. No Maven artifact ships one, so it is a file of the machine: {@code
 * wuye.pdf.font} if set, else the first of WenQuanYi Micro Hei, WenQuanYi Zen Hei or Droid Sans
 * Fallback found under {@code /usr/share/fonts} (Debian: {@code apt install fonts-wqy-microhei}).
 * Without one, the app starts and says so at startup and in the health check ({@code pdfFont}:
 * UNKNOWN, which does not take the node out of service), and a PDF prints Chinese as blanks.
 */
@Component("pdfFont")
public class PdfFont implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(PdfFont.class);

  /** File names in order of preference (TrueType or a TrueType collection; not CFF/OTF). */
  static final List<String> KNOWN =
      List.of(
          "wqy-microhei.ttc",
          "wqy-zenhei.ttc",
          "droidsansfallbackfull.ttf",
          "droidsansfallback.ttf");

  private final Optional<Path> file;

  PdfFont(
      @Value("${wuye.pdf.font:}") String configured,
      @Value("${wuye.pdf.font-dirs:/usr/share/fonts}") String dirs) {
    this.file = find(configured, dirs);
    if (file.isPresent()) {
      log.info("PDF font: {}", file.get());
    } else {
      log.warn(
          "No Chinese font for PDFs: set wuye.pdf.font to a .ttf/.ttc file or install"
              + " fonts-wqy-microhei; PDFs will show Chinese text as blanks");
    }
  }

  /** The font file, if one was found. */
  public Optional<Path> file() {
    return file;
  }

  @Override
  public Health health() {
    return file.map(f -> Health.up().withDetail("file", f.toString()).build())
        .orElseGet(
            () ->
                Health.unknown()
                    .withDetail(
                        "message",
                        "no Chinese font for PDFs: set wuye.pdf.font or install fonts-wqy-microhei")
                    .build());
  }

  static Optional<Path> find(String configured, String dirs) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured.trim());
      if (Files.isReadable(p)) {
        return Optional.of(p);
      }
      log.warn("wuye.pdf.font={} is not a readable file; searching {}", configured, dirs);
    }
    for (String name : KNOWN) {
      for (String dir : dirs.split(",")) {
        Path root = Path.of(dir.trim());
        if (!Files.isDirectory(root)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(root, 6)) {
          Optional<Path> hit =
              files
                  .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).equals(name))
                  .filter(Files::isReadable)
                  .findFirst();
          if (hit.isPresent()) {
            return hit;
          }
        } catch (IOException | java.io.UncheckedIOException e) {
          log.debug("cannot search {}: {}", root, e.toString());
        }
      }
    }
    return Optional.empty();
  }
}
