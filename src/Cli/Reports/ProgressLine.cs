using System.Diagnostics;
using System.Globalization;
using AzureRules.Sdk.Events;

namespace AzureRules.Cli.Reports;

/// <summary>
/// A live progress line on stderr while a run reads its events: files, events, events per second,
/// alerts so far and elapsed time, redrawn in place a few times a second. Only for a terminal: when
/// stderr is redirected (a file, a pipe, CI logs) nothing is drawn, so logs hold only the summary.
/// Disposing it erases the line.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly TextWriter _writer;
    private readonly EventReadProgress _progress;
    private readonly Func<long> _alerts;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _drawn;
    private bool _disposed;

    private ProgressLine(TextWriter writer, EventReadProgress progress, Func<long> alerts)
    {
        _writer = writer;
        _progress = progress;
        _alerts = alerts;
        _timer = new Timer(_ => Draw(), null, Interval, Interval);
    }

    /// <summary>A progress line when stderr is a terminal and not <paramref name="quiet"/>; otherwise null.</summary>
    public static ProgressLine? Start(EventReadProgress progress, Func<long> alerts, bool quiet)
        => quiet || Console.IsErrorRedirected ? null : new ProgressLine(Console.Error, progress, alerts);

    /// <summary>The text of the line (without the terminal controls that redraw it).</summary>
    internal static string Format(int files, long events, long alerts, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? events / elapsed.TotalSeconds : 0;
        var n = CultureInfo.InvariantCulture;
        return $"{Sdk.Engine.RunSummary.Count(files, "file")}, {Sdk.Engine.RunSummary.Count(events, "event")} ({rate.ToString("N0", n)}/s), "
            + $"{Sdk.Engine.RunSummary.Count(alerts, "alert")}, {(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}";
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_disposed) return;
            // \r and "erase line" redraw in place; nothing here comes from rules or events
            _writer.Write("\r\e[2K" + Format(_progress.Files, _progress.Events, _alerts(), _clock.Elapsed));
            _writer.Flush();
            _drawn = true;
        }
    }

    /// <summary>Writes other output (an alert on a terminal's stdout) with the progress line out of its way; the next tick redraws it.</summary>
    public void WriteAbove(Action write)
    {
        lock (_gate)
        {
            if (_drawn)
            {
                _writer.Write("\r\e[2K");
                _writer.Flush();
                _drawn = false;
            }
            write();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _disposed = true;
            if (_drawn) _writer.Write("\r\e[2K");
        }
    }
}
