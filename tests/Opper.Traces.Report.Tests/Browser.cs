using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Opper.Traces.Report.Tests;

/// <summary>
/// One headless Chromium for the whole assembly: the system's own (Debian's <c>chromium</c>
/// package), driven by Playwright. Playwright's browser download is never used; without a
/// Chromium every test fails with a message that says how to install one.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    /// <summary>Where Chromium is looked for when <c>CHROMIUM_PATH</c> is not set.</summary>
    private static readonly string[] Candidates = { "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };

    private static IPlaywright? playwright;
    private static IBrowser? browser;
    private static string? missing;

    /// <summary>The running browser; fails the calling test when there is none.</summary>
    public static IBrowser Instance => browser ?? throw new AssertionException(missing ?? "The browser was not started.");

    /// <summary>
    /// Where the tests put their screenshots: <c>report-screenshots</c> in the test results
    /// directory (<c>TEST_RESULTS_DIR</c>, as <c>scripts/test.sh</c> sets it), else next to the
    /// test assembly under <c>TestResults</c>. Each is also attached to its test's result.
    /// </summary>
    public static string ArtifactsDirectory
    {
        get
        {
            string? results = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR");
            string directory = Path.Combine(
                string.IsNullOrEmpty(results) ? Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults") : results,
                "report-screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        string? path = FindChromium();
        if (path is null)
        {
            // Not Assert.Ignore: a missing browser is a failure of the environment, and shows as one.
            missing = "No Chromium found (looked at CHROMIUM_PATH and " + string.Join(", ", Candidates)
                + "). Install Debian's package: apt-get install -y chromium.";
            return;
        }

        // The driver must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update" },
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }

    private static string? FindChromium()
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (string candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
