using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.ContractTests.Infrastructure;

/// <summary>
/// Seeded variations of an example body, made along its schema: every nullable field null, every
/// optional field missing, unknown fields everywhere, unicode strings, large arrays, and random
/// mixes of those. The same seed gives the same bodies on every run.
/// </summary>
internal static class Variations
{
    private const int Seed = 20241107;

    private static readonly string[] s_unicode =
    {
        "héllo wörld",
        "日本語のテキスト",
        "emoji 🚀👩‍💻🇸🇪",
        "مرحبا بالعالم",
        "e\u0301 combining",
        "quote \" backslash \\ slash / </script>",
        "control \u0001\u001f tab\t new line\n",
        "separators \u2028 \u2029",
        "astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎",
        "nul \u0000 inside",
        "",
        "   ",
    };

    private enum Mode
    {
        Nulls,
        NoOptionals,
        UnknownFields,
        Unicode,
        LargeArrays,
        Random,
    }

    /// <summary>The variations of one example of a component, labelled.</summary>
    public static IEnumerable<(string Label, JToken Body)> Of(string component, string variant, JToken example)
    {
        var schema = OpenApiDocument.Ref(component);
        var seed = Seed ^ StableHash(component + "." + variant);
        yield return (variant + "+nulls", Transform(example, schema, Mode.Nulls, new Random(seed), 0));
        yield return (variant + "+no-optionals", Transform(example, schema, Mode.NoOptionals, new Random(seed), 0));
        yield return (variant + "+unknown-fields", Transform(example, schema, Mode.UnknownFields, new Random(seed), 0));
        yield return (variant + "+unicode", Transform(example, schema, Mode.Unicode, new Random(seed), 0));
        yield return (variant + "+large-arrays", Transform(example, schema, Mode.LargeArrays, new Random(seed), 0));
        for (var i = 1; i <= 3; i++)
        {
            yield return (variant + "+random-" + i, Transform(example, schema, Mode.Random, new Random(seed + i), 0));
        }
    }

    /// <summary>A string of mixed scripts, emoji, escapes and control characters.</summary>
    public static string UnicodeString(Random random)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 4);
        for (var i = 0; i < parts; i++)
        {
            text.Append(s_unicode[random.Next(s_unicode.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A uuid drawn from <paramref name="random"/>.</summary>
    public static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A hash of a string that does not change between runs (string.GetHashCode does).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }

    private static JToken Transform(JToken value, JToken? schemaToken, Mode mode, Random random, int depth)
    {
        var schema = ResolvedSchema.Of(schemaToken);
        switch (schema.Kind)
        {
            case SchemaKind.Object when value is JObject obj:
                return TransformObject(obj, schema, mode, random, depth);

            case SchemaKind.Array when value is JArray array:
            {
                var items = array.Select(item => Transform(item, schema.Items, mode, random, depth + 1)).ToList();
                if (mode == Mode.LargeArrays && depth <= 2 && items.Count > 0)
                {
                    var target = random.Next(1000, 1500);
                    var originals = items.Count;
                    while (items.Count < target)
                    {
                        items.Add(FreshIds(items[random.Next(originals)].DeepClone(), random));
                    }
                }

                return new JArray(items);
            }

            case SchemaKind.String when value.Type == JTokenType.String && schema.Format is null:
                return mode == Mode.Unicode || (mode == Mode.Random && random.Next(3) == 0) ? new JValue(UnicodeString(random)) : value.DeepClone();

            case SchemaKind.FreeForm when mode == Mode.Unicode:
                return UnicodeLeaves(value, random);

            default:
                return value.DeepClone();
        }
    }

    private static JObject TransformObject(JObject obj, ResolvedSchema schema, Mode mode, Random random, int depth)
    {
        var result = new JObject();
        var required = schema.Required;
        var properties = schema.Properties;
        foreach (var property in obj.Properties())
        {
            var propertySchema = ResolvedSchema.Of(properties[property.Name]);
            var optional = !required.Contains(property.Name);
            var choice = mode == Mode.Random ? random.Next(4) : -1;
            if ((mode == Mode.NoOptionals || choice == 1) && optional && properties[property.Name] is not null)
            {
                continue;
            }

            if ((mode == Mode.Nulls || choice == 2) && propertySchema.Nullable && properties[property.Name] is not null)
            {
                result.Add(property.Name, JValue.CreateNull());
                continue;
            }

            result.Add(property.Name, property.Value.Type == JTokenType.Null
                ? JValue.CreateNull()
                : Transform(property.Value, properties[property.Name], mode, random, depth + 1));
        }

        // Every nullable field null: also those the example leaves out.
        if (mode == Mode.Nulls)
        {
            foreach (var property in properties.Properties())
            {
                if (result.Property(property.Name) is null && ResolvedSchema.Of(property.Value).Nullable)
                {
                    result.Add(property.Name, JValue.CreateNull());
                }
            }
        }

        if (mode == Mode.UnknownFields || (mode == Mode.Random && random.Next(3) == 0))
        {
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                result["x_unknown_" + random.Next(1000, 9999)] = UnknownValue(random);
            }
        }

        return result;
    }

    // Values a newer server might add. No date-like strings: NSwag turns those into dates (see KnownDifferencesTests).
    private static JToken UnknownValue(Random random) => random.Next(7) switch
    {
        0 => new JValue("plain text " + random.Next()),
        1 => new JValue(random.Next(-1000, 1000)),
        2 => new JValue(random.NextDouble() * 1000),
        3 => new JValue(random.Next(2) == 0),
        4 => JValue.CreateNull(),
        5 => new JArray(1, "two", new JObject { ["three"] = 3.5 }, JValue.CreateNull()),
        _ => new JObject { ["nested"] = new JObject { ["deep"] = new JArray(new JObject { ["value"] = random.Next() }) }, ["empty"] = new JObject() },
    };

    private static JToken UnicodeLeaves(JToken value, Random random) => value switch
    {
        JObject obj => new JObject(obj.Properties().Select(p => new JProperty(p.Name, UnicodeLeaves(p.Value, random)))),
        JArray array => new JArray(array.Select(item => UnicodeLeaves(item, random))),
        JValue { Type: JTokenType.String } => new JValue(UnicodeString(random)),
        _ => value.DeepClone(),
    };

    // A copied array item gets its own ids, so that lists of spans stay lists of distinct spans.
    private static JToken FreshIds(JToken item, Random random)
    {
        if (item is JObject obj)
        {
            foreach (var property in obj.Properties().ToList())
            {
                if (property.Name == "id" && property.Value.Type == JTokenType.String && Guid.TryParse((string?)property.Value, out _))
                {
                    property.Value = Uuid(random);
                }
            }
        }

        return item;
    }
}
