namespace FlowLogWarehouse.Loader.Tests;

public sealed class InputFormatTests : IDisposable
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private const string Accept = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    private const string Reject = "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK";
    private const string NoData = "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - NODATA";
    private readonly Scratch _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Load_HeaderLine_IsSkippedAndDefinesTheFormat()
    {
        _s.Write("a.log", "interface-id srcaddr start bytes\neni-1 10.0.0.1 1418530010 100\neni-2 10.0.0.2 1418530011 200\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
        Assert.Equal(1, summary.Skipped);
        var rows = _s.Query("SELECT interface_id, srcaddr, bytes FROM flow_logs ORDER BY bytes");
        Assert.Equal(["eni-1", "10.0.0.1", 100L], rows[0]);
        Scratch.AssertAccounted(summary);
    }

    [Fact]
    public async Task Load_NoHeader_UsesDefaultFormatAndDashIsNull()
    {
        _s.Write("a.log", Accept + "\n" + NoData + "\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
        var nodata = _s.Query("SELECT srcaddr, srcport, packets, action, log_status, start FROM flow_logs WHERE log_status = 'NODATA'").Single();
        Assert.Equal([null, null, null, null, "NODATA", 1431280876L], nodata);
    }

    [Fact]
    public async Task Load_GzipDetectedByMagicNotByName()
    {
        _s.Write("compressed-but-named.log", Header + "\n" + Accept + "\n", gzip: true);
        _s.Write("plain-but-named.log.gz", Header + "\n" + Reject + "\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
        Assert.Equal(0, summary.Quarantined);
    }

    [Fact]
    public async Task Load_CrlfRunsOfSpacesAndMissingFinalNewline_AllParse()
    {
        _s.Write("a.log", Header + "\r\n" + Accept.Replace(" 22 ", "   22\t") + "\r\n\r\n" + Reject);
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
        Assert.Equal(2, summary.Skipped); // header and the blank line
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(4, summary.LinesRead);
    }

    [Fact]
    public async Task Load_MillisecondTimestamps_AreSeconds()
    {
        _s.Write("a.log", "2 123456789010 eni-1 1.1.1.1 2.2.2.2 1 2 6 1 40 1512564058000 1512564118000 ACCEPT OK\n");
        await _s.LoadAsync();
        Assert.Equal([1512564058L, 1512564118L], _s.Query("SELECT start, \"end\" FROM flow_logs").Single());
    }

    [Fact]
    public async Task Load_CloudWatchExport_StripsTimestampPrefix()
    {
        _s.Write("export.txt", "2014-12-14T04:06:50.000Z " + Accept + "\n2014-12-14T04:06:51.000Z " + Reject + "\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
        Assert.Equal("cloudwatch-export", summary.Sources.Single().Kind);
    }

    [Fact]
    public async Task Load_SubscriptionPayloadGzipped_EachEventIsARecord()
    {
        var payload = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789010\",\"logGroup\":\"/aws/vpc/flowlogs\",\"logStream\":\"eni-1\",\"logEvents\":[" +
            $"{{\"id\":\"1\",\"timestamp\":1418530010000,\"message\":\"{Accept}\"}},{{\"id\":\"2\",\"timestamp\":1418530010000,\"message\":\"{Reject}\"}},{{\"id\":\"3\",\"message\":\"not a record\"}}]}}";
        _s.Write("firehose-object", payload + "\n", gzip: true);
        var summary = await _s.LoadAsync();
        var source = summary.Sources.Single();
        Assert.Equal("json", source.Kind);
        Assert.Equal(3, source.LinesRead);
        Assert.Equal(2, source.Rows);
        Assert.Equal(1, source.Quarantined);
        var quarantine = File.ReadAllLines(Path.Combine(_s.Warehouse, summary.Quarantine!)).Single();
        Assert.Contains("\"event\":2", quarantine);
    }

    [Fact]
    public async Task Load_ControlMessage_IsSkipped()
    {
        _s.Write("c.json", "{\"messageType\":\"CONTROL_MESSAGE\",\"logEvents\":[{\"id\":\"\",\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(0, summary.Rows);
        Assert.Equal(1, summary.Skipped);
        Scratch.AssertAccounted(summary);
    }

    [Fact]
    public async Task Load_JsonLinesWithMessage_AreRecords()
    {
        _s.Write("lines.json", $"{{\"message\": \"{Accept}\"}}\n{{\"message\": \"{Reject}\"}}\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
    }

    [Fact]
    public async Task Load_UnknownHeaderField_IsKeptAsText()
    {
        _s.Write("v11.log", "version srcaddr start encryption-status\n11 10.0.0.1 1418530010 1\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(1, summary.Rows);
        Assert.Equal(["1"], _s.Query("SELECT encryption_status FROM flow_logs").Single());
    }

    [Fact]
    public async Task Load_DifferentFormats_UnionSchemaWithNulls()
    {
        _s.Write("a.log", Header + "\n" + Accept + "\n");
        _s.Write("b.log", "version account-id interface-id start end vpc-id action\n3 123456789010 eni-9 1418530010 1418530070 vpc-1 REJECT\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(2, summary.Rows);
        var rows = _s.Query("SELECT interface_id, vpc_id, srcaddr FROM flow_logs ORDER BY interface_id");
        Assert.Equal(["eni-1235b8ca123456789", null, "172.31.16.139"], rows[0]);
        Assert.Equal(["eni-9", "vpc-1", null], rows[1]);
    }

    [Fact]
    public async Task Load_FormatOption_AwsSyntax()
    {
        _s.Write("cw.log", "2 eni-1 10.0.0.1 10.0.0.2 1418530010\n");
        var summary = await _s.LoadAsync(o => o with { Format = "${version} ${interface-id} ${srcaddr} ${dstaddr} ${start}" });
        Assert.Equal(1, summary.Rows);
        Assert.Equal(["eni-1", "10.0.0.2"], _s.Query("SELECT interface_id, dstaddr FROM flow_logs").Single());
    }

    [Fact]
    public async Task Load_Partitions_FromRecordStartInUtc_AccountAndRegionFromPath()
    {
        _s.Write("AWSLogs/123456789010/vpcflowlogs/eu-west-1/2014/12/14/x.log", Header + "\n" + Accept + "\n");
        await _s.LoadAsync();
        var file = Assert.Single(_s.DataFiles());
        Assert.Contains("/AWSLogs/aws-account-id=123456789010/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2014/month=12/day=14/hour=04/", file);
    }

    [Fact]
    public async Task Load_NoTimeAndNoDateInPath_IsQuarantinedNotLost()
    {
        _s.Write("nat.log", "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\ni-0 eni-1 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5\n");
        var summary = await _s.LoadAsync(o => o with { MaxBadRatio = 1 });
        Assert.Equal(1, summary.Quarantined);
        Scratch.AssertAccounted(summary);
    }

    [Fact]
    public async Task Load_Stdin_IsNotTakenFromAFile()
    {
        // Directories are searched recursively and files under '_' or '.' folders are ignored.
        _s.Write("_flowlogs/ignored.log", Accept + "\n");
        _s.Write(".hidden/ignored.log", Accept + "\n");
        _s.Write("deep/er/kept.log", Accept + "\n");
        var summary = await _s.LoadAsync();
        Assert.Equal(1, summary.Rows);
    }
}
