namespace FlowLogWarehouse.Reports;

/// <summary>How a report is best drawn: a line over time or bars for a top-N, with its X column and Y columns.</summary>
public sealed record ReportChart(string Kind, string X, IReadOnlyList<string> Y);
