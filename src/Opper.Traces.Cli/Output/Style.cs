using System;

namespace Opper.Traces.Cli.Output;

/// <summary>When to colour the output (<c>--color</c>).</summary>
internal enum ColorMode
{
    /// <summary>Colour when stdout is a terminal and <c>NO_COLOR</c> is not set.</summary>
    Auto,

    /// <summary>Always colour.</summary>
    Always,

    /// <summary>Never colour.</summary>
    Never,
}

/// <summary>ANSI styling that is either on or off; when off, text passes through unchanged.</summary>
internal sealed class Style
{
    public static readonly Style Plain = new Style(enabled: false);

    public Style(bool enabled)
    {
        Enabled = enabled;
    }

    public bool Enabled { get; }

    /// <summary>
    /// Whether to colour: <see cref="ColorMode.Always"/> and <see cref="ColorMode.Never"/> decide
    /// alone; <see cref="ColorMode.Auto"/> colours a terminal unless <c>NO_COLOR</c> is set to a
    /// non-empty value (https://no-color.org) or <c>TERM</c> is <c>dumb</c>.
    /// </summary>
    public static Style For(ColorMode mode, CliHost host)
    {
        switch (mode)
        {
            case ColorMode.Always:
                return new Style(enabled: true);
            case ColorMode.Never:
                return Plain;
            default:
                bool enabled = host.IsOutputTerminal
                    && string.IsNullOrEmpty(host.GetEnvironmentVariable("NO_COLOR"))
                    && !string.Equals(host.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
                return new Style(enabled);
        }
    }

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Red(string text) => Wrap("31", text);

    public string Green(string text) => Wrap("32", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Cyan(string text) => Wrap("36", text);

    private string Wrap(string code, string text) =>
        Enabled && text.Length > 0 ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
}
