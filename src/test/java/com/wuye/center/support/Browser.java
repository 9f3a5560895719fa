package com.wuye.center.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium (Debian chromium + chromedriver) against the app's real port. */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final String base;
  private final Path profile;

  public Browser(int port) {
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
        "--window-size=1280,900",
        "--lang=zh-CN",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.getCurrentUrl().endsWith("/login"));
    return this;
  }

  public Browser login(String username) {
    return login(username, Api.DEMO_PASSWORD);
  }

  public WebElement find(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public Browser type(By by, String text) {
    WebElement e = find(by);
    e.clear();
    e.sendKeys(text);
    return this;
  }

  public Browser click(By by) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
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

  @Override
  public void close() {
    driver.quit();
    org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
  }
}
