package com.wuye.center.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the emergency pages exists in Chinese and English. */
class EmergencyBundleTests {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        new InputStreamReader(
            EmergencyBundleTests.class.getResourceAsStream("/i18n/" + name),
            StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeysAndEveryStepHasAName() throws IOException {
    Properties zh = load("emergency.properties");
    Properties en = load("emergency_en.properties");
    assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
    assertThat(zh.stringPropertyNames()).allMatch(k -> k.startsWith("emergency."));
    assertThat(Arrays.stream(StepType.values()).map(t -> "emergency.step." + t))
        .allMatch(zh::containsKey);
    assertThat(Arrays.stream(Choice.values()).map(c -> "emergency.choice." + c))
        .allMatch(zh::containsKey);
    assertThat(Arrays.stream(Necessity.values()).map(n -> "emergency.necessity." + n))
        .allMatch(zh::containsKey);
  }
}
