using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Generator;

namespace FlowLogWarehouse.Cli.Commands;

/// <summary>
/// <c>flowlogs generate</c>: deterministic synthetic flow logs for demos, tests and benchmarks. Validation lives in
/// the options, so every bad value is a usage error (exit 2) before anything is written.
/// </summary>
internal sealed partial class GenerateCommand : ICliCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    // The library's own defaults, so help and behaviour cannot drift from the generator.
    private static readonly GeneratorOptions Defaults = new() { OutputDirectory = "." };

    public Command Create(GlobalOptions global)
    {
        var output = new Option<string>("--out")
        {
            Description = "Directory to write the log files into; created if missing.",
            HelpName = "dir",
            Required = true,
        };
        var days = new Option<int>("--days")
        {
            Description = "Number of consecutive days, from --start.",
            DefaultValueFactory = _ => Defaults.Days,
            CustomParser = OptionParsers.Integer<int>(minimum: 1),
        };
        var rowsPerDay = new Option<long>("--rows-per-day")
        {
            Description = "Flow log records per day.",
            DefaultValueFactory = _ => Defaults.RowsPerDay,
            CustomParser = OptionParsers.Integer<long>(minimum: 1),
        };
        var format = new Option<string>("--format")
        {
            Description = "v2 (AWS's default format), v5, all (every catalog field), or field names (\"srcaddr dstaddr ...\", commas or ${...} also work).",
            HelpName = "v2|v5|all|fields",
            DefaultValueFactory = _ => Defaults.Format,
        };
        format.Validators.Add(ValidateFormat);
        var gzip = new Option<bool>("--gzip") { Description = "Gzip the files, as AWS delivers them to S3." };
        var seed = new Option<int>("--seed")
        {
            Description = "Random seed; the same seed and options give the same files.",
            DefaultValueFactory = _ => Defaults.Seed,
            CustomParser = OptionParsers.Integer<int>(),
        };
        var start = new Option<string>("--start")
        {
            Description = "First day (UTC), YYYY-MM-DD.",
            HelpName = "date",
            DefaultValueFactory = _ => Defaults.Start.ToString(DateFormat, CultureInfo.InvariantCulture),
        };
        start.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>();
            if (!TryParseDate(text, out _))
                r.AddError($"--start must be a date as YYYY-MM-DD, not '{text}'.");
        });
        var accountId = new Option<string>("--account-id")
        {
            Description = "AWS account ID the generated logs belong to.",
            HelpName = "id",
            DefaultValueFactory = _ => Defaults.AccountId,
        };
        accountId.Validators.Add(r => RequireMatch(r, AccountIdPattern(), "an AWS account ID of 12 digits"));
        var region = new Option<string>("--region")
        {
            Description = "AWS Region the generated logs belong to.",
            HelpName = "region",
            DefaultValueFactory = _ => Defaults.Region,
        };
        region.Validators.Add(r => RequireMatch(r, RegionPattern(), "an AWS Region such as us-east-1"));

        var command = new Command("generate", "Write synthetic VPC flow logs, deterministic for a given --seed.")
        {
            output, days, rowsPerDay, format, gzip, seed, start, accountId, region,
        };
        CommandContext.SetAction(command, global, async context =>
        {
            var directory = context.GetValue(output);
            if (File.Exists(directory))
                throw new UserException($"--out '{directory}' is a file; give a directory.");
            TryParseDate(context.GetValue(start), out var first); // validated by the option
            var options = new GeneratorOptions
            {
                OutputDirectory = directory,
                Days = context.GetValue(days),
                RowsPerDay = context.GetValue(rowsPerDay),
                Format = context.GetValue(format),
                Gzip = context.GetValue(gzip),
                Seed = context.GetValue(seed),
                Start = first,
                AccountId = context.GetValue(accountId),
                Region = context.GetValue(region),
            };
            context.Logger.Debug(
                "Generating {Days} day(s) from {Start:yyyy-MM-dd} x {RowsPerDay} rows, format {Format}, gzip {Gzip}, seed {Seed}, into {OutputDirectory}",
                options.Days, options.Start, options.RowsPerDay, options.Format, options.Gzip, options.Seed, options.OutputDirectory);

            var clock = Stopwatch.StartNew();
            // Off the invoking thread: System.CommandLine arms its Ctrl-C handler only once the action has returned a task.
            var result = await Task.Run(() => FlowLogGenerator.Generate(options, context.CancellationToken), context.CancellationToken);
            clock.Stop();
            context.Output.WriteLine(Summary(result, clock.Elapsed, directory));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Summary(GeneratorResult result, TimeSpan elapsed, string directory)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Generated {Count(result.Files, "file")}, {Count(result.Records, "record")}, {Count(result.Bytes, "byte")} in {elapsed.TotalSeconds:F2} s ({result.Records / seconds:N0} lines/s) into {directory}");
    }

    private static string Count(long n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    private static bool TryParseDate(string? text, out DateTimeOffset start)
    {
        var ok = DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        start = ok ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : default;
        return ok;
    }

    private static void RequireMatch(OptionResult result, Regex pattern, string expected)
    {
        var text = result.GetValueOrDefault<string>() ?? "";
        if (!pattern.IsMatch(text))
            result.AddError($"{result.Option.Name} must be {expected}, not '{text}'.");
    }

    // The generator resolves formats; asking it here turns a bad --format into a usage error with its message.
    private static void ValidateFormat(OptionResult result)
    {
        var text = result.GetValueOrDefault<string>() ?? "";
        try
        {
            FlowLogGenerator.ResolveFormat(text);
        }
        catch (FlowLogFormatException e)
        {
            result.AddError($"--format: {e.Message}");
        }
        catch (ArgumentException e)
        {
            result.AddError($"--format: {ErrorReport.WithoutParameterName(e)}");
        }
    }

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    // us-east-1, eu-central-2, us-gov-west-1, ap-southeast-5, cn-northwest-1.
    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}
