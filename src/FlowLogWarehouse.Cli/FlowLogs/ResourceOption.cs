using System.CommandLine;

namespace FlowLogWarehouse.Cli.FlowLogs;

/// <summary><c>--resource vpc-…|subnet-…|eni-…</c>, repeatable and comma-separated, for <c>create</c> and <c>describe</c>.</summary>
internal sealed class ResourceOption(string description, bool required)
{
    public Option<string[]> Option { get; } = new("--resource") { Description = description, HelpName = "id", Required = required };

    public IReadOnlyList<string> Ids(CommandContext context) =>
        (context.Result.GetValue(Option) ?? [])
            .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
