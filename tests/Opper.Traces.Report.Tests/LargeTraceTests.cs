using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper.Traces.Report.Tests;

/// <summary>
/// A 20,000-span trace: the page holds exactly the rows in view (virtual rows over a spacer of
/// the full height), scrolling changes which, and every row can be reached.
/// </summary>
[TestFixture]
public sealed class LargeTraceTests
{
    private const int SpanCount = 20_000;

    private GetTraceResponse _trace = null!;
    private List<(string Id, int Depth, bool Critical, bool Error, string Name)> _expected = null!;
    private string _html = null!;

    [OneTimeSetUp]
    public async Task WriteReportAsync()
    {
        _trace = TestTraces.Large(SpanCount);
        _expected = Expected.Rows(_trace);
        _html = await ReportCli.WriteReportAsync(_trace, "large");
    }

    [Test]
    public async Task Holds_exactly_the_visible_rows_and_scrolling_changes_which()
    {
        await using ReportPage page = await ReportPage.OpenAsync(_html, 1280, 900);
        page.AssertQuiet();
        var (_, _, _, scrollHeight) = await page.ViewportAsync();
        Assert.That(scrollHeight, Is.GreaterThanOrEqualTo(SpanCount * 24), "the spacer is as tall as every row");

        List<string> top = await AssertExactlyVisibleAsync(page);
        Assert.That(top[0], Is.EqualTo(_expected[0].Id));

        await page.ScrollWaterfallAsync(scrollHeight / 2);
        List<string> middle = await AssertExactlyVisibleAsync(page);
        Assert.That(middle.Intersect(top), Is.Empty, "scrolling replaced the rows");

        await page.ScrollWaterfallAsync(scrollHeight);
        List<string> bottom = await AssertExactlyVisibleAsync(page);
        Assert.That(bottom[^1], Is.EqualTo(_expected[^1].Id), "the last span can be reached");

        await page.ScrollWaterfallAsync(1234);
        await AssertExactlyVisibleAsync(page);
        page.AssertQuiet();
    }

    [Test]
    public async Task Keyboard_moves_through_rows_that_are_not_yet_drawn()
    {
        await using ReportPage page = await ReportPage.OpenAsync(_html, 1280, 900);

        await page.Page.Keyboard.PressAsync("Tab");
        await page.Page.Keyboard.PressAsync("Tab");
        await page.Page.Keyboard.PressAsync("End");
        await page.SettleAsync();
        Assert.That(await page.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-span-id')"), Is.EqualTo(_expected[^1].Id));
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.That(await page.Page.InnerTextAsync("#details h2"), Is.EqualTo(_expected[^1].Name));
        await AssertExactlyVisibleAsync(page);

        await page.Page.Keyboard.PressAsync("Home");
        await page.SettleAsync();
        Assert.That(await page.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-span-id')"), Is.EqualTo(_expected[0].Id));
        await AssertExactlyVisibleAsync(page);
        page.AssertQuiet();
    }

    [Test]
    public async Task Search_finds_a_span_far_below_and_draws_it()
    {
        await using ReportPage page = await ReportPage.OpenAsync(_html, 1280, 900);

        await page.Page.FillAsync("#find", "s19998");
        await page.Page.PressAsync("#find", "Enter");
        await page.SettleAsync();

        Assert.That(await page.Page.InnerTextAsync("#find-count"), Is.EqualTo("1 span"));
        Assert.That(await page.Page.GetAttributeAsync(".row.selected.match", "data-span-id"), Is.EqualTo("s19998"));
        Assert.That(await page.Page.InnerTextAsync("#details h2"), Is.EqualTo("s19998"));
        await AssertExactlyVisibleAsync(page);
        page.AssertQuiet();
    }

    [Test]
    public async Task Rows_in_view_carry_the_analysis_classes()
    {
        await using ReportPage page = await ReportPage.OpenAsync(_html, 1280, 900);
        int firstError = _expected.FindIndex(e => e.Error);
        await page.ScrollWaterfallAsync(firstError * 24);

        IReadOnlyList<Row> rows = await page.RowsAsync();
        Assert.That(rows.Select(r => r.SpanId), Does.Contain(_expected[firstError].Id));
        foreach (Row row in rows)
        {
            Assert.That(row.SpanId, Is.EqualTo(_expected[row.Index].Id));
            Assert.That(row.Depth, Is.EqualTo(_expected[row.Index].Depth));
            Assert.That(row.Critical, Is.EqualTo(_expected[row.Index].Critical), "critical, row " + row.Index);
            Assert.That(row.Error, Is.EqualTo(_expected[row.Index].Error), "error, row " + row.Index);
        }

        await page.ScreenshotAsync("report-large.png");
    }

    /// <summary>
    /// Checks that the page holds the rows in view and no other: each row overlaps the visible
    /// part of the waterfall, together they cover it, they are consecutive, and they are the
    /// right spans. Returns their ids.
    /// </summary>
    private async Task<List<string>> AssertExactlyVisibleAsync(ReportPage page)
    {
        var (viewTop, viewBottom, _, _) = await page.ViewportAsync();
        IReadOnlyList<Row> rows = await page.RowsAsync();
        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Count, Is.LessThan(60), "only what fits in the window");
        int first = rows[0].Index;
        Assert.That(rows.Select(r => r.Index), Is.EqualTo(Enumerable.Range(first, rows.Count)), "consecutive rows, in order");
        foreach (Row row in rows)
        {
            Assert.That(row.Bottom > viewTop && row.Top < viewBottom, Is.True, "row " + row.Index + " is in view");
            Assert.That(row.SpanId, Is.EqualTo(_expected[row.Index].Id));
        }

        if (rows[0].Index > 0)
        {
            Assert.That(rows[0].Top, Is.LessThanOrEqualTo(viewTop + 0.5), "no row in view is missing above");
        }

        if (rows[^1].Index < SpanCount - 1)
        {
            Assert.That(rows[^1].Bottom, Is.GreaterThanOrEqualTo(viewBottom - 0.5), "no row in view is missing below");
        }

        return rows.Select(r => r.SpanId).ToList();
    }
}
