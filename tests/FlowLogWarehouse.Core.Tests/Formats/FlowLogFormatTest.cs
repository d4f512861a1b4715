using System.Text;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Core.Tests.Formats;

public class FlowLogFormatTest
{
    private const string DefaultText =
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private const string DefaultAwsSyntax =
        "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} " +
        "${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

    [Fact]
    public void Default_Always_IsTheCatalogDefaultFormat()
    {
        Assert.Equal(DefaultText, FlowLogFormat.Default.Text);
        Assert.Equal(FieldCatalog.DefaultFormat, FlowLogFormat.Default.Fields);
        Assert.Empty(FlowLogFormat.Default.UnknownFields);
    }

    [Fact]
    public void AwsSyntax_DefaultFormat_IsTheLogFormatStringAwsWrites()
    {
        Assert.Equal(DefaultAwsSyntax, FlowLogFormat.Default.AwsSyntax);
    }

    [Fact]
    public void Parse_AwsSyntax_ReadsTheFieldsInOrder()
    {
        var format = FlowLogFormat.Parse(DefaultAwsSyntax);

        Assert.Equal(FlowLogFormat.Default, format);
        Assert.Equal(FieldCatalog.DefaultFormat, format.Fields);
    }

    [Theory]
    [InlineData("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr")]
    [InlineData("instance-id,interface-id,srcaddr,dstaddr,pkt-srcaddr,pkt-dstaddr")]
    [InlineData("instance-id, interface-id, srcaddr, dstaddr, pkt-srcaddr, pkt-dstaddr")]
    [InlineData("  instance-id\tinterface-id  srcaddr\ndstaddr\r\npkt-srcaddr pkt-dstaddr ")]
    [InlineData("${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}")]
    [InlineData("${instance-id},${interface-id},${srcaddr},${dstaddr},${pkt-srcaddr},${pkt-dstaddr}")]
    [InlineData("${instance-id} interface-id, ${srcaddr} dstaddr ${pkt-srcaddr} pkt-dstaddr")]
    public void Parse_PlainCommaOrAwsSyntax_GivesTheSameFields(string text)
    {
        var format = FlowLogFormat.Parse(text);

        Assert.Equal("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr", format.Text);
        Assert.All(format.Fields, f => Assert.True(f.IsKnown));
        Assert.Same(Fields.Get("pkt-srcaddr"), format.Fields[4]);
    }

    [Fact]
    public void Parse_RoundTripOfAwsSyntax_IsEqual()
    {
        var format = FlowLogFormat.Parse("srcaddr resource-id dstaddr");

        var again = FlowLogFormat.Parse(format.AwsSyntax);

        Assert.Equal(format, again);
        Assert.Equal(format.GetHashCode(), again.GetHashCode());
        Assert.Equal("${srcaddr} ${resource-id} ${dstaddr}", format.AwsSyntax);
    }

    [Theory]
    [InlineData("srcaddr dstaddr srcaddr", "srcaddr")]
    [InlineData("${start},${end},${start}", "start")]
    [InlineData("resource-id srcaddr resource-id", "resource-id")]
    public void Parse_DuplicateField_ThrowsNamingIt(string text, string duplicate)
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse(text));

        Assert.Equal($"The format '{text}' names '{duplicate}' more than once.", e.Message);
    }

    [Fact]
    public void Parse_Typo_ThrowsWithSuggestion()
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse("srcport dstprot protocol"));

        Assert.Equal("The format names 'dstprot', which is not a known field. Did you mean 'dstport'?", e.Message);
    }

    [Theory]
    [InlineData("acount-id", "'account-id'")]
    [InlineData("log-stauts", "'log-status'")]
    [InlineData("${pkt-srcadr}", "'pkt-srcaddr'")]
    [InlineData("vpcid", "'vpc-id'")]
    public void Parse_TypoOfAKnownField_ThrowsSuggestingIt(string text, string suggestion)
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse(text));

        Assert.Contains($"Did you mean {suggestion}", e.Message, StringComparison.Ordinal);
    }

    // Field names AWS added after the catalog (v9-v11 per Vector VRL) and Transit Gateway fields: kept, not taken for typos.
    [Theory]
    [InlineData("resource-id")]
    [InlineData("encryption-status")]
    [InlineData("instance-tag")]
    [InlineData("interface-tag")]
    [InlineData("interface-tag-2")]
    [InlineData("asg-tag")]
    [InlineData("interface-type")]
    [InlineData("next-hop-interface-id")]
    [InlineData("next-hop-az-id")]
    [InlineData("resource-type")]
    [InlineData("tgw-id")]
    [InlineData("tgw-src-eni")]
    [InlineData("packets-lost-ttl-expired")]
    public void Parse_UnknownNameNotCloseToAKnownOne_IsKeptAsUnknownStringField(string name)
    {
        var format = FlowLogFormat.Parse($"version {name} srcaddr");

        var field = format.Fields[1];
        Assert.Equal(name, field.Name);
        Assert.False(field.IsKnown);
        Assert.Null(field.Version);
        Assert.Equal(FieldType.String, field.Type);
        Assert.Equal(name.Replace('-', '_'), field.Column);
        Assert.Equal([field], format.UnknownFields);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , ,")]
    public void Parse_NoNames_Throws(string text)
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse(text));

        Assert.Equal($"The format '{text}' names no fields.", e.Message);
    }

    [Theory]
    [InlineData("version Srcaddr", "Srcaddr")]
    [InlineData("version account_id", "account_id")]
    [InlineData("version 2nd-field", "2nd-field")]
    [InlineData("version ${srcaddr", "${srcaddr")]
    public void Parse_NotAFieldName_Throws(string text, string token)
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Parse(text));

        Assert.Equal(
            $"The format '{text}' has '{token}', which is not a field name (lower-case letters, digits and '-').",
            e.Message);
    }

    [Fact]
    public void Of_CatalogFields_KeepsOrder()
    {
        var format = FlowLogFormat.Of([Fields.Get("end"), Fields.Get("start")]);

        Assert.Equal("end start", format.Text);
    }

    [Fact]
    public void Of_DuplicateField_Throws()
    {
        var e = Assert.Throws<FlowLogFormatException>(() => FlowLogFormat.Of([Fields.Get("end"), Fields.Get("end")]));

        Assert.Equal("The format '(fields)' names 'end' more than once.", e.Message);
    }

    public static TheoryData<string, string> Headers => new()
    {
        { DefaultText, DefaultText },
        { DefaultText + "\r", DefaultText },
        { "version  account-id\tinterface-id ", "version account-id interface-id" },
        // flowlogs-reader's S3 files: alphabetical order.
        {
            "account-id bytes dstaddr dstport end instance-id packets pkt-dstaddr pkt-srcaddr protocol srcaddr srcport start subnet-id tcp-flags type version vpc-id",
            "account-id bytes dstaddr dstport end instance-id packets pkt-dstaddr pkt-srcaddr protocol srcaddr srcport start subnet-id tcp-flags type version vpc-id"
        },
        // Fields newer than the catalog are kept.
        {
            "version srcaddr dstaddr srcport dstport protocol start end action log-status reject-reason resource-id encryption-status interface-type",
            "version srcaddr dstaddr srcport dstport protocol start end action log-status reject-reason resource-id encryption-status interface-type"
        },
        // A Transit Gateway header names no VPC flow log field at all.
        {
            "resource-type tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id packets-lost-no-route packets-lost-ttl-expired",
            "resource-type tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id packets-lost-no-route packets-lost-ttl-expired"
        },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void TryParseHeader_HeaderLine_IsTrueWithItsFields(string line, string fields)
    {
        Assert.True(FlowLogFormat.TryParseHeader(Encoding.ASCII.GetBytes(line), out var format));

        Assert.Equal(fields, format.Text);
        Assert.Equal(FlowLogFormat.Parse(fields), format);
    }

    [Fact]
    public void TryParseHeader_HeaderWithUnknownFields_KeepsThemAsUnknown()
    {
        Assert.True(FlowLogFormat.TryParseHeader("version resource-id tgw-id"u8, out var format));

        Assert.Equal(["resource-id", "tgw-id"], format.UnknownFields.Select(f => f.Name));
        Assert.Same(Fields.Get("version"), format.Fields[0]);
    }

    [Theory]
    // Records of the default format and of the NAT gateway format.
    [InlineData("2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK")]
    [InlineData("- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5")]
    [InlineData("i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5 #Traffic from the source instance")]
    // Records whose every value looks like a field name: resource ids, names, Transit Gateway ids.
    [InlineData("i-01234567890123456 eni-1111aaaa2222bbbb3")]
    [InlineData("vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 apse2-az3")]
    [InlineData("my-cluster my-service ingress")]
    [InlineData("tgw-0abc12345def67890 tgw-attach-0abc12345def67890 use1-az1")]
    [InlineData("wavelength wlid04 us-east-1")]
    // Junk.
    [InlineData("bogus line")]
    [InlineData("bogus!")]
    [InlineData("I am not am AWS VPC Flow log")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("version srcaddr ${dstaddr}")]
    // Not a usable header: a field twice.
    [InlineData("version srcaddr version")]
    public void TryParseHeader_NotAHeader_IsFalse(string line)
    {
        Assert.False(FlowLogFormat.TryParseHeader(Encoding.UTF8.GetBytes(line), out _));
    }

    [Fact]
    public void TryParseHeader_NonAsciiBytes_IsFalse()
    {
        Assert.False(FlowLogFormat.TryParseHeader([.. "version srcaddr "u8, 0xC3, 0xA9], out _));
        Assert.False(FlowLogFormat.TryParseHeader([.. "version "u8, 0xFF, .. " srcaddr"u8], out _));
    }

    [Fact]
    public void Equals_SameFieldsDifferentSyntax_IsTrue()
    {
        Assert.True(FlowLogFormat.Parse("srcaddr,dstaddr").Equals(FlowLogFormat.Parse("${srcaddr} ${dstaddr}")));
        Assert.False(FlowLogFormat.Parse("srcaddr dstaddr").Equals(FlowLogFormat.Parse("dstaddr srcaddr")));
        Assert.False(FlowLogFormat.Default.Equals(null));
    }
}
