using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Opper.Traces.Report.Tests;

/// <summary>One span row as the page shows it.</summary>
internal sealed record Row(int Index, string SpanId, int Depth, bool Critical, bool Error, string Name, double Top, double Bottom);

/// <summary>
/// A report opened in its own browser context. Every request the page makes is recorded (and any
/// that leaves the file is refused), and every console error, warning and script error is kept.
/// </summary>
internal sealed class ReportPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ReportPage(IBrowserContext context, IPage page, string url)
    {
        _context = context;
        Page = page;
        Url = url;
    }

    public IPage Page { get; }

    /// <summary>The report's own address (file://).</summary>
    public string Url { get; }

    /// <summary>Every request the page made, the report's own file included.</summary>
    public List<string> Requests { get; } = new List<string>();

    /// <summary>Console errors and warnings, script errors and dialogs.</summary>
    public List<string> Problems { get; } = new List<string>();

    /// <summary>Opens the HTML file in a new context of the given size and colour scheme, and waits until the report is drawn.</summary>
    public static async Task<ReportPage> OpenAsync(string htmlFile, int width = 1440, int height = 1600, ColorScheme scheme = ColorScheme.Light)
    {
        IBrowserContext context = await Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
        });
        IPage page = await context.NewPageAsync();
        string url = new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri;
        var report = new ReportPage(context, page, url);
        page.Request += (_, request) => report.Requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                report.Problems.Add("console " + message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => report.Problems.Add("script error: " + error);
        page.Dialog += async (_, dialog) =>
        {
            report.Problems.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };

        // Nothing but the report itself may load: anything else is refused (and recorded above).
        await context.RouteAsync("**/*", route => route.Request.Url == url ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForSelectorAsync("html[data-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await report.SettleAsync();
        return report;
    }

    /// <summary>Waits two animation frames, so that what a scroll or a key asked for is drawn.</summary>
    public Task SettleAsync() => Page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");

    /// <summary>The span rows in the page, in document order.</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync()
    {
        JsonElement rows = await Page.EvaluateAsync<JsonElement>(@"() => [...document.querySelectorAll('[data-span-id]')].map(e => {
            const box = e.getBoundingClientRect();
            return [Number(e.getAttribute('aria-rowindex')) - 1, e.getAttribute('data-span-id'), Number(e.getAttribute('data-depth')),
                    e.classList.contains('critical'), e.classList.contains('error'), e.querySelector('.name').textContent, box.top, box.bottom];
        })");
        var list = new List<Row>();
        foreach (JsonElement row in rows.EnumerateArray())
        {
            list.Add(new Row(
                row[0].GetInt32(), row[1].GetString()!, row[2].GetInt32(), row[3].GetBoolean(), row[4].GetBoolean(),
                row[5].GetString()!, row[6].GetDouble(), row[7].GetDouble()));
        }

        return list;
    }

    /// <summary>The part of the window where the waterfall shows rows: below its sticky head, above the scroller's bottom edge.</summary>
    public async Task<(double Top, double Bottom, double ScrollTop, double ScrollHeight)> ViewportAsync()
    {
        JsonElement view = await Page.EvaluateAsync<JsonElement>(@"() => {
            const scroller = document.getElementById('wf-scroll');
            const box = scroller.getBoundingClientRect();
            const head = document.getElementById('wf-head').getBoundingClientRect();
            return [head.bottom, box.top + scroller.clientTop + scroller.clientHeight, scroller.scrollTop, scroller.scrollHeight];
        }");
        return (view[0].GetDouble(), view[1].GetDouble(), view[2].GetDouble(), view[3].GetDouble());
    }

    /// <summary>Scrolls the waterfall to <paramref name="top"/> pixels and waits until it is drawn.</summary>
    public async Task ScrollWaterfallAsync(double top)
    {
        await Page.EvaluateAsync("top => { document.getElementById('wf-scroll').scrollTop = top; }", top);
        await SettleAsync();
    }

    /// <summary>The text of the details panel.</summary>
    public Task<string> DetailsTextAsync() => Page.InnerTextAsync("#details");

    /// <summary>Saves a screenshot of the whole page with the test's artifacts and attaches it to the test result.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        string path = Path.Combine(Browser.ArtifactsDirectory, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        TestContext.Out.WriteLine("Screenshot: " + path);
        return path;
    }

    /// <summary>Fails when the page made a request other than for its own file, or reported any problem.</summary>
    public void AssertQuiet()
    {
        Assert.That(Problems, Is.Empty, "The page reported problems.");
        Assert.That(Requests.FindAll(r => r != Url), Is.Empty, "The page made requests beyond its own file.");
        Assert.That(Requests, Does.Contain(Url), "The report's own load was not recorded, so requests are not being seen.");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
    }
}
