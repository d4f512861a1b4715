using System.Text;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Core.Tests.Parsing;

public class LineParserTest
{
    private const string DefaultFields =
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private const string Accepted =
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";

    /// <summary>Every catalog field plus one the catalog lacks: field, token in the line, value read back (null for '-').</summary>
    public static TheoryData<string, string, string?> EveryField => new()
    {
        { "version", "8", "8" },
        { "account-id", "123456789010", "123456789010" },
        { "interface-id", "eni-1235b8ca123456789", "eni-1235b8ca123456789" },
        { "srcaddr", "10.0.0.71", "10.0.0.71" },
        { "dstaddr", "2001:db8:1234:a102:3304:8879:34cf:4071", "2001:db8:1234:a102:3304:8879:34cf:4071" },
        { "srcport", "34210", "34210" },
        { "dstport", "65535", "65535" },
        { "protocol", "255", "255" },
        { "packets", "9223372036854775807", "9223372036854775807" },
        { "bytes", "15044", "15044" },
        { "start", "1616729292", "1616729292" },
        { "end", "1616729349999", "1616729349" },
        { "action", "REJECT", "REJECT" },
        { "log-status", "SKIPDATA", "SKIPDATA" },
        { "vpc-id", "vpc-abcdefab012345678", "vpc-abcdefab012345678" },
        { "subnet-id", "subnet-aaaaaaaa012345678", "subnet-aaaaaaaa012345678" },
        { "instance-id", "-", null },
        { "tcp-flags", "19", "19" },
        { "type", "IPv6", "IPv6" },
        { "pkt-srcaddr", "52.95.128.179", "52.95.128.179" },
        { "pkt-dstaddr", "10.0.0.71", "10.0.0.71" },
        { "region", "ap-southeast-2", "ap-southeast-2" },
        { "az-id", "apse2-az3", "apse2-az3" },
        { "sublocation-type", "wavelength", "wavelength" },
        { "sublocation-id", "wlid04", "wlid04" },
        { "pkt-src-aws-service", "S3", "S3" },
        { "pkt-dst-aws-service", "-", null },
        { "flow-direction", "egress", "egress" },
        { "traffic-path", "8", "8" },
        { "ecs-cluster-arn", "arn:aws:ecs:us-east-1:123456789012:cluster/my-cluster", "arn:aws:ecs:us-east-1:123456789012:cluster/my-cluster" },
        { "ecs-cluster-name", "my-cluster", "my-cluster" },
        { "ecs-container-instance-arn", "arn:aws:ecs:us-east-1:123456789012:container-instance/my-cluster/abcd", "arn:aws:ecs:us-east-1:123456789012:container-instance/my-cluster/abcd" },
        { "ecs-container-instance-id", "abcd1234", "abcd1234" },
        { "ecs-container-id", "1234567890abcdef", "1234567890abcdef" },
        { "ecs-second-container-id", "fedcba0987654321", "fedcba0987654321" },
        { "ecs-service-name", "my-service", "my-service" },
        { "ecs-task-definition-arn", "arn:aws:ecs:us-east-1:123456789012:task-definition/my-task:1", "arn:aws:ecs:us-east-1:123456789012:task-definition/my-task:1" },
        { "ecs-task-arn", "arn:aws:ecs:us-east-1:123456789012:task/my-cluster/abcd", "arn:aws:ecs:us-east-1:123456789012:task/my-cluster/abcd" },
        { "ecs-task-id", "abcd1234", "abcd1234" },
        { "reject-reason", "BPA", "BPA" },
        { "resource-id", "nat-0c50d5961bcb2d47b", "nat-0c50d5961bcb2d47b" },
        { "encryption-status", "1", "1" },
    };

    private static readonly Lazy<(ParserHarness Harness, string Line)> AllFields = new(() =>
    {
        var rows = EveryField.Select(r => ((string)r[0], (string)r[1])).ToList();
        return (ParserHarness.For(string.Join(' ', rows.Select(r => r.Item1))), string.Join(' ', rows.Select(r => r.Item2)));
    });

    [Fact]
    public void EveryField_Always_CoversTheWholeCatalog()
    {
        var names = EveryField.Select(r => (string)r[0]).ToHashSet();

        Assert.Subset(names, FieldCatalog.Fields.Select(f => f.Name).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(EveryField))]
    public void TryParse_EveryFieldType_ReadsTheTypedValue(string field, string token, string? expected)
    {
        var (harness, line) = AllFields.Value;

        var parsed = harness.Parse(line);

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal(expected, parsed.Value(field));
        if (expected is not null && !harness.Schema.Find(field)!.IsNumeric)
            Assert.Equal(token, parsed.Text(field));
    }

    [Fact]
    public void TryParse_EveryFieldDash_EveryValueIsNull()
    {
        var harness = AllFields.Value.Harness;
        var line = string.Join(' ', Enumerable.Repeat("-", harness.Format.Fields.Count));

        var parsed = harness.Parse(line);

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.All(parsed.Numbers, n => Assert.Equal(LineParser.Null, n));
        Assert.All(parsed.Strings, s => Assert.True(s.IsNull));
        Assert.All(parsed.Strings, s => Assert.Null(s.Constant));
    }

    [Fact]
    public void TryParse_DefaultFormatLine_ReadsEveryField()
    {
        var parsed = ParserHarness.Default.Parse(Accepted);

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal(2, parsed.Number("version"));
        Assert.Equal("123456789010", parsed.Text("account-id"));
        Assert.Equal("eni-1235b8ca123456789", parsed.Text("interface-id"));
        Assert.Equal("172.31.16.139", parsed.Text("srcaddr"));
        Assert.Equal("172.31.16.21", parsed.Text("dstaddr"));
        Assert.Equal(20641, parsed.Number("srcport"));
        Assert.Equal(22, parsed.Number("dstport"));
        Assert.Equal(6, parsed.Number("protocol"));
        Assert.Equal(20, parsed.Number("packets"));
        Assert.Equal(4249, parsed.Number("bytes"));
        Assert.Equal(1418530010, parsed.Number("start"));
        Assert.Equal(1418530070, parsed.Number("end"));
        Assert.Equal("ACCEPT", parsed.Text("action"));
        Assert.Equal("OK", parsed.Text("log-status"));
        Assert.Equal(ParseErrorKind.None, parsed.Error.Kind);
        Assert.False(parsed.Error.IsError);
    }

    [Fact]
    public void TryParse_StringValue_PointsIntoTheLine()
    {
        var parsed = ParserHarness.Default.Parse(Accepted);

        var eni = parsed.Strings[ParserHarness.Default.Schema.Find("interface-id")!.Slot];
        Assert.Equal(Accepted.IndexOf("eni-", StringComparison.Ordinal), eni.Start);
        Assert.Equal("eni-1235b8ca123456789".Length, eni.Length);
        Assert.Null(eni.Constant);
    }

    [Theory]
    [InlineData("action", "ACCEPT")]
    [InlineData("log-status", "OK")]
    public void TryParse_EnforcedValue_IsTheCatalogConstant(string field, string value)
    {
        var parsed = ParserHarness.Default.Parse(Accepted);

        var slot = parsed.Strings[ParserHarness.Default.Schema.Find(field)!.Slot];
        Assert.Equal(value, slot.Constant);
        Assert.Same(Fields.Get(field).Allowed.Single(a => a == value), slot.Constant);
    }

    [Fact]
    public void TryParse_NoDataLine_DashesAreNullAndTimesAreRead()
    {
        var parsed = ParserHarness.Default.Parse("2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA");

        Assert.True(parsed.Ok, parsed.ToString());
        foreach (var name in new[] { "srcaddr", "dstaddr", "action" })
            Assert.Null(parsed.Text(name));
        foreach (var name in new[] { "srcport", "dstport", "protocol", "packets", "bytes" })
            Assert.Null(parsed.Number(name));
        Assert.Equal(1431280876, parsed.Number("start"));
        Assert.Equal(1431280934, parsed.Number("end"));
        Assert.Equal("NODATA", parsed.Text("log-status"));
    }

    [Theory]
    [InlineData("1512564058000", 1512564058L)]
    [InlineData("1512564058999", 1512564058L)]
    [InlineData("1512564058", 1512564058L)]
    [InlineData("0", 0L)]
    [InlineData("99999999999", 99999999999L)]
    [InlineData("100000000000", 100000000L)]
    [InlineData("253402300799999", 253402300799L)]
    public void TryParse_StartInSecondsOrMilliseconds_IsEpochSeconds(string token, long seconds)
    {
        var parsed = ParserHarness.For("start end").Parse($"{token} {token}");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal(seconds, parsed.Number("start"));
        Assert.Equal(seconds, parsed.Number("end"));
    }

    [Fact]
    public void TryParse_TimeBeyondYear9999_IsOutOfRange()
    {
        var parsed = ParserHarness.For("start end").Parse("1 253402300800000");

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.OutOfRange, parsed.Error.Kind);
        Assert.Equal(("end", "253402300800000", "is not a time in epoch seconds or milliseconds up to the year 9999"), parsed.Describe());
    }

    [Theory]
    [InlineData("dstport", "70000", ParseErrorKind.OutOfRange, "is not a port (0..65535)")]
    [InlineData("dstport", "65536", ParseErrorKind.OutOfRange, "is not a port (0..65535)")]
    [InlineData("srcport", "-1", ParseErrorKind.NotAnInteger, "is not a port (0..65535)")]
    [InlineData("srcport", "http", ParseErrorKind.NotAnInteger, "is not a port (0..65535)")]
    [InlineData("protocol", "256", ParseErrorKind.OutOfRange, "is out of range (0..255)")]
    [InlineData("protocol", "tcp", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("version", "2147483648", ParseErrorKind.OutOfRange, "is out of range (0..2147483647)")]
    [InlineData("packets", "-5", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("packets", "+5", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("packets", "1.5", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("packets", "1e3", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("packets", "--", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("packets", "\uff11", ParseErrorKind.NotAnInteger, "is not a whole number")]
    [InlineData("bytes", "9223372036854775808", ParseErrorKind.OutOfRange, "is out of range (0..9223372036854775807)")]
    [InlineData("bytes", "18446744073709551616", ParseErrorKind.OutOfRange, "is out of range (0..9223372036854775807)")]
    [InlineData("bytes", "99999999999999999999", ParseErrorKind.OutOfRange, "is out of range (0..9223372036854775807)")]
    [InlineData("bytes", "123456789012345678901234567890", ParseErrorKind.OutOfRange, "is out of range (0..9223372036854775807)")]
    [InlineData("action", "ALLOW", ParseErrorKind.NotAllowed, "is not one of ACCEPT, REJECT")]
    [InlineData("action", "accept", ParseErrorKind.NotAllowed, "is not one of ACCEPT, REJECT")]
    [InlineData("action", "ACCEPTED", ParseErrorKind.NotAllowed, "is not one of ACCEPT, REJECT")]
    [InlineData("log-status", "DONE", ParseErrorKind.NotAllowed, "is not one of OK, NODATA, SKIPDATA")]
    [InlineData("log-status", "O", ParseErrorKind.NotAllowed, "is not one of OK, NODATA, SKIPDATA")]
    [InlineData("account-id", "../x", ParseErrorKind.InvalidPartitionValue, "cannot name a partition (letters, digits, '-' and '_' only, at most 64)")]
    [InlineData("account-id", "a/b", ParseErrorKind.InvalidPartitionValue, "cannot name a partition (letters, digits, '-' and '_' only, at most 64)")]
    [InlineData("account-id", "1234567890123456789012345678901234567890123456789012345678901234567890", ParseErrorKind.InvalidPartitionValue, "cannot name a partition (letters, digits, '-' and '_' only, at most 64)")]
    public void TryParse_BadValue_FailsAndDescribesFieldValueReason(string field, string value, ParseErrorKind kind, string reason)
    {
        var index = FlowLogFormat.Default.Fields.ToList().FindIndex(f => f.Name == field);
        var tokens = Accepted.Split(' ');
        tokens[index] = value;
        var line = string.Join(' ', tokens);

        var parsed = ParserHarness.Default.Parse(line);

        Assert.False(parsed.Ok);
        Assert.Equal(kind, parsed.Error.Kind);
        Assert.True(parsed.Error.IsError);
        Assert.Equal(index, parsed.Error.FieldIndex);
        Assert.Equal(value, Encoding.UTF8.GetString(parsed.Line, parsed.Error.ValueStart, parsed.Error.ValueLength));
        Assert.Equal((field, value, reason), parsed.Describe());
    }

    [Fact]
    public void TryParse_PortAboveRange_DescribesAsDstport70000NotAPort()
    {
        var parsed = ParserHarness.Default.Parse(Accepted.Replace(" 22 ", " 70000 ", StringComparison.Ordinal));

        Assert.False(parsed.Ok);
        Assert.Equal(("dstport", "70000", "is not a port (0..65535)"), parsed.Describe());
    }

    [Theory]
    [InlineData("account-id", "unknown")]
    [InlineData("account-id", "12345678910")]
    [InlineData("account-id", "000000000000")]
    [InlineData("region", "us-gov-west-1")]
    [InlineData("region", "some_region")]
    public void TryParse_PartitionValue_LettersDigitsHyphenUnderscore_IsAccepted(string field, string value)
    {
        var parsed = ParserHarness.For($"{field} srcaddr").Parse($"{value} 10.0.0.1");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal(value, parsed.Text(field));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("eu-west-1/..")]
    [InlineData("a.b")]
    [InlineData("a=b")]
    public void TryParse_RegionThatCouldEscapeTheWarehouse_IsInvalidPartitionValue(string value)
    {
        var parsed = ParserHarness.For("region").Parse(value);

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.InvalidPartitionValue, parsed.Error.Kind);
        Assert.Equal("region", parsed.Describe().Field);
    }

    [Fact]
    public void TryParse_PartitionValueOf64Characters_IsAccepted()
    {
        var value = new string('7', 64);

        var parsed = ParserHarness.For("account-id").Parse(value);

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal(value, parsed.Text("account-id"));
    }

    [Fact]
    public void TryParse_TooFewFields_FailsWithFieldCount()
    {
        var line = "2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742570089 1742570142 -";

        var parsed = ParserHarness.Default.Parse(line);

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.FieldCount, parsed.Error.Kind);
        Assert.Equal(13, parsed.Error.FieldsFound);
        Assert.Equal(-1, parsed.Error.FieldIndex);
        Assert.Equal((null, "", $"expected 14 fields ({DefaultFields}), found 13"), parsed.Describe());
    }

    [Fact]
    public void TryParse_TooManyFields_FailsWithFieldCount()
    {
        var parsed = ParserHarness.Default.Parse(Accepted + " one-too-many");

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.FieldCount, parsed.Error.Kind);
        Assert.Equal((null, "", $"expected 14 fields ({DefaultFields}), found 15"), parsed.Describe());
    }

    [Fact]
    public void TryParse_TooManyFieldsAndABadValue_ReportsTheFieldCount()
    {
        var parsed = ParserHarness.Default.Parse(Accepted.Replace(" 22 ", " 70000 ", StringComparison.Ordinal) + " extra");

        Assert.Equal(ParseErrorKind.FieldCount, parsed.Error.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t \t")]
    public void TryParse_EmptyLine_FailsWithFieldCountZero(string line)
    {
        var parsed = ParserHarness.Default.Parse(line);

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.FieldCount, parsed.Error.Kind);
        Assert.Equal((null, "", $"expected 14 fields ({DefaultFields}), found 0"), parsed.Describe());
    }

    [Fact]
    public void TryParse_TwoBadValues_ReportsTheFirst()
    {
        var tokens = Accepted.Split(' ');
        tokens[6] = "70000";
        tokens[12] = "ALLOW";

        var parsed = ParserHarness.Default.Parse(string.Join(' ', tokens));

        Assert.Equal(("dstport", "70000", "is not a port (0..65535)"), parsed.Describe());
    }

    [Theory]
    [InlineData("2  123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK")]
    [InlineData("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22    6 20 4249 1418530010 1418530070 ACCEPT OK")]
    [InlineData("2\t123456789010\teni-1235b8ca123456789\t172.31.16.139\t172.31.16.21\t20641\t22\t6\t20\t4249\t1418530010\t1418530070\tACCEPT\tOK")]
    [InlineData("2 \t 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK")]
    [InlineData("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK   ")]
    [InlineData("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\t")]
    [InlineData("  2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK")]
    public void TryParse_RunsOfSpacesOrTabs_SeparateFieldsLikeOneSpace(string line)
    {
        var expected = ParserHarness.Default.Parse(Accepted);

        var parsed = ParserHarness.Default.Parse(line);

        Assert.True(parsed.Ok, parsed.ToString());
        foreach (var field in FlowLogFormat.Default.Fields)
            Assert.Equal(expected.Value(field.Name), parsed.Value(field.Name));
    }

    [Fact]
    public void TryParse_CarriageReturnLeftOnTheLine_IsPartOfTheLastValue()
    {
        // The reader strips "\r\n"; the parser sees a line without its ending and treats '\r' as data.
        var parsed = ParserHarness.Default.Parse(Accepted + "\r");

        Assert.False(parsed.Ok);
        Assert.Equal(("log-status", "OK\r", "is not one of OK, NODATA, SKIPDATA"), parsed.Describe());
    }

    [Fact]
    public void TryParse_CarriageReturnInTextField_IsKeptInTheValue()
    {
        var parsed = ParserHarness.For("srcaddr dstaddr").Parse("10.0.0.1 10.0.0.2\r");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("10.0.0.2\r", parsed.Text("dstaddr"));
    }

    [Theory]
    [InlineData("i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5 #Traffic from the source instance to host on the internet")]
    [InlineData("i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5 #")]
    [InlineData("i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5\t# note 1 2 3")]
    public void TryParse_CommentAfterTheLastField_IsIgnored(string line)
    {
        var parsed = ParserHarness.For("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr").Parse(line);

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("i-01234567890123456", parsed.Text("instance-id"));
        Assert.Equal("203.0.113.5", parsed.Text("pkt-dstaddr"));
    }

    [Fact]
    public void TryParse_CommentBeforeTheLastField_EndsTheLineTooEarly()
    {
        var parsed = ParserHarness.For("srcaddr dstaddr pkt-srcaddr").Parse("10.0.0.1 #10.0.0.2 10.0.0.3");

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.FieldCount, parsed.Error.Kind);
        Assert.Equal(1, parsed.Error.FieldsFound);
    }

    [Fact]
    public void TryParse_HashStartingTheFirstField_IsAValueNotAComment()
    {
        var parsed = ParserHarness.For("srcaddr dstaddr").Parse("#a b");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("#a", parsed.Text("srcaddr"));
    }

    [Fact]
    public void TryParse_HashInsideAValue_IsPartOfIt()
    {
        var parsed = ParserHarness.For("srcaddr dstaddr").Parse("a#b c#d");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("c#d", parsed.Text("dstaddr"));
    }

    [Fact]
    public void TryParse_InvalidUtf8InTextField_IsInvalidUtf8()
    {
        byte[] line = [.. "2 123456789010 eni-12"u8, 0xC3, 0x28, .. " 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK"u8];

        var parsed = ParserHarness.Default.Parse(line);

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.InvalidUtf8, parsed.Error.Kind);
        Assert.Equal(2, parsed.Error.FieldIndex);
        var (field, value, reason) = parsed.Describe();
        Assert.Equal("interface-id", field);
        Assert.Equal("eni-12\uFFFD(", value);
        Assert.Equal("is not valid UTF-8 text", reason);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xE6, 0x97 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    public void TryParse_MalformedUtf8Sequence_IsInvalidUtf8(byte[] bad)
    {
        var parsed = ParserHarness.For("srcaddr resource-id").Parse([.. "10.0.0.1 x"u8, .. bad]);

        Assert.False(parsed.Ok);
        Assert.Equal(ParseErrorKind.InvalidUtf8, parsed.Error.Kind);
        Assert.Equal("resource-id", parsed.Describe().Field);
    }

    [Fact]
    public void TryParse_ValidNonAsciiUtf8InTextField_IsKept()
    {
        var parsed = ParserHarness.For("ecs-service-name resource-id").Parse("café-服务 ü");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("café-服务", parsed.Text("ecs-service-name"));
        Assert.Equal("ü", parsed.Text("resource-id"));
    }

    [Fact]
    public void TryParse_UnknownField_KeepsTheRawText()
    {
        var parsed = ParserHarness.For("version encryption-status packets-lost-no-route").Parse("11 1 0013");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("1", parsed.Text("encryption-status"));
        Assert.Equal("0013", parsed.Text("packets-lost-no-route"));
    }

    [Fact]
    public void TryParse_FieldOfTheBatchNotInThisFormat_IsNull()
    {
        var nat = FlowLogFormat.Parse("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr");
        var schema = BatchSchema.Union([FlowLogFormat.Default, nat]);
        var harness = new ParserHarness(nat, schema);

        var parsed = harness.Parse("- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal("10.0.1.5", parsed.Text("srcaddr"));
        Assert.Null(parsed.Number("start"));
        Assert.Null(parsed.Number("version"));
        Assert.Null(parsed.Text("account-id"));
        Assert.Null(parsed.Text("action"));
    }

    [Fact]
    public void TryParse_SlotsOfAPreviousLine_AreReset()
    {
        var harness = ParserHarness.Default;
        var numbers = new long[harness.Schema.NumericSlots];
        var strings = new StringValue[harness.Schema.StringSlots];
        Assert.True(harness.Parser.TryParse(Encoding.ASCII.GetBytes(Accepted), numbers, strings, out _));

        var nodata = Encoding.ASCII.GetBytes("2 123456789010 eni-1 - - - - - - - 1431280876 1431280934 - NODATA");
        Assert.True(harness.Parser.TryParse(nodata, numbers, strings, out _));

        Assert.Equal(LineParser.Null, numbers[harness.Schema.Find("srcport")!.Slot]);
        Assert.Equal(LineParser.Null, numbers[harness.Schema.Find("bytes")!.Slot]);
        var action = strings[harness.Schema.Find("action")!.Slot];
        Assert.True(action.IsNull);
        Assert.Null(action.Constant);
        Assert.True(strings[harness.Schema.Find("srcaddr")!.Slot].IsNull);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("000000000000000000000042", 42L)]
    [InlineData("000000000000000000000000", 0L)]
    [InlineData("00000000009223372036854775807", long.MaxValue)]
    public void TryParseDigits_PlainDigits_IsTheValue(string token, long value)
    {
        Assert.True(LineParser.TryParseDigits(Encoding.ASCII.GetBytes(token), out var parsed, out var overflow));

        Assert.Equal(value, parsed);
        Assert.False(overflow);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("-1", false)]
    [InlineData("1 ", false)]
    [InlineData("12a", false)]
    [InlineData("9223372036854775808", true)]
    [InlineData("99999999999999999999", true)]
    [InlineData("00009223372036854775808", true)]
    [InlineData("000010000000000000000000", true)]
    [InlineData("0000000000000000000000x", false)]
    [InlineData("99999999999999999999x", false)]
    public void TryParseDigits_NotAnInt64_IsFalse(string token, bool overflow)
    {
        Assert.False(LineParser.TryParseDigits(Encoding.ASCII.GetBytes(token), out _, out var isOverflow));

        Assert.Equal(overflow, isOverflow);
    }

    [Fact]
    public void TryParse_NumberWithManyLeadingZeros_IsItsValue()
    {
        var parsed = ParserHarness.For("packets bytes start").Parse("0000000000000000000000000007 00000000000000000000000 000000000001512564058000");

        Assert.True(parsed.Ok, parsed.ToString());
        Assert.Equal(7, parsed.Number("packets"));
        Assert.Equal(0, parsed.Number("bytes"));
        Assert.Equal(1512564058, parsed.Number("start"));
    }

    [Fact]
    public void Constructor_SchemaWithoutAFieldOfTheFormat_Throws()
    {
        var schema = BatchSchema.Union([FlowLogFormat.Parse("srcaddr")]);

        var e = Assert.Throws<ArgumentException>(() => new LineParser(FlowLogFormat.Default, schema));

        Assert.StartsWith($"The batch schema lacks field 'version' of format '{DefaultFields}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldCount_Always_IsTheFormatsFieldCount()
    {
        Assert.Equal(14, ParserHarness.Default.Parser.FieldCount);
        Assert.Same(FlowLogFormat.Default, ParserHarness.Default.Parser.Format);
    }
}
