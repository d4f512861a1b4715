namespace FlowLogWarehouse.Cli.Logging;

/// <summary>How log events are written to stderr.</summary>
internal enum LogFormat
{
    /// <summary><c>[12:00:01 INF] message</c>, for people.</summary>
    Text = 0,

    /// <summary>Serilog's compact JSON, one object per line, for log shippers.</summary>
    Json,
}
