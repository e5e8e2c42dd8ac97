using System.Diagnostics;

namespace NextLevel.Api.Seeding;

/// <summary>
/// A progress bar on stderr: redrawn in place on a terminal at most five times a second, or one line per
/// tenth when output is redirected (CI logs). [Single writer]
/// </summary>
internal sealed class ConsoleProgress(string label, long total, TextWriter output, bool interactive)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawTicks = -1;
    private int _lastTenth = -1;

    public static ConsoleProgress ForStandardError(string label, long total) =>
        new(label, total, Console.Error, interactive: !Console.IsErrorRedirected);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(long done)
    {
        var fraction = total == 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        if (interactive)
        {
            var now = _clock.ElapsedTicks;
            if (done < total && _lastDrawTicks >= 0 && now - _lastDrawTicks < Stopwatch.Frequency / 5) return;
            _lastDrawTicks = now;
            var filled = (int)(fraction * Width);
            output.Write($"\r  {label} [{new string('#', filled)}{new string('-', Width - filled)}] {fraction,4:P0} {done:N0}/{total:N0}  {_clock.Elapsed.TotalSeconds:F1} s");
            if (done >= total) output.WriteLine();
        }
        else
        {
            var tenth = (int)(fraction * 10);
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            output.WriteLine($"  {label}: {fraction:P0} ({done:N0}/{total:N0}) after {_clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
