using System.Net;
using System.Text;
using FlowLogWarehouse.Core.Formats;

namespace FlowLogWarehouse.Generator.Tests;

/// <summary>The hand-written formatting the hot path relies on, against the BCL's.</summary>
public sealed class InternalsTests
{
    [Theory]
    [InlineData("2600:1f18:54ce:4f00:8281:312f:e6cf:d71d")]
    [InlineData("2001:db8::1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::")]
    [InlineData("2001:db8:0:1:1:1:1:1")]
    [InlineData("2001:0:0:1:0:0:0:1")]
    [InlineData("1:0:0:2:0:0:3:4")]
    [InlineData("2a02:8acd:d1c5:c0d8:1be1:1735:22e6:e40b")]
    [InlineData("2600:1f18:a3:f00:10:1:1:1")]
    public void Address_V6_IsWrittenAsRfc5952LikeIPAddress(string text)
    {
        var bytes = IPAddress.Parse(text).GetAddressBytes();
        var address = Address.V6(ReadBigEndian(bytes, 0), ReadBigEndian(bytes, 8));

        Assert.Equal(IPAddress.Parse(text).ToString(), address.ToString());
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(255, 255, 255, 255)]
    [InlineData(10, 0, 20, 114)]
    [InlineData(1, 22, 103, 9)]
    public void Address_V4_IsWrittenAsDottedQuad(int a, int b, int c, int d)
    {
        Assert.Equal($"{a}.{b}.{c}.{d}", Address.V4(a, b, c, d).ToString());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(99L)]
    [InlineData(100L)]
    [InlineData(101L)]
    [InlineData(65535L)]
    [InlineData(999_999_999L)]
    [InlineData(1_000_000_000L)]
    [InlineData(1_793_491_258L)]
    [InlineData(10_000_000_000_000_000L)]
    [InlineData(long.MaxValue)]
    public void RecordWriter_Numbers_AreWrittenInDecimal(long value)
    {
        var network = Network.Create(1, "123456789012", "us-east-1");
        var writer = new RecordWriter(FlowLogFormat.Parse("packets bytes end"), network, "123456789012", "us-east-1");
        var record = FlowRecord.Gap(network.All[0], LogStatus.Ok, start: 0, end: value) with { Packets = value, Bytes = -1 };
        var buffer = new byte[writer.MaxLineLength];

        var length = writer.Write(record, buffer, 0);

        Assert.Equal($"{value} - {value}\n", Encoding.ASCII.GetString(buffer, 0, length));
    }

    [Fact]
    public void RecordWriter_BufferWithoutRoomForALine_Throws()
    {
        var network = Network.Create(1, "123456789012", "us-east-1");
        var writer = new RecordWriter(FlowLogFormat.Default, network, "123456789012", "us-east-1");
        var record = FlowRecord.Gap(network.All[0], LogStatus.NoData, 0, 60);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(record, new byte[writer.MaxLineLength - 1], 0));
    }

    [Theory]
    [InlineData("us-east-1", "use1")]
    [InlineData("us-west-2", "usw2")]
    [InlineData("eu-central-1", "euc1")]
    [InlineData("ap-northeast-1", "apne1")]
    [InlineData("ap-southeast-2", "apse2")]
    [InlineData("us-gov-west-1", "usgw1")]
    [InlineData("local_test", "localtest")]
    public void Network_AzPrefix_FollowsAwsAzIdNaming(string region, string prefix)
    {
        Assert.Equal(prefix, Network.AzPrefix(region));
    }

    private static ulong ReadBigEndian(byte[] bytes, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(offset, 8));
}
