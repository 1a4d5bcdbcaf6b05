using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Opper.Traces.Cli.Output.Html;

/// <summary>
/// The page, style sheet and script of the HTML report, embedded in the tool and inlined into
/// every report, with the Content-Security-Policy that lets exactly these run and forbids every
/// request to anywhere.
/// </summary>
internal sealed class ReportAssets
{
    /// <summary>The script files, in the order they are joined into the page's one script.</summary>
    private static readonly string[] ScriptFiles = { "format.js", "waterfall.js", "details.js", "tables.js", "main.js" };

    private static readonly Lazy<ReportAssets> Loaded = new Lazy<ReportAssets>(Load);

    private ReportAssets(IReadOnlyList<TemplatePart> parts, string style, string script)
    {
        Parts = parts;
        Style = style;
        Script = script;

        // Hashes, not 'unsafe-inline': only this style sheet and this script may run, whatever a
        // trace's text contains. default-src 'none' forbids fetches, images, fonts, frames and
        // connections: the page never reaches the network.
        ContentSecurityPolicy = "default-src 'none'; "
            + "script-src '" + Sha256(script) + "'; "
            + "style-src '" + Sha256(style) + "'; "
            + "base-uri 'none'; form-action 'none'";
    }

    /// <summary>The assets of this build of the tool.</summary>
    public static ReportAssets Instance => Loaded.Value;

    /// <summary>The page template cut at its placeholders.</summary>
    public IReadOnlyList<TemplatePart> Parts { get; }

    /// <summary>The style sheet, written inside the page's one <c>&lt;style&gt;</c> element.</summary>
    public string Style { get; }

    /// <summary>The script, written inside the page's one executable <c>&lt;script&gt;</c> element.</summary>
    public string Script { get; }

    /// <summary>The value of the page's Content-Security-Policy.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>A literal piece of the template followed by the placeholder that comes after it (null at the end).</summary>
    internal readonly record struct TemplatePart(string Literal, string? Placeholder);

    private static ReportAssets Load()
    {
        string page = ReadResource("report.html");
        string style = ReadResource("report.css");
        // One scope for all the files, and none of it on window.
        var script = new StringBuilder("(() => {\n'use strict';\n");
        foreach (string file in ScriptFiles)
        {
            script.Append(ReadResource(file)).Append('\n');
        }

        string joined = script.Append("})();\n").ToString();
        if (joined.IndexOf("</script", StringComparison.OrdinalIgnoreCase) >= 0 || style.IndexOf("</style", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            throw new InvalidOperationException("The report's script or style sheet would close its own element.");
        }

        return new ReportAssets(Split(page), style, joined);
    }

    /// <summary>Cuts the template at each <c>{{name}}</c>.</summary>
    private static List<TemplatePart> Split(string page)
    {
        var parts = new List<TemplatePart>();
        int at = 0;
        while (true)
        {
            int open = page.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart(page.Substring(at), null));
                return parts;
            }

            int close = page.IndexOf("}}", open, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new InvalidOperationException("The report template has an unclosed placeholder.");
            }

            parts.Add(new TemplatePart(page.Substring(at, open - at), page.Substring(open + 2, close - open - 2)));
            at = close + 2;
        }
    }

    private static string ReadResource(string file)
    {
        string name = "Opper.Traces.Cli.Report." + file;
        using Stream stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("The report asset '" + name + "' is missing from the tool.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));

        // Line endings as written in the repository, whatever the checkout did to them.
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    private static string Sha256(string text)
    {
        using var sha = SHA256.Create();
        return "sha256-" + Convert.ToBase64String(sha.ComputeHash(new UTF8Encoding(false).GetBytes(text)));
    }
}
