using System.Reflection;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>Ids of the research-assistant scenario (see spec/examples/README.md) and the headers every request carries.</summary>
internal static class Wire
{
    public const string TraceId = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";
    public const string RootSpanId = "0a6f7e1c-93b2-4d5e-8f10-3c2b1a9d8e71";
    public const string FetchPageSpanId = "3c1d5e7f-9a2b-4c4d-8e6f-a0b1c2d3e4f5";
    public const string MetricId = "aa11bb22-cc33-4d44-8e55-f66a77b88c99";
    public const string FunctionId = "b2c4d6e8-1a3f-4e5d-8c7b-9a0f1e2d3c4b";

    /// <summary>The package version without build metadata, as the User-Agent carries it.</summary>
    public static string Version =>
        typeof(OpperClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    public static string UserAgent => "opper-traces-dotnet/" + Version;

    /// <summary>Method, path, query and the headers that every request carries.</summary>
    public static void AssertRequest(this SentRequest sent, string method, string pathAndQuery, bool hasBody, string? userAgent = null)
    {
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(method), "method");
            Assert.That(sent.Uri.Scheme + "://" + sent.Uri.Authority, Is.EqualTo("https://api.opper.ai"), "origin");
            Assert.That(sent.Uri.PathAndQuery, Is.EqualTo(pathAndQuery), "path and query");
            Assert.That(sent.Header("Authorization"), Is.EqualTo("Bearer " + MockApi.ApiKey), "Authorization");
            Assert.That(sent.Header("Accept"), Is.EqualTo("application/json"), "Accept");
            Assert.That(sent.Header("User-Agent"), Is.EqualTo(userAgent ?? UserAgent), "User-Agent");
            if (hasBody)
            {
                Assert.That(sent.Header("Content-Type"), Does.StartWith("application/json"), "Content-Type");
                Assert.That(sent.Body, Is.Not.Null.And.Not.Empty, "body");
            }
            else
            {
                Assert.That(sent.Header("Content-Type"), Is.Null, "Content-Type of a request without a body");
                Assert.That(sent.Body, Is.Null.Or.Empty, "body");
            }
        });
    }
}
