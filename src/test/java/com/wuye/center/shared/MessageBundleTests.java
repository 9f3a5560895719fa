package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Every text exists in Chinese (the default bundle) and English, for each bundle the app reads
 * ({@code spring.messages.basename}): the same keys, no empty text, the same placeholders ({0},
 * {1,number}, …) per key, and no key in two bundles (the first would silently win).
 */
class MessageBundleTests {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  static List<String> basenames() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    String basenames = yaml.getObject().getProperty("spring.messages.basename");
    return Arrays.stream(basenames.split(",")).map(String::trim).toList();
  }

  static Properties load(String file) {
    Properties p = new Properties();
    try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + file)) {
      assertThat(in).as("%s on the classpath", file).isNotNull();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new IllegalStateException(file, e);
    }
    return p;
  }

  @Test
  void everyBundleOfTheAppIsChecked() {
    // every bundle file in i18n/ is named in spring.messages.basename (a bundle left out would
    // never be read) and every name there has its file
    java.io.File dir = new java.io.File("src/main/resources/i18n");
    List<String> files =
        Arrays.stream(
                dir.list((d, n) -> n.endsWith(".properties") && !n.endsWith("_en.properties")))
            .map(n -> "i18n/" + n.substring(0, n.length() - ".properties".length()))
            .toList();
    assertThat(files).isNotEmpty();
    List<String> configured = basenames();
    assertThat(configured).contains("messages").containsAll(files);
    assertThat(configured.stream().filter(b -> !b.equals("messages")))
        .containsExactlyInAnyOrderElementsOf(files);
  }

  @TestFactory
  Stream<DynamicTest> chineseAndEnglishSayTheSameThings() {
    return basenames().stream()
        .map(base -> DynamicTest.dynamicTest(base, () -> sameKeysTextsAndPlaceholders(base)));
  }

  private static void sameKeysTextsAndPlaceholders(String base) {
    Properties zh = load(base + ".properties");
    Properties en = load(base + "_en.properties");
    Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
    onlyZh.removeAll(en.stringPropertyNames());
    Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
    onlyEn.removeAll(zh.stringPropertyNames());
    assertThat(onlyZh).as("%s: keys without English", base).isEmpty();
    assertThat(onlyEn).as("%s: keys without Chinese", base).isEmpty();
    for (Properties p : List.of(zh, en)) {
      assertThat(p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank()))
          .as("%s: empty texts", base)
          .isEmpty();
    }
    TreeMap<String, String> mismatched = new TreeMap<>();
    for (String key : zh.stringPropertyNames()) {
      Set<String> zhArgs = placeholders(zh.getProperty(key));
      Set<String> enArgs = placeholders(en.getProperty(key));
      if (!zhArgs.equals(enArgs)) {
        mismatched.put(key, "zh " + zhArgs + " en " + enArgs);
      }
    }
    assertThat(mismatched).as("%s: placeholders that differ between the languages", base).isEmpty();
  }

  @Test
  void noKeyIsInTwoBundles() {
    TreeMap<String, String> owner = new TreeMap<>();
    TreeMap<String, String> twice = new TreeMap<>();
    for (String base : basenames()) {
      for (String key : load(base + ".properties").stringPropertyNames()) {
        String first = owner.putIfAbsent(key, base);
        if (first != null) {
          twice.put(key, first + " and " + base);
        }
      }
    }
    assertThat(twice).as("keys defined in two bundles").isEmpty();
  }

  private static Set<String> placeholders(String text) {
    Set<String> args = new TreeSet<>();
    if (text == null) {
      return args;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }
}
