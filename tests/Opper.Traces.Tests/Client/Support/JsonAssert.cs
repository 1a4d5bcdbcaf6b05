using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Tests.Client.Support;

internal static class JsonAssert
{
    /// <summary>Both texts are the same JSON (whitespace and property order aside; dates compared as text).</summary>
    public static void AreEqual(string expected, string? actual, string? what = null)
    {
        Assert.That(actual, Is.Not.Null, what ?? "JSON");
        var e = Examples.Parse(expected);
        var a = Examples.Parse(actual!);
        Assert.That(
            JToken.DeepEquals(e, a),
            Is.True,
            $"{what ?? "JSON"} differs.{System.Environment.NewLine}expected: {e.ToString(Formatting.None)}{System.Environment.NewLine}actual:   {a.ToString(Formatting.None)}");
    }

    public static void AreEqual(JToken expected, string? actual, string? what = null) =>
        AreEqual(expected.ToString(Formatting.None), actual, what);
}
