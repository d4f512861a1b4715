using System.CommandLine;
using System.Globalization;
using FlowLogWarehouse.Cli.Output;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs fields [--json]</c>: the field catalog, as a table for people or JSON for tools, with the reports that
/// read each field (what a flow log without it cannot serve).
/// </summary>
internal sealed class FieldsCommand : ICliCommand
{
    // Wide enough for every enum-like allowed list; traffic-path's meanings and long descriptions are cut (--json has them whole).
    private const int AllowedWidth = 32;
    private const int DescriptionWidth = 64;
    private const int ReportsWidth = 40;

    public Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print a JSON array (name, column, version, type, description, allowed, reports) with descriptions and reports in full.",
        };
        var command = new Command("fields", "List every flow log field: AWS name, Parquet column, version, type, the reports that read it, allowed values.")
        {
            json,
        };
        CommandContext.SetAction(command, global, context =>
        {
            if (context.GetValue(json))
                WriteJson(context.Output, FieldCatalog.Fields);
            else
                WriteTable(context.Output, FieldCatalog.Fields);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static void WriteTable(TextWriter output, IReadOnlyList<FlowLogField> fields)
    {
        var table = new TextTable("NAME", "COLUMN", "VERSION", "TYPE", "REPORTS", "ALLOWED", "DESCRIPTION");
        var reportCount = ReportLibrary.BuiltIn.Latest.Count;
        foreach (var field in fields)
        {
            table.AddRow(
                field.Name,
                field.Column,
                field.Version?.ToString(CultureInfo.InvariantCulture) ?? "-",
                TypeName(field.Type),
                TextTable.Truncate(ReportsCell(ReportLibrary.BuiltIn.ReportsUsing(field.Name), reportCount), ReportsWidth),
                TextTable.Truncate(string.Join('|', field.Allowed), AllowedWidth),
                TextTable.Truncate(field.Description, DescriptionWidth));
        }
        table.Write(output);
    }

    internal static void WriteJson(TextWriter output, IReadOnlyList<FlowLogField> fields) => JsonOutput.WriteArray(output, fields, (json, field) =>
    {
        json.WriteString("name", field.Name);
        json.WriteString("column", field.Column);
        json.WriteNumberOrNull("version", field.Version);
        json.WriteString("type", TypeName(field.Type));
        json.WriteString("description", field.Description);
        json.WriteStartArray("allowed");
        foreach (var value in field.Allowed)
            json.WriteStringValue(value);
        json.WriteEndArray();
        json.WriteStartArray("reports");
        foreach (var report in ReportLibrary.BuiltIn.ReportsUsing(field.Name))
            json.WriteStringValue(report);
        json.WriteEndArray();
    });

    /// <summary>"all", "all but …" when that is shorter to read, the names, or "-" for none.</summary>
    internal static string ReportsCell(IReadOnlyList<string> readers, int reportCount)
    {
        if (readers.Count == 0)
            return "-";
        if (readers.Count == reportCount)
            return "all";
        if (readers.Count > reportCount / 2)
            return "all but " + string.Join(", ", ReportLibrary.BuiltIn.Latest.Select(r => r.Name).Except(readers));
        return string.Join(", ", readers);
    }

    /// <summary>The catalog's type names, which are also the Parquet physical types.</summary>
    internal static string TypeName(FieldType type) => type switch
    {
        FieldType.String => "string",
        FieldType.Int32 => "int32",
        FieldType.Int64 => "int64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown field type."),
    };
}
