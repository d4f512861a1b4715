namespace FlowLogWarehouse.Reports;

/// <summary>A report that cannot run as asked: unknown name or version, bad parameter, missing fields. For the user.</summary>
public sealed class ReportException(string message) : Exception(message);
