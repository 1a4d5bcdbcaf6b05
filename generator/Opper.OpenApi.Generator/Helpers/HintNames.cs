using System;
using System.Collections.Generic;

namespace Opper.OpenApi.Generator.Helpers;

/// <summary>
/// File names for generated sources. Roslyn compares hint names without regard to letter case and
/// throws on a duplicate, which fails the whole generator; C# type names are case-sensitive, so
/// <c>Pet</c> and <c>PET</c> are two types that need two files.
/// </summary>
internal static class HintNames
{
    /// <summary>
    /// Pairs each item with a name that is unique among them ignoring letter case: the first keeps
    /// its name, later ones get <c>_2</c>, <c>_3</c>, ... Deterministic for the same input order.
    /// </summary>
    public static IEnumerable<(T Item, string Name)> Unique<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var wanted = name(item);
            var candidate = wanted;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = wanted + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return (item, candidate);
        }
    }
}
