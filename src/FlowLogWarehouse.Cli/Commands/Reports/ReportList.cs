using System.CommandLine;
using System.Text.Json;
using FlowLogWarehouse.Cli.Output;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.Commands.Reports;

/// <summary><c>flowlogs report list [--json]</c>: every report's newest version, what it tells, what it takes.</summary>
internal static class ReportList
{
    private const int DescriptionWidth = 70;

    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (name, version, versions, description, requires, parameters)." };
        var command = new Command("list", "List the reports: name, newest version, description, parameters.") { json };
        CommandContext.SetAction(command, global, context =>
        {
            var library = ReportLibrary.BuiltIn;
            if (context.GetValue(json))
                WriteJson(context.Output, library);
            else
                WriteTable(context.Output, library);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void WriteTable(TextWriter output, ReportLibrary library)
    {
        var table = new TextTable("NAME", "VERSION", "DESCRIPTION", "PARAMETERS");
        foreach (var report in library.Latest)
        {
            table.AddRow(
                report.Name,
                report.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TextTable.Truncate(report.Description, DescriptionWidth),
                report.Parameters.Count == 0 ? "-" : string.Join(", ", report.Parameters.Select(p => p.Signature)));
        }
        table.Write(output);
        output.WriteLine();
        output.WriteLine("Every report also takes --from/--to (default: the last 24 hours of data). Run one: flowlogs report run NAME --warehouse DIR");
    }

    private static void WriteJson(TextWriter output, ReportLibrary library)
    {
        var versions = library.All.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.Select(r => r.Version).ToList());
        var reports = library.Latest.Select(r => new
        {
            name = r.Name,
            version = r.Version,
            versions = versions[r.Name],
            description = r.Description,
            requires = r.Requires,
            parameters = r.Parameters.Select(p => new
            {
                name = p.Name,
                type = p.Type.ToString().ToLowerInvariant(),
                required = p.Required,
                @default = p.Default,
                description = p.Description,
            }),
        });
        output.WriteLine(JsonSerializer.Serialize(reports, new JsonSerializerOptions { WriteIndented = true }));
    }
}
