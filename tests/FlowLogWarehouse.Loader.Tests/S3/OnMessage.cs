using Serilog.Core;
using Serilog.Events;

namespace FlowLogWarehouse.Loader.Tests.S3;

/// <summary>
/// Runs an action once, when the loader logs a message starting with <paramref name="prefix"/>. Serilog calls sinks on
/// the logging thread, so the loader waits for the action: a fault lands at an exact point of the load.
/// </summary>
internal sealed class OnMessage(string prefix, Action action) : ILogEventSink
{
    private int _done;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.MessageTemplate.Text.StartsWith(prefix, StringComparison.Ordinal) && Interlocked.Exchange(ref _done, 1) == 0)
            action();
    }
}
