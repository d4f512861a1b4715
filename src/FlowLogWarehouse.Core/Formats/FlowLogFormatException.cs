namespace FlowLogWarehouse.Core.Formats;

/// <summary>A format string or header a person can correct; the message says what and how.</summary>
public sealed class FlowLogFormatException(string message) : Exception(message);
