using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Opper.Models;

namespace Opper.Traces.Report.Tests;

/// <summary>The report of the sample trace, and of a trace with every problem, in a real browser.</summary>
[TestFixture]
public sealed class ReportPageTests
{
    private static IEnumerable<TestCaseData> Traces()
    {
        yield return new TestCaseData("research-assistant").SetName("Sample research-assistant");
        yield return new TestCaseData("awkward").SetName("Awkward trace");
        yield return new TestCaseData("empty").SetName("Empty trace");
    }

    private static GetTraceResponse Load(string name) => name switch
    {
        "research-assistant" => ReportCli.Sample(),
        "awkward" => TestTraces.Awkward(),
        _ => new GetTraceResponse { Id = "empty", Name = "empty", Spans = new List<SpanSchema>() },
    };

    private static async Task<ReportPage> OpenAsync(string name, int width = 1440, int height = 1600, ColorScheme scheme = ColorScheme.Light)
    {
        string html = name == "research-assistant"
            ? await ReportCli.WriteReportAsync(ReportCli.SamplePath)
            : await ReportCli.WriteReportAsync(Load(name), name);
        return await ReportPage.OpenAsync(html, width, height, scheme);
    }

    [TestCaseSource(nameof(Traces))]
    public async Task Loads_without_console_errors_or_any_request(string name)
    {
        await using ReportPage page = await OpenAsync(name);

        page.AssertQuiet();
        Assert.That(await page.Page.TitleAsync(), Does.StartWith("Trace "));
    }

    [TestCaseSource(nameof(Traces))]
    public async Task Has_one_row_per_span_in_walk_order_with_id_and_depth(string name)
    {
        GetTraceResponse trace = Load(name);
        var expected = Expected.Rows(trace);
        await using ReportPage page = await OpenAsync(name);

        IReadOnlyList<Row> rows = await page.RowsAsync();

        Assert.That(rows, Has.Count.EqualTo(trace.Spans!.Count), "one row per span when the window shows them all");
        Assert.That(rows.Select(r => r.SpanId), Is.EqualTo(expected.Select(e => e.Id)), "data-span-id in walk order");
        Assert.That(rows.Select(r => r.Depth), Is.EqualTo(expected.Select(e => e.Depth)), "data-depth");
        Assert.That(rows.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, rows.Count)), "aria-rowindex follows the document order");
        page.AssertQuiet();
    }

    [TestCase("research-assistant")]
    [TestCase("awkward")]
    public async Task Critical_and_error_classes_are_on_exactly_the_right_rows(string name)
    {
        var expected = Expected.Rows(Load(name));
        Assert.That(expected.Count(e => e.Critical), Is.GreaterThan(0), "the trace has a critical path");
        Assert.That(expected.Count(e => e.Error), Is.GreaterThan(0), "the trace has errors");
        await using ReportPage page = await OpenAsync(name);

        IReadOnlyList<Row> rows = await page.RowsAsync();

        Assert.That(rows.Select(r => r.Critical), Is.EqualTo(expected.Select(e => e.Critical)), "class critical");
        Assert.That(rows.Select(r => r.Error), Is.EqualTo(expected.Select(e => e.Error)), "class error");
    }

    [Test]
    public async Task Clicking_a_span_shows_its_details()
    {
        await using ReportPage page = await OpenAsync("research-assistant");

        await page.Page.ClickAsync("[data-span-id='71d0ef83-0a29-44c5-b687-a39c816e5fe8'] .name");
        string details = await page.DetailsTextAsync();

        Assert.That(details, Does.Contain("fetch_page"));
        Assert.That(details, Does.Contain("tool"));
        Assert.That(details, Does.Contain("5,004 ms"), "duration");
        Assert.That(details, Does.Contain("TimeoutError: GET https://www.motortrend.com/cars/tesla/model-s/"), "error");
        Assert.That(await page.Page.GetAttributeAsync("[data-span-id='71d0ef83-0a29-44c5-b687-a39c816e5fe8']", "class"), Does.Contain("selected"));

        await page.Page.ClickAsync("[data-span-id='c6253438-5f7e-491a-8bdc-f8e1d6b3a43d'] .name");
        details = await page.DetailsTextAsync();
        Assert.That(details, Does.Contain("merge_summaries"));
        Assert.That(details, Does.Contain("generation"));
        Assert.That(details, Does.Contain("anthropic/claude-3-5-sonnet"), "model");
        Assert.That(details, Does.Contain("3,415"), "tokens");
        Assert.That(details, Does.Contain("Self time"));
        Assert.That(details, Does.Contain("Input").IgnoreCase.And.Contain("Output").IgnoreCase);
        page.AssertQuiet();
    }

    [Test]
    public async Task Search_marks_the_matching_rows_and_Enter_goes_from_one_to_the_next()
    {
        var expected = Expected.Rows(ReportCli.Sample());
        var fetches = expected.Select((e, i) => (e, i)).Where(x => x.e.Name == "fetch_page").Select(x => x.e.Id).ToList();
        await using ReportPage page = await OpenAsync("research-assistant");

        await page.Page.FillAsync("#find", "FETCH");
        Assert.That(await page.Page.InnerTextAsync("#find-count"), Is.EqualTo("3 spans"));
        var marked = await page.Page.EvalOnSelectorAllAsync<string[]>(".row.match", "rows => rows.map(r => r.getAttribute('data-span-id'))");
        Assert.That(marked, Is.EqualTo(fetches));

        await page.Page.PressAsync("#find", "Enter");
        await page.Page.PressAsync("#find", "Enter");
        Assert.That(await page.Page.GetAttributeAsync(".row.selected", "data-span-id"), Is.EqualTo(fetches[1]));
        await page.Page.PressAsync("#find", "Shift+Enter");
        Assert.That(await page.Page.GetAttributeAsync(".row.selected", "data-span-id"), Is.EqualTo(fetches[0]));

        await page.Page.FillAsync("#find", "gpt-4o-mini");
        Assert.That(await page.Page.InnerTextAsync("#find-count"), Is.EqualTo("6 spans"), "models are searched too");
        await page.Page.FillAsync("#find", "");
        Assert.That(await page.Page.Locator(".row.match").CountAsync(), Is.EqualTo(0));
        page.AssertQuiet();
    }

    [Test]
    public async Task In_a_narrow_window_the_details_come_into_view()
    {
        await using ReportPage page = await OpenAsync("research-assistant", 800, 700);

        await page.Page.ClickAsync("[data-span-id='c6253438-5f7e-491a-8bdc-f8e1d6b3a43d'] .name");
        var box = await page.Page.Locator("#details").BoundingBoxAsync();

        Assert.That(box, Is.Not.Null);
        Assert.That(box!.Y, Is.GreaterThanOrEqualTo(0));
        Assert.That(box.Y + box.Height, Is.LessThanOrEqualTo(700), "the details are on screen");
        Assert.That(await page.Page.InnerTextAsync("#details h2"), Is.EqualTo("merge_summaries"));
        page.AssertQuiet();
    }

    [Test]
    public async Task Model_and_tokens_sent_only_in_meta_are_shown()
    {
        await using ReportPage page = await OpenAsync("awkward");

        Assert.That(await page.Page.InnerTextAsync("[data-span-id='otel-chat'] .tok"), Is.EqualTo("150 tok"));
        Assert.That(await page.Page.InnerTextAsync("[data-span-id='otel-chat'] .bar-label"), Does.Contain("gpt-4.1"));
        await page.Page.ClickAsync("[data-span-id='otel-chat'] .name");
        Assert.That(await page.DetailsTextAsync(), Does.Contain("gpt-4.1").And.Contain("150"));
    }

    [Test]
    public async Task Rows_are_reachable_by_keyboard()
    {
        var expected = Expected.Rows(ReportCli.Sample());
        await using ReportPage page = await OpenAsync("research-assistant");

        await page.Page.Keyboard.PressAsync("Tab");
        Assert.That(await page.Page.EvaluateAsync<string>("() => document.activeElement.id"), Is.EqualTo("find"), "the search box comes first");
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.That(await ActiveRowAsync(page), Is.EqualTo(0), "then the first row");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.That(await ActiveRowAsync(page), Is.EqualTo(2));
        Assert.That(await page.Page.InnerTextAsync("#details h2"), Is.EqualTo(expected[2].Name));

        await page.Page.Keyboard.PressAsync("End");
        Assert.That(await ActiveRowAsync(page), Is.EqualTo(expected.Count - 1));
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        Assert.That(await ActiveRowAsync(page), Is.EqualTo(0), "ArrowLeft goes to the parent");
        await page.Page.Keyboard.PressAsync("Escape");
        Assert.That(await page.Page.InnerTextAsync("#details h2"), Is.EqualTo("Details"), "Escape closes the span's details");
    }

    [Test]
    public async Task Text_from_the_trace_stays_text()
    {
        await using ReportPage page = await OpenAsync("awkward");

        IReadOnlyList<Row> rows = await page.RowsAsync();
        Assert.That(rows.Select(r => r.Name), Does.Contain(TestTraces.HostileName));
        Assert.That(await page.Page.Locator("img").CountAsync(), Is.EqualTo(0), "no markup from the trace");
        await page.Page.ClickAsync("[data-span-id='hostile'] .name");
        Assert.That(await page.DetailsTextAsync(), Does.Contain("<script>alert('input')</script>"));
        Assert.That(await page.Page.InnerTextAsync("h1"), Is.EqualTo("awkward <trace> & co"));
        page.AssertQuiet();
    }

    [Test]
    public async Task Light_and_dark_colour_schemes_both_render()
    {
        await using ReportPage light = await OpenAsync("research-assistant", 1440, 1100);
        await using ReportPage dark = await OpenAsync("research-assistant", 1440, 1100, ColorScheme.Dark);
        foreach (ReportPage page in new[] { light, dark })
        {
            await page.Page.ClickAsync("[data-span-id='c6253438-5f7e-491a-8bdc-f8e1d6b3a43d'] .name");
        }

        double lightBackground = await LuminanceAsync(light, "body", "backgroundColor");
        double darkBackground = await LuminanceAsync(dark, "body", "backgroundColor");
        double darkText = await LuminanceAsync(dark, "body", "color");
        Assert.That(lightBackground, Is.GreaterThan(0.8), "light background");
        Assert.That(darkBackground, Is.LessThan(0.1), "dark background");
        Assert.That(darkText, Is.GreaterThan(0.6), "light text on the dark background");
        Assert.That((await dark.RowsAsync()).Count, Is.EqualTo(17));

        await light.ScreenshotAsync("report-research-assistant.png");
        await dark.ScreenshotAsync("report-research-assistant-dark.png");
        light.AssertQuiet();
        dark.AssertQuiet();
    }

    private static async Task<int> ActiveRowAsync(ReportPage page) =>
        await page.Page.EvaluateAsync<int>("() => document.activeElement && document.activeElement.hasAttribute('data-span-id') ? Number(document.activeElement.getAttribute('aria-rowindex')) - 1 : -1");

    /// <summary>The relative luminance (0 black … 1 white) of a computed colour.</summary>
    private static async Task<double> LuminanceAsync(ReportPage page, string selector, string property) =>
        await page.Page.EvaluateAsync<double>(@"([selector, property]) => {
            const value = getComputedStyle(document.querySelector(selector))[property];
            const [r, g, b] = value.match(/[\d.]+/g).slice(0, 3).map(Number).map(c => {
                c /= 255;
                return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        }", new[] { selector, property });
}
