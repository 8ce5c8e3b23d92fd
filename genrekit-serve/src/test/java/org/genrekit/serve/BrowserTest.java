package org.genrekit.serve;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelBundles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end: Debian's headless Chromium, driven through chromedriver, uploads a song on the page
 * and must show the genres, the spectrogram and the timeline. Saves screenshots under target/.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path temp;
    @TempDir
    Path profile;
    GenreServer server;
    ChromeDriver driver;
    final List<GenreClassifier> models = new ArrayList<>();

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        models.forEach(GenreClassifier::close);
    }

    @Test
    void dropASongAndSeeWhatItHears() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (bin/setup --test installs them): skipping the browser test");
        String shared = System.getProperty("genrekit.shared");
        Path song = shared == null ? null : Path.of(shared, "data/ood/librosa/vibeace.ogg");
        assumeTrue(song != null && Files.isRegularFile(song), "vibeace.ogg not found under genrekit.shared: skipping the browser test");

        models.add(defaultModelOrTestOne());
        SpectrogramRenderer renderer = SpectrogramRenderers.logMel() != null ? SpectrogramRenderers.logMel() : new TestRenderer();
        server = new GenreServer(TestServers.config(temp), models, AudioDecoder.ffmpeg(), renderer).start();

        // Selenium must not look for (or download) a driver: the path is given, so Selenium Manager never runs.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1000,1050", "--hide-scrollbars");
        driver = new ChromeDriver(service, options);
        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> d.findElements(By.cssSelector("#model option")).size() == models.size());

        driver.findElement(By.id("file")).sendKeys(song.toRealPath().toString());
        wait.until(d -> d.findElement(By.id("result")).isDisplayed() || !d.findElement(By.id("status")).getText().isBlank()
                && d.findElement(By.id("status")).getAttribute("class").contains("error"));
        assertEquals("", driver.findElement(By.id("status")).getText(), "the page reported an error");

        GenreClassifier model = models.get(0);
        String genre = driver.findElement(By.id("genre")).getText().toLowerCase(java.util.Locale.ROOT);
        assertTrue(model.labels().contains(genre), "top genre '" + genre + "' is not one of " + model.labels());
        List<WebElement> bars = driver.findElements(By.cssSelector("#bars .bar"));
        assertEquals(model.labels().size(), bars.size(), "one bar per genre");
        assertEquals(genre, bars.get(0).getAttribute("data-genre"), "bars are sorted, the top genre first");
        int topFill = bars.get(0).findElement(By.className("fill")).getSize().getWidth();
        int track = bars.get(0).findElement(By.className("track")).getSize().getWidth();
        assertTrue(topFill > 0.1 * track && topFill <= track, "top bar drawn " + topFill + " px of " + track);
        WebElement img = driver.findElement(By.cssSelector("#spectrogram img"));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", img)).intValue() > 0);
        assertTrue(img.getSize().getWidth() > 200, "spectrogram too small: " + img.getSize());
        assertFalse(driver.findElements(By.cssSelector("#timeline .seg")).isEmpty(), "no segment timeline");

        Path out = Path.of("target");
        Files.createDirectories(out);
        // The whole page in one picture: grow the window to the content's height (plus the window's chrome).
        Number contentHeight = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Number chrome = (Number) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1000, contentHeight.intValue() + chrome.intValue()));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve("serve-page.png"), StandardCopyOption.REPLACE_EXISTING);

        // Phone-sized: nothing may stick out sideways.
        driver.manage().window().setSize(new Dimension(390, 844));
        Number overflow = (Number) driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "page is " + overflow + " px wider than a phone screen");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), out.resolve("serve-page-phone.png"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(), TestServers.files(temp));
    }

    /**
     * The bundle named by system property {@code genrekit.serve.model} (to take the README picture
     * with a trained model), else the built-in model, else the test classifier.
     */
    private static GenreClassifier defaultModelOrTestOne() {
        try {
            String bundle = System.getProperty("genrekit.serve.model");
            if (bundle != null && !bundle.isBlank()) return ModelBundles.load(Path.of(bundle));
            return ModelBundles.loadDefault();
        } catch (UnsupportedOperationException | java.io.IOException e) {
            System.err.println("BrowserTest: no built-in model yet (" + e.getMessage() + "); using the test classifier");
            return new StatsClassifier("stats", 0);
        }
    }
}
