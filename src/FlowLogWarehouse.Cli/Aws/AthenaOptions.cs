using System.CommandLine;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Aws;

namespace FlowLogWarehouse.Cli.Aws;

/// <summary>
/// Where Athena runs queries and finds the table. Each option falls back to an environment variable
/// (FLOWLOGS_ATHENA_DATABASE, _WORKGROUP, _OUTPUT_LOCATION, _CATALOG, _TABLE), then to the default.
/// </summary>
internal sealed class AthenaOptions
{
    private static readonly AthenaSettings Defaults = new();

    public Option<string?> Database { get; } = new("--athena-database") { Description = $"Athena database of the table (default: {Defaults.Database}).", HelpName = "name" };

    public Option<string?> WorkGroup { get; } = new("--athena-workgroup") { Description = $"Athena workgroup (default: {Defaults.WorkGroup}).", HelpName = "name" };

    public Option<string?> OutputLocation { get; } = new("--athena-output-location")
    {
        Description = "s3:// folder for Athena's result files (default: the workgroup's).",
        HelpName = "s3-url",
    };

    public Option<string?> Catalog { get; } = new("--athena-catalog") { Description = $"Data catalog (default: {Defaults.Catalog}).", HelpName = "name" };

    public Option<string?> Table { get; } = new("--athena-table") { Description = $"Table name (default: {Defaults.Table}).", HelpName = "name" };

    /// <summary>S3 may answer elsewhere than Athena (an S3-compatible store, or tests).</summary>
    public Option<string?> S3EndpointUrl { get; } = new("--s3-endpoint-url")
    {
        Description = "Endpoint for reading the warehouse's folders and manifests on S3, when it is not AWS's.",
        HelpName = "url",
    };

    public IEnumerable<Option> All => [Database, WorkGroup, OutputLocation, Catalog, Table, S3EndpointUrl];

    /// <summary>What a load in Athena needs: where its queries run (its raw tables live in the database, briefly).</summary>
    public IEnumerable<Option> ForLoad => [Database, WorkGroup, OutputLocation, Catalog];

    public AthenaSettings Settings(CommandContext context, S3Path? warehouse)
    {
        var settings = new AthenaSettings
        {
            Database = Value(context, Database, "DATABASE") ?? Defaults.Database,
            WorkGroup = Value(context, WorkGroup, "WORKGROUP") ?? Defaults.WorkGroup,
            OutputLocation = Value(context, OutputLocation, "OUTPUT_LOCATION"),
            Catalog = Value(context, Catalog, "CATALOG") ?? Defaults.Catalog,
            Table = Value(context, Table, "TABLE") ?? Defaults.Table,
            Warehouse = warehouse,
        };
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new AwsSettingsException(e.Message);
        }
        return settings;
    }

    public AwsSettings S3Settings(CommandContext context, AwsSettings aws) =>
        context.Result.GetValue(S3EndpointUrl) is { } endpoint ? aws with { EndpointUrl = endpoint } : aws with { EndpointUrl = null };

    private static string? Value(CommandContext context, Option<string?> option, string variable)
    {
        if (context.Result.GetValue(option) is { } given)
            return given;
        var fromEnvironment = Environment.GetEnvironmentVariable("FLOWLOGS_ATHENA_" + variable);
        return string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment;
    }
}
