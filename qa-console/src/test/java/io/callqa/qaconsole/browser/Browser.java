package io.callqa.qaconsole.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, one per test JVM and left clean for the next class: found at {@code CHROME_BIN} /
 * {@code CHROMEDRIVER} or /usr/bin. Without them the tests are skipped, unless {@code CI} is set: there they must run.
 * Register with {@code @RegisterExtension static Browser browser = new Browser();} and call {@link #base(int)}.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private @Nullable ChromeDriver driver;

	private String base = "";

	/** Outside CI, a machine without the browser skips the tests (reported as skipped, with the reason). */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = missing();
		return (missing == null || System.getenv("CI") != null) ? ConditionEvaluationResult.enabled("browser found")
				: ConditionEvaluationResult.disabled(missing);
	}

	private static @Nullable String missing() {
		File chrome = executable("CHROME_BIN", "/usr/bin/chromium");
		File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
		String missing = (!chrome.canExecute() ? chrome + " " : "") + (!chromedriver.canExecute() ? chromedriver : "");
		return missing.isBlank() ? null
				: "Browser tests need Chromium and its driver (apt-get install chromium chromium-driver, or set "
						+ "CHROME_BIN and CHROMEDRIVER); missing: " + missing.trim();
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		String missing = missing();
		if (missing != null) {
			throw new IllegalStateException(missing + " (required in CI)");
		}
		this.driver = Shared.driver();
	}

	private static File executable(String env, String fallback) {
		String path = System.getenv(env);
		return new File((path != null && !path.isBlank()) ? path : fallback);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ChromeDriver driver = this.driver;
		this.driver = null;
		if (driver == null) {
			return;
		}
		List<String> violations;
		try {
			// The log holds what was written since it was last read: this class's pages only.
			violations = driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::getMessage)
				.filter((message) -> message.contains("Content Security Policy"))
				.toList();
		}
		finally {
			Shared.reset(driver, this.base);
		}
		if (!violations.isEmpty()) {
			throw new AssertionError("The pages broke their Content-Security-Policy: " + violations);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return this;
	}

	public Browser base(int port) {
		this.base = "http://localhost:" + port;
		return this;
	}

	public WebDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser did not start");
		}
		return this.driver;
	}

	public void open(String path) {
		driver().get(this.base + path);
	}

	/** Logs in through the form (a fresh session: cookies of the last user are dropped). */
	public void logIn(String user, String password) {
		driver().manage().deleteAllCookies();
		open("/login");
		driver().findElement(By.id("username")).sendKeys(user);
		driver().findElement(By.id("password")).sendKeys(password);
		driver().findElement(By.id("login-submit")).click();
		until((d) -> !d.getCurrentUrl().contains("/login") && !d.findElements(By.id("who")).isEmpty());
	}

	public WebElement find(String css) {
		return until((d) -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
			.orElse(null));
	}

	public String text(String css) {
		return find(css).getText();
	}

	public <T> T until(Function<WebDriver, @Nullable T> condition) {
		return new WebDriverWait(driver(), WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition::apply);
	}

	public @Nullable Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver()).executeScript(js, args);
	}

	/** Writes the page as target/screenshots/NAME.png for review. */
	public Path screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


	/**
	 * The test JVM's one Chromium: starting one costs about two seconds of CPU, and the suite has two dozen browser
	 * classes. Between classes it keeps no cookies, storage, dialogs or extra windows; if cleaning fails it is quit
	 * and the next class starts a new one. It is quit when the JVM exits.
	 */
	private static final class Shared {

		private static @Nullable ChromeDriver driver;

		private static @Nullable Path profile;

		static synchronized ChromeDriver driver() throws IOException {
			if (driver == null) {
				File chrome = executable("CHROME_BIN", "/usr/bin/chromium");
				File chromedriver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
				profile = Files.createTempDirectory("callqa-chromium");
				ChromeOptions options = new ChromeOptions();
				options.setBinary(chrome);
				options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000", "--mute-audio",
						"--autoplay-policy=no-user-gesture-required", "--lang=en-US");
				// The console's messages are read after each class: a Content-Security-Policy violation fails it.
				options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
				ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
					.usingAnyFreePort()
					.build();
				driver = new ChromeDriver(service, options);
				Runtime.getRuntime().addShutdownHook(new Thread(Shared::quit, "chromium-quit"));
			}
			return driver;
		}

		/** Leaves the browser as a new one would be: one blank window, no cookies, no site data, no dialog. */
		static synchronized void reset(ChromeDriver used, String base) {
			try {
				try {
					used.switchTo().alert().dismiss();
				}
				catch (NoAlertPresentException ex) {
					// none open: as expected
				}
				List<String> windows = List.copyOf(used.getWindowHandles());
				for (String window : windows.subList(1, windows.size())) {
					used.switchTo().window(window).close();
				}
				used.switchTo().window(windows.get(0));
				used.get("about:blank");
				used.executeCdpCommand("Network.clearBrowserCookies", Map.of());
				if (!base.isEmpty()) {
					used.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
				}
			}
			catch (RuntimeException ex) {
				quit();
			}
		}

		static synchronized void quit() {
			if (driver != null) {
				try {
					driver.quit();
				}
				catch (RuntimeException ex) {
					// already gone
				}
				driver = null;
			}
			if (profile != null) {
				try (Stream<Path> files = Files.walk(profile)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
				catch (IOException | UncheckedIOException ex) {
					// a temporary directory: the system cleans it up
				}
				profile = null;
			}
		}

	}

}
