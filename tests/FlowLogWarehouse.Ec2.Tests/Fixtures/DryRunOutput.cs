using System.Text.Json;
using FlowLogWarehouse.Ec2.DryRun;

namespace FlowLogWarehouse.Ec2.Tests.Fixtures;

/// <summary><c>create --dry-run</c>'s three parts, read back: request parameters, CloudFormation template, AWS CLI words.</summary>
public sealed class DryRunOutput
{
    public DryRunOutput(string stdout)
    {
        var sections = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in stdout.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
                sections[line] = current = [];
            else
                current?.Add(line);
        }
        Assert.Equal([FlowLogDryRun.RequestHeading, FlowLogDryRun.CloudFormationHeading, FlowLogDryRun.AwsCliHeading], sections.Keys);
        RequestLines = sections[FlowLogDryRun.RequestHeading].Where(l => l.Length > 0).ToList();
        CloudFormation = JsonDocument.Parse(string.Join('\n', sections[FlowLogDryRun.CloudFormationHeading])).RootElement.Clone();
        AwsCli = ShellWords.Split(string.Join('\n', sections[FlowLogDryRun.AwsCliHeading]).Trim());
    }

    /// <summary>name=value, sorted, as FakeEc2Request.Lines gives what was received.</summary>
    public IReadOnlyList<string> RequestLines { get; }

    public JsonElement CloudFormation { get; }

    public IReadOnlyList<string> AwsCli { get; }

    /// <summary>The Properties of every AWS::EC2::FlowLog in the template, by logical id.</summary>
    public IReadOnlyDictionary<string, JsonElement> FlowLogResources =>
        CloudFormation.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::EC2::FlowLog")
            .ToDictionary(r => r.Name, r => r.Value.GetProperty("Properties"));

    /// <summary>The value after an AWS CLI option, or null when the command does not give it.</summary>
    public string? CliOption(string name)
    {
        var i = AwsCli.ToList().IndexOf(name);
        return i < 0 ? null : AwsCli[i + 1];
    }
}
