using System.Collections.Generic;
using Opper.OpenApi.Generator.Helpers;

namespace Opper.OpenApi.Generator.Parsing;

/// <summary>Turns offsets in the spec text into line/column positions for diagnostics.</summary>
internal sealed class LineMap
{
    private readonly string _path;
    private readonly List<int> _lineStarts = new() { 0 };

    public LineMap(string path, string text)
    {
        _path = path;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public LocationInfo Location(int start, int end)
    {
        if (end < start)
        {
            end = start;
        }

        var (startLine, startColumn) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new LocationInfo(_path, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index, offset - _lineStarts[index]);
    }
}
