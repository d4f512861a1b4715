using System.CommandLine;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.FlowLogs;

/// <summary>How <c>format</c> and <c>create</c> choose a flow log's fields: sets or names, and the reports to serve.</summary>
internal sealed class FormatOptions
{
    public Option<string?> Fields { get; } = new("--fields")
    {
        Description = "Fields to record: 'base' (AWS's default, version 2), 'extended' (base and every later field but ECS's), " +
            "'all', or field names in order (plain or ${name}, spaces or commas), also after a set ('base tcp-flags'). Default: base.",
        HelpName = "set|names",
    };

    public Option<string[]> ForReports { get; } = new("--for-reports")
    {
        Description = "Also record every field these reports read: names (or name@N) separated by commas, or 'all'.",
        HelpName = "reports",
    };

    public IEnumerable<Option> All => [Fields, ForReports];

    /// <summary>The chosen fields, the reports' missing ones after them; an unknown field or report is a usage error.</summary>
    public FlowLogFormat Build(CommandContext context)
    {
        var reports = (context.Result.GetValue(ForReports) ?? [])
            .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return FieldSelection.Build(context.Result.GetValue(Fields), ReportLibrary.BuiltIn.FieldsFor(reports));
    }
}
