using System.CommandLine;
using FlowLogWarehouse.Athena;
using FlowLogWarehouse.Athena.Ddl;
using FlowLogWarehouse.Athena.Engine;
using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Core.Layout;
using FlowLogWarehouse.Cli.Aws;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs athena ddl|init</c>: the Athena table over a warehouse on S3, with partition projection, printed or
/// created. Accounts, regions and the first year come from the warehouse's folders unless given.
/// </summary>
internal sealed class AthenaCommand : ICliCommand
{
    public Command Create(GlobalOptions global) => new("athena", "Query the warehouse with Amazon Athena: the table's DDL, and creating it.")
    {
        Subcommand(global, "ddl", "Print the CREATE DATABASE and CREATE EXTERNAL TABLE (partition projection: no MSCK, no crawler).", run: false),
        Subcommand(global, "init", "Create the database and the table on Athena (running it again is harmless).", run: true),
    };

    private static Command Subcommand(GlobalOptions global, string name, string description, bool run)
    {
        var warehouse = new Option<string>("--warehouse") { Description = "The warehouse on S3: s3://bucket/prefix.", HelpName = "s3-url", Required = true };
        var accounts = new Option<string?>("--accounts")
        {
            Description = "Account ids the table enumerates, comma-separated, or 'injected' (queries must then name one). Default: the warehouse's.",
            HelpName = "ids",
        };
        var regions = new Option<string?>("--regions") { Description = "Regions, comma-separated, or 'injected'. Default: the warehouse's.", HelpName = "regions" };
        var firstYear = new Option<int?>("--first-year") { Description = "First year of the projection (default: the warehouse's first).", HelpName = "year" };
        var lastYear = new Option<int?>("--last-year") { Description = "Last year of the projection (default: next year).", HelpName = "year" };
        var aws = new AwsOptions();
        var athena = new AthenaOptions();
        var command = new Command(name, description) { warehouse, accounts, regions, firstYear, lastYear };
        foreach (var option in aws.All.Concat(athena.All))
            command.Options.Add(option);

        CommandContext.SetAction(command, global, async context =>
        {
            var location = S3Path.Parse(context.GetValue(warehouse));
            var awsSettings = aws.Settings(context);
            var settings = athena.Settings(context, location);
            var given = (Accounts: List(context.Result.GetValue(accounts)), Regions: List(context.Result.GetValue(regions)));
            // Everything given on the command line still leaves the layout to the warehouse's folders.
            async Task<PartitionGranularity> GranularityAsync()
            {
                using var s3 = S3Clients.Create(athena.S3Settings(context, awsSettings));
                return await new WarehouseOnS3(s3, location).GranularityAsync(context.CancellationToken);
            }
            WarehouseOnS3.Partitions? found = null;
            if (given.Accounts is null || given.Regions is null || context.Result.GetValue(firstYear) is null)
            {
                using var s3 = S3Clients.Create(athena.S3Settings(context, awsSettings));
                found = await new WarehouseOnS3(s3, location).DiscoverAsync(context.CancellationToken);
            }
            var table = new AthenaTable
            {
                Database = settings.Database,
                Table = settings.Table,
                Warehouse = location,
                Accounts = Pick("--accounts", given.Accounts, found?.Accounts),
                Regions = Pick("--regions", given.Regions, found?.Regions),
                FirstYear = context.Result.GetValue(firstYear) ?? found?.FirstYear ?? DateTime.UtcNow.Year,
                LastYear = context.Result.GetValue(lastYear) ?? DateTime.UtcNow.Year + 1,
                Granularity = found?.Granularity ?? await GranularityAsync(),
            };
            if (!run)
            {
                foreach (var statement in AthenaSetup.Statements(table))
                    await context.Output.WriteLineAsync(statement.Sql + ";\n");
                return ExitCodes.Ok;
            }
            using var client = AthenaClient.Create(awsSettings, options: new AthenaClientOptions { Logger = context.Logger });
            var done = await AthenaSetup.RunAsync(new AthenaQueryRunner(client, new AthenaRunnerOptions { Logger = context.Logger }), settings, table, context.CancellationToken);
            await context.Output.WriteLineAsync($"Table {settings.Database}.{settings.Table} is ready over {table.DataLocation} ({done.Count} statement(s): {string.Join(", ", done.Select(d => d.QueryId))}).");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>null for 'injected'; the given list; else what the warehouse holds (at least one value).</summary>
    private static IReadOnlyList<string>? Pick(string option, IReadOnlyList<string>? given, IReadOnlyList<string>? found)
    {
        if (given is not null)
            return given.Count == 1 && given[0] == "injected" ? null : given;
        if (found is { Count: > 0 })
            return found;
        throw new UserException($"The warehouse has no data to find {option[2..]} in; give {option} (or 'injected').");
    }

    private static IReadOnlyList<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
