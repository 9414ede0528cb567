package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's headless Chromium, with its own fresh profile, signed in through the gateway's country chooser and
 * that country's login form. The Debian browser and driver are named explicitly, so nothing is ever downloaded.
 */
final class WebClientBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String CHROMIUM = System.getProperty("accord.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("accord.chromedriver", "/usr/bin/chromedriver");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String gatewayUrl;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    WebClientBrowser(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
        try {
            profile = Files.createTempDirectory("accord-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Chooses the user's government on the gateway's sign-in page and signs in on that government's own form. */
    WebClientBrowser signIn(String username) {
        String country = username.substring(0, 2);
        driver.get(gatewayUrl + "/login");
        driver.findElement(By.cssSelector("a[href='/login/" + country + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertThat(driver.getCurrentUrl()).contains("/realms/" + country + "/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo-" + country);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("username"), AllianceLogins.allianceUsername(username)));
        wait.until(ExpectedConditions.urlToBe(gatewayUrl + "/cases"));
        return this;
    }

    void open(String path) {
        driver.get(gatewayUrl + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(gatewayUrl) ? url.substring(gatewayUrl.length()) : url;
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return find(by).getText();
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void clickLink(String text) {
        click(By.linkText(text));
    }

    void clickButton(String text) {
        click(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** The control a visible label names: every field in the client is reached as a person reads it. */
    WebElement field(String label) {
        WebElement element = find(By.xpath("//label[normalize-space()=\"" + label + "\"]"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    WebElement field(WebElement scope, String label) {
        WebElement element = scope.findElement(By.xpath(".//label[normalize-space()=\"" + label + "\"]"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
    }

    void waitFor(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitUntil(Duration timeout, String failure, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout).withMessage(failure).until(condition);
    }

    /** No spinner left: every part of the page that loads on its own has answered. */
    void settled() {
        wait.until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
    }

    /** A screenshot of the whole page laid out at the given width, kept under target/screenshots. */
    Path screenshot(String name, int width) {
        settled();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
        try {
            JavascriptExecutor js = driver;
            js.executeScript("window.scrollTo(0, 0)");
            long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 8000), "scale", 1)));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** axe-core run inside the page as it stands; answers the violations it reports, with their impact. */
    List<Violation> accessibilityViolations() {
        settled();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource());
        }
        assertThat(js.executeScript("return axe.version")).as("axe-core loaded in the page").isEqualTo("4.6.3");
        String report = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(result => done(JSON.stringify(result.violations)))"
                + ".catch(error => done(JSON.stringify([{ id: 'axe-failed', impact: 'critical',"
                + " help: String(error), nodes: [] }])));");
        List<Violation> violations = new ArrayList<>();
        for (JsonNode item : JSON.readTree(report)) {
            List<String> targets = new ArrayList<>();
            item.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
            violations.add(new Violation(item.path("id").asString(), item.path("impact").asString(),
                    item.path("help").asString(), targets));
        }
        return violations;
    }

    private static String axeSource() {
        try (InputStream in = WebClientBrowser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // the browser may still be letting go of its profile; the folder is in the temporary directory
            }
        }
    }

    record Violation(String id, String impact, String help, List<String> targets) {
    }
}
