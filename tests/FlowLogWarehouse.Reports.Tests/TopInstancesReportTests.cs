namespace FlowLogWarehouse.Reports.Tests;

public sealed class TopInstancesReportTests
{
    private static readonly Flow[] Flows =
    [
        new() { Instance = "i-00000000000000aaa", Eni = "eni-00000000000000001", Src = "10.0.1.10", Dst = "10.0.2.20", Bytes = 1000, Packets = 10 },
        new() { Instance = "i-00000000000000aaa", Eni = "eni-00000000000000001", Src = "10.0.2.20", Dst = "10.0.1.10", Bytes = 500, Packets = 5 },
        new() { Instance = "i-00000000000000aaa", Eni = "eni-00000000000000002", Src = "10.0.1.11", Bytes = 300, Packets = 3 },
        new() { Instance = "i-00000000000000bbb", Eni = "eni-00000000000000003", Src = "10.0.1.12", Bytes = 5000, Packets = 4 },
        // A NAT gateway's interface has no instance: left out, however busy.
        new() { Instance = null, Eni = "eni-0000000000000a7a7", Src = "10.0.0.220", Bytes = 99999 },
        // NODATA on an instance's interface is not a flow.
        Flow.Status("NODATA", "eni-00000000000000001", Flow.Day2.AddHours(10)) with { Instance = "i-00000000000000aaa" },
    ];

    [Fact]
    public async Task TopInstances_SumsBothDirectionsOverEveryInterface_AndLeavesOutInterfacesWithoutInstance()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("top-instances", from: "2026-11-02", to: "2026-11-03");

        Assert.Equal(["i-00000000000000bbb", "i-00000000000000aaa"], result.Column("instance_id"));
        Assert.Equal([1L, 2L], result.Column("interfaces"));
        Assert.Equal([1L, 3L], result.Column("flows"));
        Assert.Equal([4L, 18L], result.Column("packets"));
        Assert.Equal([5000L, 1800L], result.Column("bytes"));
    }

    [Fact]
    public async Task TopInstances_Limit_CapsTheRows()
    {
        await using var warehouse = await ReportWarehouse.LoadAsync(Flows);

        var result = await warehouse.RunAsync("top-instances", new { limit = 1 }, "2026-11-02", "2026-11-03");

        Assert.Equal(["i-00000000000000bbb"], result.Column("instance_id"));
    }
}
