package com.wuye.center.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian chromium + chromedriver) against the app's real port.
 *
 * <p>Starting Chromium costs a second or more, so a closed browser is not quit but kept for the
 * next test of the same JVM, wiped as a new one would be: every cookie and the site's storage
 * cleared, a fresh tab (no session storage, no history), no open dialog, the default window size.
 * Browsers open at the same time are separate Chromium instances; the kept ones are quit when the
 * JVM ends.
 *
 * <p>A browser fails its test when closed if the console showed a Content-Security-Policy violation
 * on any page it opened (an inline script, an {@code on*} handler, a style attribute).
 */
public final class Browser implements AutoCloseable {

  private static final Dimension WINDOW = new Dimension(1280, 900);
  private static final int KEEP = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** How often a wait looks again (Selenium's default, 500 ms, adds up over a suite). */
  private static final Duration POLL = Duration.ofMillis(50);

  private static final Deque<Chromium> IDLE = new ArrayDeque<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "quit-chromium"));
  }

  /** One Chromium with its chromedriver and profile folder. */
  private record Chromium(ChromeDriver driver, Path profile) {

    static Chromium start() {
      Path profile;
      try {
        profile = Files.createTempDirectory("wuye-chrome");
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      ChromeOptions options = new ChromeOptions();
      options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
          "--lang=zh-CN",
          "--user-data-dir=" + profile);
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Chromium(driver, profile);
    }

    /** Wipes what a test left: as if newly started. False if the browser is not usable. */
    boolean wipe(String origin) {
      try {
        try {
          driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException e) {
          // none open
        }
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
          if (!handle.equals(fresh)) {
            driver.switchTo().window(handle).close();
          }
        }
        driver.switchTo().window(fresh);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand(
            "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        driver.manage().window().setSize(WINDOW);
        driver.manage().logs().get(LogType.BROWSER); // the next test starts with an empty console
        return !fresh.equals(old);
      } catch (WebDriverException e) {
        return false;
      }
    }

    void quit() {
      try {
        driver.quit();
      } catch (WebDriverException e) {
        // already gone
      }
      org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  private static Chromium take() {
    synchronized (IDLE) {
      Chromium kept = IDLE.pollFirst();
      if (kept != null) {
        return kept;
      }
    }
    return Chromium.start();
  }

  private static void giveBack(Chromium chromium, String origin) {
    if (chromium.wipe(origin)) {
      synchronized (IDLE) {
        if (IDLE.size() < KEEP) {
          IDLE.addFirst(chromium);
          return;
        }
      }
    }
    chromium.quit();
  }

  private static void quitIdle() {
    synchronized (IDLE) {
      IDLE.forEach(Chromium::quit);
      IDLE.clear();
    }
  }

  private final Chromium chromium;
  private final ChromeDriver driver;
  private final String base;
  private boolean closed;
  private final List<String> cspViolations = new ArrayList<>();

  public Browser(int port) {
    chromium = take();
    driver = chromium.driver();
    base = "http://localhost:" + port;
  }

  public WebDriver driver() {
    return driver;
  }

  public Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  public Browser login(String username, String password) {
    open("/login");
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("login-submit"));
    // wait until the login has answered: a home page, or the login page with a message
    new WebDriverWait(driver, Duration.ofSeconds(15), POLL)
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
    return this;
  }

  public Browser login(String username) {
    return login(username, Api.DEMO_PASSWORD);
  }

  public WebElement find(By by) {
    return new WebDriverWait(driver, TIMEOUT, POLL)
        .until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public Browser type(By by, String text) {
    WebElement e = find(by);
    e.clear();
    e.sendKeys(text);
    return this;
  }

  public Browser click(By by) {
    new WebDriverWait(driver, TIMEOUT, POLL)
        .until(ExpectedConditions.elementToBeClickable(by))
        .click();
    return this;
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Saves a screenshot under target/screenshots (for looking at what a person sees). */
  public void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Content-Security-Policy violations the console has shown so far. */
  public List<String> cspViolations() {
    try {
      for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
        if (e.getMessage().contains("Content Security Policy")) {
          cspViolations.add(e.getMessage());
        }
      }
    } catch (WebDriverException e) {
      // the browser is gone: nothing more to read
    }
    return List.copyOf(cspViolations);
  }

  /**
   * Ends this browser's session: its Chromium is wiped and kept for the next test. Fails the test
   * if the console showed a Content-Security-Policy violation.
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      List<String> violations = cspViolations();
      giveBack(chromium, base);
      if (!violations.isEmpty()) {
        throw new AssertionError("Content-Security-Policy violations: " + violations);
      }
    }
  }
}
