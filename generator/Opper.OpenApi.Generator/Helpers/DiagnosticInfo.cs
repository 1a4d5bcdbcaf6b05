using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Opper.OpenApi.Generator.Helpers;

/// <summary>A position in the spec file, as plain data (no Roslyn <see cref="Location"/>).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
}

/// <summary>
/// A diagnostic as data, so it can travel through the incremental pipeline and be compared by
/// value (a <see cref="DiagnosticDescriptor"/> compares by its id, texts and severity); turned
/// into a Roslyn <see cref="Diagnostic"/> only when reported.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
