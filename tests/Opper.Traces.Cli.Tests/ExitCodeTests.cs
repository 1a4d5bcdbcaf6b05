using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Cli.Tests;

public class ExitCodeTests
{
    private static readonly string TraceUrl = CliHarness.ApiBase + "/traces/" + CliHarness.TraceId;

    [TestCase("show", "--bogus")]
    [TestCase("frobnicate")]
    [TestCase("show")]
    [TestCase("show", "a.json", "b.json")]
    [TestCase("show", "x.json", "--max-depth", "-1")]
    [TestCase("show", "x.json", "--max-depth", "two")]
    [TestCase("show", "x.json", "--color", "blue")]
    [TestCase("list", "--limit", "0")]
    [TestCase("summary", "x.json", "--json", "yes")]
    [TestCase]
    public async Task Bad_arguments_exit_2_with_one_line_on_stderr(params string[] args)
    {
        CliResult result = await CliHarness.RunAsync(args, http: CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        AssertOneLineError(result);
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public async Task An_unknown_command_is_named()
    {
        CliResult result = await CliHarness.RunAsync("frobnicate");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Err, Is.EqualTo("opper-traces: Unrecognized command or argument 'frobnicate'. See 'opper-traces --help'.\n"));
    }

    [Test]
    public async Task A_missing_file_exits_2()
    {
        string missing = Path.Combine(CliHarness.ExamplesDirectory, "no-such-trace.json");

        CliResult result = await CliHarness.RunAsync(new[] { "show", missing }, CliHarness.WithKey(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Is.EqualTo("opper-traces: File not found: '" + missing + "'.\n"));
    }

    [Test]
    public async Task A_directory_exits_2()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "summary", CliHarness.ExamplesDirectory }, CliHarness.WithKey(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("is a directory"));
    }

    [TestCase("{\"id\": \"t\", \"spans\": [", "Cannot read")]
    [TestCase("not json at all", "Cannot read")]
    [TestCase("{\"id\": 1}", "Path 'id'")]
    [TestCase("[]", "where an object (GetTraceResponse) was expected")]
    [TestCase("null", "holds no JSON object")]
    [TestCase("", "holds no JSON object")]
    [TestCase("{\"id\": \"t\", \"spans\": [{\"id\": \"a\", \"duration_ms\": \"slow\"}]}", "spans[0].duration_ms")]
    [TestCase("{\"id\": \"t\"} {\"id\": \"u\"}", "Cannot read")]
    public async Task Unreadable_trace_files_exit_2_and_say_why(string content, string expected)
    {
        string path = CliHarness.TempPath("bad.json");
        File.WriteAllText(path, content);

        CliResult result = await CliHarness.RunAsync(new[] { "show", path }, CliHarness.WithKey(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        AssertOneLineError(result);
        Assert.That(result.Err, Does.Contain(path).And.Contain(expected));
        Assert.That(File.ReadAllText(path), Is.EqualTo(content), "the input is left as it was");
        File.Delete(path);
    }

    [Test]
    public async Task A_file_of_another_shape_exits_2()
    {
        string path = CliHarness.Example("PaginatedResponse_ListTracesResponse_.page-1.json");

        CliResult result = await CliHarness.RunAsync(new[] { "summary", path, "--json" }, CliHarness.WithKey(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("Required property 'id' not found"));
    }

    [Test]
    public async Task A_trace_id_without_an_api_key_exits_2()
    {
        var env = new Dictionary<string, string> { ["OPPER_API_KEY"] = "", ["OPPER_HTTP_BEARER"] = " " };

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, env, CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.StartWith("opper-traces: No API key: set OPPER_API_KEY (or OPPER_HTTP_BEARER)"));
        AssertOneLineError(result);
    }

    [Test]
    public async Task A_bad_base_url_exits_2()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId, "--base-url", "not a url" }, CliHarness.WithKey(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.Contain("--base-url must be an absolute http or https URL"));
    }

    [Test]
    public async Task Api_404_exits_3_with_status_and_message()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, TraceUrl).Respond(HttpStatusCode.NotFound, "application/json", CliHarness.ReadExample("NotFoundError.trace.json"));

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        mock.VerifyNoOutstandingExpectation();
        AssertOneLineError(result);
        Assert.That(result.Err, Does.Contain("404").And.Contain("The resource was not found"));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public async Task Api_500_exits_3_after_the_retries()
    {
        var mock = new MockHttpMessageHandler();
        MockedRequest request = mock.When(HttpMethod.Get, TraceUrl)
            .Respond(HttpStatusCode.InternalServerError, "application/json", "{\"type\": \"InternalServerError\", \"message\": \"Something broke\"}");

        CliResult result = await CliHarness.RunAsync(new[] { "summary", CliHarness.TraceId, "--json" }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(mock.GetMatchCount(request), Is.EqualTo(3), "MaxRetries = 2 means three attempts");
        AssertOneLineError(result);
        Assert.That(result.Err, Does.Contain("500").And.Contain("Something broke"));
    }

    [Test]
    public async Task Api_502_with_an_html_body_exits_3()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TraceUrl).Respond(HttpStatusCode.BadGateway, "text/html", CliHarness.ReadExample(Path.Combine("errors", "502-bad-gateway.html")));

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        AssertOneLineError(result);
        Assert.That(result.Err, Does.Contain("502"));
    }

    [Test]
    public async Task Api_401_exits_3_and_never_shows_the_key()
    {
        const string key = "sk-very-secret-key-42";
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TraceUrl).Respond(HttpStatusCode.Unauthorized, "application/json", CliHarness.ReadExample("UnauthorizedError.basic.json"));

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, CliHarness.WithKey(key), mock);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Err, Does.Contain("401"));
        Assert.That(result.Err + result.Out, Does.Not.Contain(key));
    }

    [Test]
    public async Task A_success_body_that_is_not_a_trace_exits_3()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TraceUrl).Respond("application/json", "{\"id\": \"t\", \"spans\": 5}");

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        AssertOneLineError(result);
        Assert.That(result.Err, Does.Contain("spans"));
    }

    [Test]
    public async Task A_network_error_exits_3()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TraceUrl).Throw(new HttpRequestException("Connection refused (api.opper.ai:443)"));

        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.TraceId }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        AssertOneLineError(result);
        Assert.That(result.Err, Is.EqualTo("opper-traces: Cannot reach the API: Connection refused (api.opper.ai:443)\n"));
    }

    [Test]
    public async Task A_timeout_exits_3()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TraceUrl).Respond(async request =>
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        CliResult result = await CliHarness.RunAsync(
            new[] { "show", CliHarness.TraceId },
            CliHarness.WithKey(),
            mock,
            configure: options =>
            {
                options.Timeout = TimeSpan.FromMilliseconds(50);
                options.MaxRetries = 0;
            });

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        AssertOneLineError(result);
        Assert.That(result.Err, Does.Contain("timed out"));
    }

    [Test]
    public async Task Cancellation_exits_130()
    {
        using var cancellation = new CancellationTokenSource();
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TraceUrl).Respond(async () =>
        {
            // The user presses Ctrl+C while the request is in flight.
            cancellation.Cancel();
            await Task.Delay(Timeout.Infinite, cancellation.Token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        CliResult result = await CliHarness.RunAsync(
            new[] { "show", CliHarness.TraceId }, CliHarness.WithKey(), mock, cancellationToken: cancellation.Token);

        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        Assert.That(result.Err, Is.EqualTo("opper-traces: Cancelled.\n"));
        Assert.That(result.Out, Is.Empty);
    }

    private static void AssertOneLineError(CliResult result)
    {
        Assert.That(result.Err, Does.StartWith("opper-traces: "), result.ToString());
        Assert.That(result.Err, Does.EndWith("\n"));
        Assert.That(result.Err.TrimEnd('\n'), Does.Not.Contain("\n"), "one line");
        Assert.That(result.Err, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(result.Err, Does.Not.Contain("Exception:"), "no exception dump");
    }
}
