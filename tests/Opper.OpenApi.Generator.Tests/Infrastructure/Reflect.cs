using System;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Small reflection helpers for exercising the emitted assembly at run time.</summary>
internal static class Reflect
{
    /// <summary>Reads <paramref name="json"/> as <paramref name="type"/> through <c>JsonConvert</c> with default settings.</summary>
    public static object Deserialize(Type type, string json) =>
        JsonConvert.DeserializeObject(json, type) ?? throw new AssertionException($"{type.Name} deserialized to null.");

    public static string Serialize(object? value) => JsonConvert.SerializeObject(value);

    public static object? Get(object target, string property)
    {
        var info = target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new AssertionException($"{target.GetType().Name} has no property {property}.");
        return info.GetValue(target);
    }

    public static void Set(object target, string property, object? value)
    {
        var info = target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new AssertionException($"{target.GetType().Name} has no property {property}.");
        info.SetValue(target, value);
    }

    public static object? Static(Type type, string property) =>
        (type.GetProperty(property, BindingFlags.Public | BindingFlags.Static)
            ?? throw new AssertionException($"{type.Name} has no static property {property}.")).GetValue(null);

    public static object? Call(object target, string method, params object?[] arguments)
    {
        var info = target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new AssertionException($"{target.GetType().Name} has no method {method}.");
        return info.Invoke(target, arguments);
    }

    public static object? CallStatic(Type type, string method, params object?[] arguments)
    {
        var info = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static)
            ?? throw new AssertionException($"{type.Name} has no static method {method}.");
        return info.Invoke(null, arguments);
    }

    /// <summary>Parses JSON keeping strings as strings (no date parsing).</summary>
    public static JToken Parse(string json, DateParseHandling dates = DateParseHandling.None)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = dates };
        return JToken.ReadFrom(reader);
    }

    /// <summary>
    /// Asserts that two JSON texts hold the same JSON values (property order, spacing and number
    /// spelling aside). With <paramref name="timestampsAsInstants"/>, strings that are ISO 8601
    /// timestamps compare as instants (typed <c>date-time</c> values are rewritten in one form).
    /// </summary>
    public static void AssertSameJson(string actual, string expected, bool timestampsAsInstants = false)
    {
        var dates = timestampsAsInstants ? DateParseHandling.DateTimeOffset : DateParseHandling.None;
        var left = Parse(actual, dates);
        var right = Parse(expected, dates);
        Assert.That(JToken.DeepEquals(left, right), Is.True, $"JSON differs.\nexpected: {right.ToString(Formatting.None)}\nactual:   {left.ToString(Formatting.None)}");
    }
}
