using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace FlowLogWarehouse.Cli.Logging;

/// <summary>
/// Writes formatted events to a <see cref="TextWriter"/> other than the process's stderr: in-process runs (tests)
/// capture the invocation's error writer this way. The console sink owns the real stderr.
/// </summary>
internal sealed class TextWriterSink(ITextFormatter formatter, TextWriter writer) : ILogEventSink
{
    private readonly Lock _sync = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_sync)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
