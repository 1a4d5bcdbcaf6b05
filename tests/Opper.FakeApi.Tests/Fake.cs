using System;
using System.IO;
using Opper.FakeApi;

namespace Opper.FakeApi.Tests;

/// <summary>Shared set-up: a real client pointed at a fake, and the spec's example files.</summary>
internal static class Fake
{
    public const string Key = "test-key-fake-api";

    public static OpperClient Client(FakeOpperApi api, string key = Key, int maxRetries = 2) =>
        new(new OpperClientOptions
        {
            ApiKey = key,
            BaseUrl = api.BaseUrl,
            MaxRetries = maxRetries,
            Timeout = TimeSpan.FromSeconds(10),
            RetryPolicy = new OpperRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });

    public static string Example(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "spec", "examples", name));
}
