package id.ossgateway.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium driving the console (Debian's chromium and chromium-driver). Locally a test skips
 * when they are not installed; in CI ({@code CI=true}) it fails, because a skipped test proves nothing.
 * Screenshots go to {@code target/screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static ConsoleBrowser open(int port) {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ConsoleBrowser(new ChromeDriver(service, options), port);
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String missing = CHROMIUM + " and " + CHROMEDRIVER + " (apt install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("the console tests need " + missing + " in CI");
        }
        assumeTrue(false, "skipped outside CI: the console tests need " + missing);
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs in through the login form (from a clean session) and waits for the overview. */
    void signIn(String user, String password) {
        signOut();
        go("/console");
        fill(By.id("username"), user);
        fill(By.id("password"), password);
        click(By.id("sign-in"));
        visible(By.id("me"));
    }

    void signOut() {
        go("/login");
        driver.manage().deleteAllCookies();
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return visible(by).getText();
    }

    void fill(By by, String value) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(value);
    }

    /**
     * Clicks, and when the click leaves the page — a link, or a button that submits its form — waits until
     * the next page has replaced it and finished loading. Without that wait a test reads the old page: the
     * browser keeps showing it while the request is in flight (the unfiltered list after "search", the
     * DRAFT badge after "submit"). Clicks that stay on the page (a checkbox, a select) return at once.
     */
    void click(By by) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(by));
        boolean leaves = Boolean.TRUE.equals(driver.executeScript(LEAVES_PAGE, target));
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        if (leaves) {
            wait.until(ExpectedConditions.stalenessOf(page));
            wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        }
    }

    /** Whether clicking arguments[0] navigates: a link to another document, or a submit button of a form. */
    private static final String LEAVES_PAGE = """
            var e = arguments[0];
            var a = e.closest('a[href]');
            if (a) {
              var href = a.getAttribute('href');
              return !a.target && !href.startsWith('#') && !href.startsWith('javascript:');
            }
            var b = e.closest('button, input');
            if (!b || !b.form) return false;
            var type = (b.getAttribute('type') || (b.tagName === 'BUTTON' ? 'submit' : '')).toLowerCase();
            return type === 'submit' || type === 'image';
            """;

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Saves the page as {@code target/screenshots/<name>.png} and returns the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
