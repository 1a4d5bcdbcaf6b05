using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Opper.Traces.Cli.Output;

/// <summary>
/// Progress of a command that reads many traces, on stderr: a bar redrawn in place when stderr is a
/// terminal, a plain line at every tenth of the way otherwise, nothing at all when quiet (<c>--json</c>).
/// </summary>
internal sealed class Progress
{
    private const int BarWidth = 30;
    private const long RedrawIntervalMs = 100;

    private readonly TextWriter _error;
    private readonly Mode _mode;
    private readonly int? _total;
    private readonly string _noun;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;
    private int _lastLine;
    private long _lastDrawMs = -RedrawIntervalMs;
    private int _drawnWidth;

    private Progress(TextWriter error, Mode mode, int? total, string noun)
    {
        _error = error;
        _mode = mode;
        _total = total;
        _noun = noun;
    }

    private enum Mode
    {
        Quiet,
        Lines,
        Bar,
    }

    /// <summary>Progress that shows nothing (for callers that write no progress, such as a server).</summary>
    public static Progress None { get; } = new Progress(TextWriter.Null, Mode.Quiet, null, string.Empty);

    /// <summary>Progress for <paramref name="host"/>'s stderr.</summary>
    /// <param name="host">Says whether stderr is a terminal.</param>
    /// <param name="quiet">Show nothing (the output is JSON for a program).</param>
    /// <param name="total">How many items are expected at most, when known.</param>
    /// <param name="noun">What is counted, plural (<c>traces</c>).</param>
    public static Progress For(CliHost host, bool quiet, int? total, string noun) =>
        new Progress(host.Error, quiet ? Mode.Quiet : host.IsErrorTerminal ? Mode.Bar : Mode.Lines, total, noun);

    /// <summary>One more item done.</summary>
    public void Advance()
    {
        _done++;
        switch (_mode)
        {
            case Mode.Bar:
                long now = _clock.ElapsedMilliseconds;
                if (now - _lastDrawMs >= RedrawIntervalMs || _done == _total)
                {
                    _lastDrawMs = now;
                    Draw();
                }

                break;
            case Mode.Lines:
                int step = _total is { } total ? Math.Max(1, (total + 9) / 10) : 100;
                if (_done - _lastLine >= step || _done == _total)
                {
                    _lastLine = _done;
                    _error.WriteLine(Counted());
                }

                break;
        }
    }

    /// <summary>Writes a message line (a skipped input) without tearing the bar.</summary>
    public void Report(string line)
    {
        Clear();
        _error.WriteLine(Text.OneLine(line));
    }

    /// <summary>Removes the bar, or writes the last count when lines were written and it is not there yet.</summary>
    public void Finish()
    {
        if (_mode == Mode.Bar)
        {
            Clear();
        }
        else if (_mode == Mode.Lines && _lastLine != _done)
        {
            _lastLine = _done;
            _error.WriteLine(Counted());
        }
    }

    private string Counted() =>
        "Read " + Text.Count(_done) + (_total is { } total ? "/" + Text.Count(total) : string.Empty) + " " + _noun + ".";

    private void Draw()
    {
        string count = Text.Count(_done) + (_total is { } total ? "/" + Text.Count(total) : string.Empty) + " " + _noun;
        string line;
        if (_total is { } expected && expected > 0)
        {
            int filled = (int)Math.Min(BarWidth, (long)_done * BarWidth / expected);
            line = "[" + new string('#', filled) + new string('.', BarWidth - filled) + "] " + count;
        }
        else
        {
            line = count.ToString(CultureInfo.InvariantCulture);
        }

        _error.Write("\r" + line.PadRight(_drawnWidth));
        _drawnWidth = line.Length;
        _error.Flush();
    }

    private void Clear()
    {
        if (_mode == Mode.Bar && _drawnWidth > 0)
        {
            _error.Write("\r" + new string(' ', _drawnWidth) + "\r");
            _drawnWidth = 0;
            _lastDrawMs = -RedrawIntervalMs;
        }
    }
}
