using System;
using System.Collections;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Opper.OpenTelemetry.Implementation;

/// <summary>Tag values as JSON: numbers stay numbers, booleans booleans, arrays arrays; anything else becomes its text.</summary>
internal static class TagValues
{
    /// <summary>The JSON form of a tag value; strings longer than <paramref name="maxTextLength"/> are cut with a marker.</summary>
    public static JToken ToJson(object? value, int maxTextLength = int.MaxValue) => value switch
    {
        null => JValue.CreateNull(),
        string text => new JValue(ContentText.Cut(text, maxTextLength)),
        bool flag => new JValue(flag),
        int number => new JValue((long)number),
        long number => new JValue(number),
        short number => new JValue((long)number),
        byte number => new JValue((long)number),
        sbyte number => new JValue((long)number),
        ushort number => new JValue((long)number),
        uint number => new JValue((long)number),
        ulong number => new JValue(number),
        double number => Real(number),
        float number => Real(number),
        decimal number => new JValue(number),
        char character => new JValue(character.ToString()),
        DateTime time => new JValue(time.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset time => new JValue(time.ToString("O", CultureInfo.InvariantCulture)),
        TimeSpan duration => new JValue(duration.ToString("c", CultureInfo.InvariantCulture)),
        JToken token => token.DeepClone(),
        IEnumerable items => Array(items, maxTextLength),
        _ => new JValue(Text(value)),
    };

    // JSON has no NaN or infinities: those travel as their names.
    private static JValue Real(double number) =>
        double.IsNaN(number) || double.IsInfinity(number)
            ? new JValue(number.ToString(CultureInfo.InvariantCulture))
            : new JValue(number);

    private static JArray Array(IEnumerable items, int maxTextLength)
    {
        var array = new JArray();
        foreach (var item in items)
        {
            array.Add(ToJson(item, maxTextLength));
        }

        return array;
    }

    private static string Text(object value)
    {
        try
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A ToString() that throws must not lose the span: keep the type name.
            return value.GetType().FullName ?? value.GetType().Name;
        }
    }
}
