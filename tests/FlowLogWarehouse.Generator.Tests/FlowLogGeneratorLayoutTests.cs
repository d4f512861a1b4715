using System.Text.RegularExpressions;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Generator.Tests.Fixtures;

namespace FlowLogWarehouse.Generator.Tests;

/// <summary>Files as AWS delivers them to S3: where, named how, how many, with a header and exact record counts.</summary>
public sealed partial class FlowLogGeneratorLayoutTests(DefaultDay day) : IClassFixture<DefaultDay>
{
    private const string DayFolder = "AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/01";

    [GeneratedRegex(@"^123456789012_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60789_20261101T(\d{4})Z_[0-9a-f]{8}\.log$")]
    private static partial Regex AwsObjectName();

    [Fact]
    public void Generate_OneDay_Writes288FilesInTheDayFolder()
    {
        Assert.Equal(288, day.Result.Files);
        Assert.Equal(288, day.Files.Count);
        Assert.All(day.Files, f => Assert.Equal(DayFolder, Path.GetDirectoryName(f.RelativePath)!.Replace('\\', '/')));
    }

    [Fact]
    public void Generate_OneDay_WritesExactlyRowsPerDay()
    {
        Assert.Equal(5_760, day.Result.Records);
        Assert.Equal(5_760, day.Rows.Count);
        Assert.Equal(day.Files.Sum(f => (long)f.Raw.Length), day.Result.Bytes);
    }

    [Fact]
    public void Generate_FileNames_FollowAwsObjectNamesOnePerFiveMinutes()
    {
        var times = day.Files.Select(f =>
        {
            var match = AwsObjectName().Match(f.Name);
            Assert.True(match.Success, $"'{f.Name}' is not an AWS flow log object name");
            return match.Groups[1].Value;
        }).Order(StringComparer.Ordinal).ToList();
        var expected = Enumerable.Range(0, 288).Select(i => $"{i * 5 / 60:00}{i * 5 % 60:00}").ToList();
        Assert.Equal(expected, times);
    }

    [Fact]
    public void Generate_TwoDays_WritesExactlyRowsPerDayEachDayAlongTheDailyCurve()
    {
        using var dir = new TempDirectory();
        var result = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Path, Days = 2, RowsPerDay = 1_000 });

        var files = LogFile.ReadAll(dir.Path);
        Assert.Equal(576, result.Files);
        Assert.Equal(2_000, result.Records);
        Assert.Equal(files.Sum(f => (long)f.Raw.Length), result.Bytes);
        var perDay = files.GroupBy(f => Path.GetDirectoryName(f.RelativePath)).ToDictionary(g => g.Key!.Replace('\\', '/'), g => g.ToList());
        Assert.Equal(["AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/01", "AWSLogs/123456789012/vpcflowlogs/us-east-1/2026/11/02"],
            perDay.Keys.Order(StringComparer.Ordinal));
        foreach (var day in perDay.Values)
        {
            Assert.Equal(288, day.Count);
            Assert.Equal(1_000, day.Sum(f => f.Records.Count));
            // 1000 / 288 = 3.47 on average: about 1.7 at 02:00, 5.2 at 14:00, three to one.
            var byTime = day.ToDictionary(f => Regex.Match(f.Name, @"T(\d{4})Z_").Groups[1].Value);
            int Hour(int hour) => Enumerable.Range(0, 12).Sum(i => byTime[$"{hour:00}{i * 5:00}"].Records.Count);
            Assert.InRange(Hour(14), 58, 66);
            Assert.InRange(Hour(2), 17, 23);
        }
    }

    [Fact]
    public void Generate_FewerRowsThanFiles_StillWritesEveryFileWithItsHeader()
    {
        using var dir = new TempDirectory();
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Path, RowsPerDay = 5 });

        var files = LogFile.ReadAll(dir.Path);
        Assert.Equal(288, files.Count);
        Assert.Equal(5, files.Sum(f => f.Records.Count));
        Assert.All(files, f => Assert.Equal(FlowLogFormat.Default.Text, f.Header));
    }

    [Fact]
    public void Generate_EveryFile_HasTheFormatAsHeaderAndEndsEachLineWithNewline()
    {
        Assert.All(day.Files, f =>
        {
            Assert.Equal(FlowLogFormat.Default.Text, f.Header);
            Assert.Equal((byte)'\n', f.Content[^1]);
            Assert.DoesNotContain('\r', f.Text);
            Assert.DoesNotContain(f.Records, string.IsNullOrEmpty);
        });
    }

    [Fact]
    public void Generate_RecordStarts_LieInTheirFileWindowOrUpToAMinuteBefore()
    {
        var straddling = 0;
        foreach (var row in day.Rows)
        {
            var hhmm = AwsObjectName().Match(row.File.Name).Groups[1].Value;
            var window = new DateTimeOffset(2026, 11, 1, int.Parse(hhmm[..2]), int.Parse(hhmm[2..]), 0, TimeSpan.Zero).ToUnixTimeSeconds();
            var start = row.Number("start");
            Assert.InRange(start, window - 60, window + 299);
            Assert.True(row.Number("end") >= start, $"end before start: {string.Join(' ', row.Values)}");
            if (start < window)
                straddling++;
        }
        // Flows straddle file boundaries, but only a few records start before their file's window.
        Assert.InRange(straddling, 1, day.Rows.Count / 10);
    }

    [Fact]
    public void Generate_Gzip_WritesRealGzipHoldingTheSameRecordsAsPlain()
    {
        using var dir = new TempDirectory();
        var plain = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Sub("plain"), RowsPerDay = 2_880, Format = "v5" });
        var gzip = FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Sub("gz"), RowsPerDay = 2_880, Format = "v5", Gzip = true });

        var plainFiles = LogFile.ReadAll(dir.Sub("plain"));
        var gzipFiles = LogFile.ReadAll(dir.Sub("gz"));
        Assert.Equal(plain.Records, gzip.Records);
        Assert.True(gzip.Bytes < plain.Bytes, $"gzip output ({gzip.Bytes} bytes) is not smaller than plain ({plain.Bytes} bytes)");
        Assert.Equal(plainFiles.Select(f => f.RelativePath + ".gz"), gzipFiles.Select(f => f.RelativePath));
        foreach (var (p, g) in plainFiles.Zip(gzipFiles))
        {
            Assert.Equal([0x1f, 0x8b], g.Raw[..2]);
            Assert.Equal(p.Content, g.Content);
        }
    }

    [Fact]
    public void Generate_StartWithTimeOfDay_StartsAtThatDaysMidnight()
    {
        using var dir = new TempDirectory();
        FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Sub("midnight"), RowsPerDay = 288 });
        FlowLogGenerator.Generate(new GeneratorOptions
        {
            OutputDirectory = dir.Sub("afternoon"),
            RowsPerDay = 288,
            Start = new DateTimeOffset(2026, 11, 1, 9, 45, 0, TimeSpan.FromHours(-4)),
        });

        var midnight = LogFile.ReadAll(dir.Sub("midnight"));
        var afternoon = LogFile.ReadAll(dir.Sub("afternoon"));
        Assert.Equal(midnight.Select(f => f.RelativePath), afternoon.Select(f => f.RelativePath));
        Assert.Equal(midnight.Select(f => f.Text), afternoon.Select(f => f.Text));
    }

    [Fact]
    public void Generate_IntoPreviousOutput_ReplacesFilesAndLeavesNoPartialOnes()
    {
        using var dir = new TempDirectory();
        var options = new GeneratorOptions { OutputDirectory = dir.Path, RowsPerDay = 600 };
        FlowLogGenerator.Generate(options);
        var first = LogFile.ReadAll(dir.Path);
        FlowLogGenerator.Generate(options);
        var second = LogFile.ReadAll(dir.Path);

        Assert.Equal(288, second.Count);
        Assert.Equal(first.Select(f => f.Text), second.Select(f => f.Text));
        Assert.DoesNotContain(Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories), p => !p.EndsWith(".log", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Cancelled_ThrowsOperationCanceledAndLeavesNoPartialFiles()
    {
        using var dir = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            FlowLogGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Path, RowsPerDay = 600 }, cancel.Token));
        Assert.DoesNotContain(Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories), p => p.EndsWith(".partial", StringComparison.Ordinal));
    }
}
