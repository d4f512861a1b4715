using FlowLogWarehouse.Cli.Tests.Fixtures;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Reports;

namespace FlowLogWarehouse.Cli.Tests;

public class FormatCommandTests
{
    // AWS's default format, as the EC2 documentation and DescribeFlowLogs write it.
    private const string AwsDefaultLogFormat =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} " +
        "${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    public static TheoryData<string> Reports => new(ReportLibrary.BuiltIn.Latest.Select(r => r.Name));

    private static async Task<string> Format(params string[] args)
    {
        var run = await InProcess.RunAsync(["format", .. args]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StdErr);
        return run.StdOut.TrimEnd('\n');
    }

    private static IReadOnlyList<string> Names(string logFormat) => FlowLogFormat.Parse(logFormat).Fields.Select(f => f.Name).ToList();

    [Fact]
    public async Task Format_Base_IsAwsDefaultFormat()
    {
        Assert.Equal(AwsDefaultLogFormat, await Format("--fields", "base"));
        Assert.Equal(AwsDefaultLogFormat, await Format());
    }

    [Fact]
    public async Task Format_ExtendedAndAll_StartWithBase()
    {
        var extended = await Format("--fields", "extended");
        var all = await Format("--fields", "all");

        Assert.StartsWith(AwsDefaultLogFormat + " ${vpc-id}", extended);
        Assert.DoesNotContain("${ecs-", extended);
        Assert.EndsWith("${reject-reason}", extended);
        Assert.Equal(FieldCatalog.Fields.Select(f => f.Name).Order(), Names(all).Order());
    }

    [Fact]
    public async Task Format_Names_AreWrittenInAwsSyntaxInTheirOrder()
    {
        Assert.Equal("${srcaddr} ${dstaddr} ${tcp-flags}", await Format("--fields", "srcaddr,dstaddr,${tcp-flags}"));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Format_ForOneReport_HasEveryFieldItReadsAfterBase(string report)
    {
        var names = Names(await Format("--for-reports", report));

        Assert.Equal(FieldCatalog.DefaultFormat.Select(f => f.Name), names.Take(14));
        Assert.All(ReportLibrary.BuiltIn.Resolve(report).Requires, field => Assert.Contains(field, names));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("nat-paths,top-instances")]
    [InlineData("rejected-tcp,top-subnets,traffic-paths")]
    [InlineData("all")]
    public async Task Format_ForAReportSet_HasEveryFieldTheyRead(string reports)
    {
        var names = Names(await Format("--for-reports", reports));
        var set = reports == "all" ? ReportLibrary.BuiltIn.Latest : reports.Split(',').Select(ReportLibrary.BuiltIn.Resolve).ToList();

        Assert.All(set.SelectMany(r => r.Requires), field => Assert.Contains(field, names));
    }

    [Fact]
    public async Task Format_ForReportsGivenTwice_AddsBothReportsFieldsOnce()
    {
        var names = Names(await Format("--fields", "srcaddr", "--for-reports", "nat-paths", "--for-reports", "top-subnets"));

        Assert.Equal(["srcaddr", "dstaddr", "packets", "bytes", "start", "action", "log-status", "vpc-id", "subnet-id", "pkt-srcaddr", "pkt-dstaddr", "flow-direction", "traffic-path"], names);
    }

    [Fact]
    public async Task Format_UnknownField_IsAUsageErrorWithCloseMatches()
    {
        var run = await InProcess.RunAsync("format", "--fields", "base,dstprot");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.StdOut);
        Assert.Equal(
            "flowlogs: error: 'dstprot' in 'base,dstprot' is not a flow log field or set; did you mean 'dstport'? Sets: base, extended, all; 'flowlogs fields' lists every field.\n",
            run.StdErr);
    }

    [Fact]
    public async Task Format_UnknownReport_IsAUsageError()
    {
        var run = await InProcess.RunAsync("format", "--for-reports", "nat-paths,rejectd");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no report named 'rejectd'", run.StdErr);
        Assert.False(InProcess.HasStackTrace(run.StdErr));
    }
}
