package dev.earshot.ingest.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * Reads a page the way a person's browser shows it, for the sites that insert their reviews with JavaScript: headless
 * Chromium (Debian's, driven through its own chromedriver by Selenium, which is given both paths and so never looks
 * for or downloads a browser or driver). Every byte Chromium sends or receives goes through a {@link GuardedProxy}, so
 * the SSRF guard, the byte cap and the timeouts hold for the page, its redirects and its sub-resources alike. At most
 * {@link RenderSettings#maxConcurrent} pages at a time, each in its own browser, started on first use and kept; one
 * that fails is replaced on the next render. robots.txt and the per-host limits are the caller's, as for a fetch.
 */
public final class PageRenderer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PageRenderer.class);
    /** Time left for leaving a page (about:blank) after a render, whatever happened during it. */
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(5);
    /** chromedriver's own commands get this much beyond the page's timeout before the browser counts as hung. */
    private static final Duration DRIVER_MARGIN = Duration.ofSeconds(15);
    /** Without selectors: what shows that the schema.org reviews are on the page. */
    private static final String SCHEMA_ORG_MARKUP = "script[type='application/ld+json'], [itemtype*='schema.org/Review'], "
            + "[itemprop=review]";

    private final RenderSettings settings;
    private final HttpSettings http;
    private final NetworkGuard guard;
    private final BlockingQueue<Browser> idle;
    private volatile boolean closed;

    /** One Chromium and the proxy it may reach the network through; renders one page at a time. */
    private final class Browser {
        GuardedProxy proxy;
        ChromeDriver driver;

        void start() throws FetchException {
            if (!Files.isExecutable(settings.chromium()) || !Files.isExecutable(settings.chromedriver())) {
                throw new FetchException(FetchException.Kind.browser, "render: true needs Chromium, and "
                        + (Files.isExecutable(settings.chromium()) ? settings.chromedriver() : settings.chromium())
                        + " is not there (apt-get install chromium chromium-driver, or set earshot.ingest.render.chromium"
                        + " and earshot.ingest.render.chromedriver)");
            }
            long started = System.nanoTime();
            try {
                if (proxy == null) {
                    // idle connections live as long as the render may: the page-load timeout, not a cut-off stream
                    // rendered as if complete, is what ends a page that stalls
                    proxy = new GuardedProxy(guard, http.connectTimeout(), http.totalTimeout().plus(DRIVER_MARGIN));
                }
                ChromeOptions options = new ChromeOptions().setBinary(settings.chromium().toFile());
                options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
                options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS);
                options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--mute-audio", "--user-agent=" + http.userAgent(),
                        // every connection through the guarded proxy, loopback included (Chromium bypasses it by default)
                        "--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>",
                        // and nothing around it: no QUIC, no WebRTC UDP to hosts, no name look-ups of its own
                        "--disable-quic", "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                        // no background traffic, no images: less to download, less against the cap
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                        "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                        "--blink-settings=imagesEnabled=false");
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(settings.chromedriver().toFile()).usingAnyFreePort()
                        .withLogOutput(OutputStream.nullOutputStream()).build();
                driver = new ChromeDriver(service, options,
                        ClientConfig.defaultConfig().readTimeout(http.totalTimeout().plus(DRIVER_MARGIN)));
                proxy.forbid(service.getUrl().getPort());
                LOG.infof("Started headless Chromium %s for render: true sources in %d ms (proxy 127.0.0.1:%d)",
                        driver.getCapabilities().getBrowserVersion(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), proxy.port());
            } catch (IOException | WebDriverException e) {
                stop();
                throw new FetchException(FetchException.Kind.browser, "Chromium (" + settings.chromium()
                        + ") would not start: " + firstLine(e), null, e);
            }
        }

        void stop() {
            if (driver != null) {
                try {
                    driver.quit();
                } catch (WebDriverException e) {
                    LOG.debugf("Chromium did not quit cleanly: %s", firstLine(e));
                }
                driver = null;
            }
        }

        void close() {
            stop();
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    public PageRenderer(RenderSettings settings, HttpSettings http, NetworkGuard guard) {
        this.settings = settings;
        this.http = http;
        this.guard = guard;
        int n = Math.max(1, settings.maxConcurrent());
        this.idle = new ArrayBlockingQueue<>(n);
        for (int i = 0; i < n; i++) {
            idle.add(new Browser());
        }
    }

    /**
     * The page as the browser shows it once it has loaded and its reviews appeared (or the settle time passed), as a
     * 200 response with the DOM as UTF-8 HTML and the address it ended at, for the page extractor.
     *
     * @param waitFor a CSS selector whose presence means the reviews are there; null = schema.org markup
     * @throws FetchException {@code timeout} when it did not load within the total timeout, {@code blocked} when the
     *                        page (or a redirect) led to an address the guard refuses, {@code too_large} past either
     *                        cap, {@code browser} when Chromium is missing or failed
     */
    public HttpFetcher.Response render(String url, String waitFor) throws FetchException, InterruptedException {
        if (closed) {
            throw new FetchException(FetchException.Kind.browser, "the renderer is shut down");
        }
        Browser browser = idle.poll(settings.queueTimeout().toNanos(), TimeUnit.NANOSECONDS);
        if (browser == null) {
            throw new FetchException(FetchException.Kind.timeout, "no browser was free to render " + url + " within "
                    + settings.queueTimeout() + " (earshot.ingest.render.max-concurrent = " + settings.maxConcurrent() + ")");
        }
        try {
            if (browser.driver == null) {
                browser.start();
            }
            // the page's time starts now: neither the wait for a browser nor its start count against it
            long deadline = System.nanoTime() + http.totalTimeout().toNanos();
            browser.proxy.begin(settings.maxTrafficBytes(), deadline);
            try {
                return load(browser, url, waitFor == null || waitFor.isBlank() ? SCHEMA_ORG_MARKUP : waitFor, deadline);
            } finally {
                leave(browser);
                browser.proxy.end();
            }
        } catch (WebDriverException e) {
            browser.stop(); // a browser in an unknown state is not reused
            throw new FetchException(FetchException.Kind.browser, "Chromium failed on " + url + ": " + firstLine(e), null, e);
        } finally {
            if (closed) {
                browser.close();
            } else {
                idle.add(browser);
            }
        }
    }

    private HttpFetcher.Response load(Browser browser, String url, String waitFor, long deadline)
            throws FetchException, InterruptedException {
        ChromeDriver driver = browser.driver;
        GuardedProxy proxy = browser.proxy;
        driver.manage().timeouts().pageLoadTimeout(left(deadline)).scriptTimeout(left(deadline));
        try {
            driver.get(url);
        } catch (TimeoutException e) {
            throw proxy.tooLarge().orElseGet(() -> new FetchException(FetchException.Kind.timeout,
                    url + " did not finish loading within " + http.totalTimeout()));
        }
        long settled = Math.min(deadline, System.nanoTime() + settings.settleTime().toNanos());
        // until the reviews are there, or the navigation failed (an error page has none to wait for)
        while (System.nanoTime() < settled && !Boolean.TRUE.equals(driver.executeScript("try { return !/^https?:/"
                + ".test(location.href) || document.querySelector(arguments[0]) !== null; } catch (e) { return false; }",
                waitFor))) {
            Thread.sleep(100);
        }
        if (proxy.tooLarge().isPresent()) {
            throw proxy.tooLarge().get();
        }
        String at = String.valueOf(driver.executeScript("return location.href"));
        if (!at.startsWith("http:") && !at.startsWith("https:")) {
            // a failed navigation (chrome-error://): the guard's refusal when it was one, else the network's
            throw proxy.refusal().map(r -> new FetchException(r.kind(), url + " led to a refused address: " + r.getMessage()))
                    .orElseGet(() -> new FetchException(FetchException.Kind.network, url + " could not be loaded (" + at + ")"));
        }
        long length = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement ? document.documentElement.outerHTML.length : 0")).longValue();
        if (length > http.maxBodyBytes()) { // characters: at least as many bytes, so refused before it is copied
            throw new FetchException(FetchException.Kind.too_large, url + " rendered to more than " + http.maxBodyBytes()
                    + " characters of HTML");
        }
        byte[] html = String.valueOf(driver.executeScript("return document.documentElement.outerHTML"))
                .getBytes(StandardCharsets.UTF_8);
        if (html.length > http.maxBodyBytes()) {
            throw new FetchException(FetchException.Kind.too_large, url + " rendered to more than " + http.maxBodyBytes()
                    + " bytes of HTML");
        }
        LOG.debugf("Rendered %s in %d ms: %d bytes downloaded, %d bytes of HTML", url,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - (deadline - http.totalTimeout().toNanos())),
                proxy.bytes(), html.length);
        return new HttpFetcher.Response(200, at, "text/html; charset=utf-8", html, null, null, null);
    }

    /** Stops the page (its timers and requests) before the proxy closes its connections. */
    private static void leave(Browser browser) {
        if (browser.driver == null) {
            return;
        }
        try {
            browser.driver.manage().timeouts().pageLoadTimeout(LEAVE_TIMEOUT);
            browser.driver.get("about:blank");
        } catch (WebDriverException e) {
            browser.stop();
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Quits every browser; a render in progress quits its own when it ends. */
    @Override
    public void close() {
        closed = true;
        List<Browser> free = new ArrayList<>();
        idle.drainTo(free);
        free.forEach(Browser::close);
    }
}
