package io.hearken.events.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromedriver} packages) for the browser tests of every
 * module, with a fresh profile that is deleted on {@link #close()}. Where Chromium is not installed the test is
 * skipped (a JUnit assumption), not failed. {@link #accessibilityProblems()} runs axe-core on the open page.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The axe-core impacts a page must not have: what stops a person from using it, not advice. */
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** A browser whose preferred language is {@code language} (e.g. {@code zh-CN}, {@code en}). */
    public static HeadlessChromium start(String language) throws IOException {
        return start(language, Map.of());
    }

    /** The same, with the browser in the time zone {@code zone} (e.g. far from the server's). */
    public static HeadlessChromium start(String language, ZoneId zone) throws IOException {
        return start(language, Map.of("TZ", zone.getId()));
    }

    private static HeadlessChromium start(String language, Map<String, String> environment) throws IOException {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "headless Chromium (Debian's chromium and chromedriver) is not installed");
        Path profile = Files.createTempDirectory("hearken-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,2400",
                "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withEnvironment(environment).build();
        return new HeadlessChromium(new ChromeDriver(service, options), service, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * The open page's serious and critical accessibility problems found by axe-core (WCAG 2.1 A and AA rules: text
     * alternatives, labels tied to fields, contrast, colour not the only carrier of meaning, …), one line each with
     * the elements it found them on; empty when there are none.
     */
    public List<String> accessibilityProblems() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        return results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(HeadlessChromium::describe).toList();
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + where;
    }

    /**
     * Saves the open page, from its top, as a PNG at {@code file} (for the README and docs), cut to the page's height
     * so a short page is not padded to the window's height; returns {@code file}.
     */
    public Path screenshot(Path file) throws IOException {
        driver.executeScript("window.scrollTo(0, 0)");
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
        Number height = (Number) driver.executeScript(
                "return Math.ceil((document.body.getBoundingClientRect().bottom + 16) * window.devicePixelRatio)");
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(shot.getSubimage(0, 0, shot.getWidth(), Math.min(shot.getHeight(), height.intValue())), "png",
                file.toFile());
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
