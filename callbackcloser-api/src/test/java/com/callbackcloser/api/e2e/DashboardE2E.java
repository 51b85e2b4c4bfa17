package com.callbackcloser.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.api.bench.BenchDatabase;
import com.callbackcloser.api.bench.FakeTwilioApi;
import com.callbackcloser.api.bench.ServiceProcess;
import com.callbackcloser.api.bench.TwilioRequests;
import com.callbackcloser.api.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code make e2e}: the dashboard in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven
 * by Selenium), against the fat jar started as an operator starts it, on loopback, with a PostgreSQL of its own and
 * the Twilio fake. The walk: sign in, a missed call arrives (a signed Twilio webhook) and shows up in the inbox
 * without a reload, open it, read the transcript, play the recording, change the status, reply, see the reply
 * queued, then sent (the Twilio fake has it), then delivered; the caller's answer arrives. Once at desktop width,
 * once at 375 px. Every step leaves a screenshot in {@code callbackcloser-api/target/e2e/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardE2E {
    private static final String TWILIO_NUMBER = "+14155550100";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path screenshots;
    private static BenchDatabase database;
    private static FakeTwilioApi twilio;
    private static ServiceProcess service;
    private static TwilioRequests webhooks;
    private static String baseUrl;

    @BeforeAll
    static void theServiceAsAnOperatorRunsIt() throws Exception {
        Path jar = Path.of(System.getProperty("e2e.jar", "target/callbackcloser.jar"))
                .toAbsolutePath();
        Path config = Path.of(System.getProperty("e2e.config", "../config.yml")).toAbsolutePath();
        screenshots = Files.createDirectories(Path.of(System.getProperty("e2e.screenshots", "target/e2e")));
        Path work = Files.createTempDirectory("callbackcloser-e2e");
        database = BenchDatabase.start(work);
        twilio = new FakeTwilioApi();
        int port = ServiceProcess.freePort();
        baseUrl = "http://127.0.0.1:" + port;
        Map<String, String> env = new LinkedHashMap<>(ServiceProcess.environment(database.url(), twilio));
        env.put("APP_URL", baseUrl);
        // The pages refresh every 2 s instead of 5: the walk waits less.
        env.put("JAVA_TOOL_OPTIONS", "-Ddw.dashboard.refreshInterval=2s");
        ServiceProcess.command(jar, env, "db", "migrate", config.toString());
        ServiceProcess.command(
                jar,
                env,
                "business",
                "create",
                config.toString(),
                "--name",
                "Acme Plumbing",
                "--forwarding",
                "+14155550199",
                "--twilio-number",
                TWILIO_NUMBER,
                "--notify",
                "+14155550177",
                "--subscription",
                "active",
                "--owner",
                "pat");
        service = ServiceProcess.start(jar, config, env, work.resolve("service.log"), port);
        webhooks = new TwilioRequests(baseUrl, baseUrl);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (twilio != null) {
            twilio.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void atDesktopWidth() throws Exception {
        walk("desktop", 1280, 900, "+14155550123", true);
    }

    @Test
    @Order(2)
    void atPhoneWidth() throws Exception {
        walk("mobile", 375, 812, "+14155550124", false);
    }

    private void walk(String prefix, int width, int height, String caller, boolean everything) throws Exception {
        ChromeDriver browser = chromium(width, height);
        Shots shots = new Shots(browser, screenshots, prefix);
        try {
            browser.get(baseUrl + "/");
            waitFor(browser, By.id("dev-name"));
            shots.take("sign-in");
            browser.findElement(By.id("dev-name")).sendKeys("pat");
            browser.findElement(By.cssSelector(".dev-sign-in button")).click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("lead-list")));
            assertThat(browser.getCurrentUrl()).endsWith("/leads");
            if (everything) {
                assertThat(browser.findElement(By.id("inbox-empty")).getText())
                        .contains("No missed calls yet", "(415) 555-0100");
                shots.take("inbox-empty");
            }

            // A call nobody answers: Twilio posts the Dial's result (signed), the open inbox shows it unasked.
            ((JavascriptExecutor) browser).executeScript("window.e2eSamePage = true;");
            String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
            twilio.hasRecording(recordingSid, "audio/wav", tone());
            send(webhooks.missedCall(
                    "CA" + UUID.randomUUID().toString().replace("-", ""), caller, TWILIO_NUMBER, recordingSid, 2));
            String number = "(415) 555-" + caller.substring(caller.length() - 4);
            WebElement row = new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                            "//ol[@id='lead-list']/li[.//span[@class='lead-title'][text()='" + number + "']]")));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.e2eSamePage === true;"))
                    .as("the call arrived without a reload")
                    .isEqualTo(true);
            shots.take("inbox-new-call");

            // The caller answers the first text, twice: the conversation has something to read.
            awaitSentTo(caller, 1);
            send(webhooks.sms("SM" + UUID.randomUUID().toString().replace("-", ""), caller, TWILIO_NUMBER, "2"));
            awaitSentTo(caller, 2);
            send(webhooks.sms("SM" + UUID.randomUUID().toString().replace("-", ""), caller, TWILIO_NUMBER, "today"));
            awaitSentTo(caller, 3);

            row.findElement(By.cssSelector("a.lead-link")).click();
            waitFor(browser, By.id("conversation"));
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation"), "today"));
            String transcript = browser.findElement(By.id("conversation")).getText();
            assertThat(transcript)
                    .contains("Sorry we missed your call", "Got it: Install", "What's the ZIP code", "Caller");
            assertThat(browser.findElement(By.cssSelector(".answers")).getText())
                    .contains("Install", "Today");
            shots.take("lead");

            // An answer while the page is open: the conversation and the answers beside it update unasked.
            send(webhooks.sms("SM" + UUID.randomUUID().toString().replace("-", ""), caller, TWILIO_NUMBER, "94110"));
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("answers"), "94110"));
            awaitSentTo(caller, 4);

            WebElement audio = browser.findElement(By.id("recording"));
            Object played = browser.executeAsyncScript(
                    "const audio = arguments[0], done = arguments[arguments.length - 1];"
                            + " audio.muted = true;"
                            + " audio.play().then(() => setTimeout(() => done(audio.currentTime > 0 && !audio.error"
                            + " ? 'playing' : 'stuck at ' + audio.currentTime), 700), e => done('refused: ' + e));",
                    audio);
            assertThat(played).isEqualTo("playing");
            shots.take("recording-playing");

            new Select(browser.findElement(By.id("lead-status"))).selectByVisibleText("Contacted");
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("status-form"), "Saved: Contacted."));
            shots.take("status-changed");

            // Twilio takes a while to answer: the reply is seen queued first, then sent.
            twilio.answerAfter(Duration.ofSeconds(4));
            String reply = "Hi, this is Pat from Acme. I can come by at 3 today.";
            WebElement box = browser.findElement(By.id("reply-body"));
            box.sendKeys(reply);
            browser.findElement(By.cssSelector("#reply-form button[type=submit]"))
                    .click();
            By replyState = By.xpath("//li[contains(@class,'bubble-out')][.//p[text()='" + reply
                    + "']]//span[contains(@class,'delivery')]");
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(replyState, "Queued"));
            assertThat(browser.findElement(By.id("reply-body")).getAttribute("value"))
                    .as("box emptied")
                    .isEmpty();
            shots.take("reply-queued");
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(replyState, "Sent"));
            twilio.answerAfter(Duration.ZERO);
            FakeTwilioApi.Received sent = twilio.accepted().stream()
                    .filter(text -> text.to().equals(caller) && reply.equals(text.body()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the Twilio fake did not get the reply"));
            assertThat(sent.from()).isEqualTo(TWILIO_NUMBER);
            shots.take("reply-sent");

            String messageId = browser.findElement(
                            By.xpath("//li[contains(@class,'bubble-out')][.//p[text()='" + reply + "']]"))
                    .getAttribute("id")
                    .substring("message-".length());
            send(webhooks.messageStatus(messageId, sent.sid(), "delivered"));
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(replyState, "Delivered"));
            shots.take("reply-delivered");

            send(webhooks.sms(
                    "SM" + UUID.randomUUID().toString().replace("-", ""),
                    caller,
                    TWILIO_NUMBER,
                    "Great, see you at 3"));
            new WebDriverWait(browser, WAIT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("conversation"), "Great, see you at 3"));
            assertThat(browser.findElement(By.cssSelector(".conversation-state"))
                            .getText())
                    .contains("You are texting this caller");
            shots.take("caller-answered");

            if (everything) {
                browser.findElement(By.linkText("Your plan")).click();
                waitFor(browser, By.id("usage-meter"));
                shots.take("plan");
                browser.findElement(By.cssSelector(".sign-out button")).click();
                new WebDriverWait(browser, WAIT)
                        .until(ExpectedConditions.textToBePresentInElementLocated(
                                By.tagName("main"), "You are signed out."));
                shots.take("signed-out");
                browser.get(baseUrl + "/leads");
                waitFor(browser, By.id("dev-name"));
                assertThat(browser.getCurrentUrl()).contains("/sign-in?return_to=%2Fleads");
            }
            assertThat(browser.manage().logs().get("browser").getAll())
                    .as("no errors in the console (a CSP violation would be one)")
                    .noneMatch(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue());
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver chromium(int width, int height) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Headless, and nothing that would reach out to Google: the machine talks to 127.0.0.1 only.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--disable-extensions",
                "--autoplay-policy=no-user-gesture-required",
                "--force-device-scale-factor=1",
                "--user-data-dir=" + Files.createTempDirectory("callbackcloser-chromium"),
                "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver chrome = new ChromeDriver(driver, options);
        chrome.manage().window().setSize(new Dimension(width, height));
        if (width < 600) {
            // A phone: its viewport is the whole width (scrollbars overlay the page), touch, the viewport meta tag.
            chrome.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
            chrome.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true));
        }
        return chrome;
    }

    private static void waitFor(WebDriver browser, By element) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    private static void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Waits until the Twilio fake has {@code count} texts to {@code caller}: the outbox did its part. */
    private static void awaitSentTo(String caller, int count) {
        Eventually.within(
                WAIT,
                () -> assertThat(twilio.accepted().stream()
                                .filter(text -> caller.equals(text.to()))
                                .count())
                        .as("texts to " + caller)
                        .isGreaterThanOrEqualTo(count));
    }

    /** Two seconds of a 440 Hz tone as 8 kHz 16-bit mono WAV: a recording the audio element can play. */
    static byte[] tone() {
        int rate = 8000;
        int samples = rate * 2;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(samples * 2);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        wav.writeBytes(header.array());
        wav.writeBytes(pcm.array());
        return wav.toByteArray();
    }

    /** Numbered full-page screenshots, taken by Chromium itself (DevTools' captureBeyondViewport). */
    private static final class Shots {
        private final ChromeDriver browser;
        private final Path directory;
        private final String prefix;
        private int taken;

        Shots(ChromeDriver browser, Path directory, String prefix) {
            this.browser = browser;
            this.directory = directory;
            this.prefix = prefix;
        }

        @SuppressWarnings("unchecked")
        void take(String step) throws Exception {
            Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> shot = browser.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of(
                                    "x",
                                    0,
                                    "y",
                                    0,
                                    "width",
                                    ((Number) content.get("width")).doubleValue(),
                                    "height",
                                    Math.min(((Number) content.get("height")).doubleValue(), 6000),
                                    "scale",
                                    1)));
            byte[] png = java.util.Base64.getDecoder().decode((String) shot.get("data"));
            Files.write(directory.resolve(String.format("%s-%02d-%s.png", prefix, ++taken, step)), png);
        }
    }
}
