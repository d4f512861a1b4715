using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using DuckDB.NET.Data;
using FlowLogWarehouse.Query.DuckDb;

namespace FlowLogWarehouse.TestSupport;

/// <summary>
/// Plays Athena's side of <c>load --engine athena</c> against a real S3 server (s3rver): raw text tables created by
/// DDL (one <c>line</c> column over the objects directly in their LOCATION, read as Hive's text reader does: gzip by
/// magic, lines ended by \n, \r\n or \r, a "$path" pseudo-column), SELECTs over them, and UNLOAD to S3 as Parquet
/// (Hive partition folders) or gzipped JSON lines, refused when the target is not empty, as Athena does. Statements
/// run on DuckDB with the reports' compatibility macros; Trino's meanings DuckDB spells otherwise are mapped here:
/// regexp_replace replaces every match, '/' on integers divides whole numbers.
/// </summary>
public sealed partial class FakeAthenaRawText(IAmazonS3 s3)
{
    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    [GeneratedRegex(@"^\s*CREATE\s+EXTERNAL\s+TABLE\s+`(?<db>\w+)`\.`(?<table>\w+)`\s*\(\s*`line`\s+string\s*\).*STORED\s+AS\s+TEXTFILE\s+LOCATION\s+'(?<location>[^']+)'\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CreateRaw();

    [GeneratedRegex(@"^\s*DROP\s+TABLE\s+IF\s+EXISTS\s+`(?<db>\w+)`\.`(?<table>\w+)`\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DropTable();

    [GeneratedRegex(@"^\s*UNLOAD\s*\((?<query>.*)\)\s*TO\s*'(?<to>[^']+)'\s*WITH\s*\((?<with>.*)\)\s*$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Unload();

    [GeneratedRegex(@"""(?<db>\w+)""\.""(?<table>\w+)""")]
    private static partial Regex TableReference();

    [GeneratedRegex(@"""\$path""\s+IN\s*\((?<list>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex PathList();

    [GeneratedRegex(@"'((?:[^']|'')*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<key>\w+)\s*=\s*(?:'(?<value>[^']*)'|ARRAY\[(?<array>[^\]]*)\])", RegexOptions.IgnoreCase)]
    private static partial Regex Property();

    [GeneratedRegex(@"\bregexp_replace\(", RegexOptions.IgnoreCase)]
    private static partial Regex RegexpReplace();

    /// <summary>Every statement run, parameters in place, in order.</summary>
    public List<string> Statements { get; } = [];

    /// <summary>Raw tables now defined: name → location.</summary>
    public IReadOnlyDictionary<string, string> Tables
    {
        get
        {
            lock (_gate)
                return new Dictionary<string, string>(_tables);
        }
    }

    public FakeAthenaExecutor Executor => async (sql, parameters, cancellationToken) =>
    {
        var statement = FakeAthenaDuckDb.Substitute(sql, parameters);
        lock (_gate)
            Statements.Add(statement);
        if (CreateRaw().Match(statement) is { Success: true } create)
        {
            lock (_gate)
            {
                if (_tables.ContainsKey(create.Groups["table"].Value))
                    throw new InvalidOperationException($"Table {create.Groups["table"].Value} already exists");
                _tables[create.Groups["table"].Value] = create.Groups["location"].Value;
            }
            return FakeAthenaResultSet.Empty;
        }
        if (DropTable().Match(statement) is { Success: true } drop)
        {
            lock (_gate)
                _tables.Remove(drop.Groups["table"].Value);
            return FakeAthenaResultSet.Empty;
        }
        if (statement.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase))
            return FakeAthenaResultSet.Empty; // the database, the warehouse table: nothing to do here
        if (Unload().Match(statement) is { Success: true } unload)
            return await UnloadAsync(unload, cancellationToken);
        using var connection = await OpenAsync(statement, cancellationToken);
        return Select(connection, statement);
    };

    private async Task<DuckDBConnection> OpenAsync(string statement, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Run(connection, "SET integer_division = true");
        foreach (var macro in DuckDbCompatibility.Macros)
            Run(connection, macro);
        Run(connection, "CREATE MACRO trino_regexp_replace(s, pattern, replacement) AS regexp_replace(s, pattern, replacement, 'g')");
        foreach (Match reference in TableReference().Matches(statement))
        {
            var (db, table) = (reference.Groups["db"].Value, reference.Groups["table"].Value);
            string location;
            lock (_gate)
                location = _tables.GetValueOrDefault(table) ?? throw new InvalidOperationException($"line 1:1: Table 'awsdatacatalog.{db}.{table}' does not exist");
            Run(connection, $"CREATE SCHEMA IF NOT EXISTS \"{db}\"");
            Run(connection, $"CREATE TABLE IF NOT EXISTS \"{db}\".\"{table}\" (line VARCHAR, \"$path\" VARCHAR)");
            await FillAsync(connection, $"{db}.{table}", db, table, location, Paths(statement), cancellationToken);
        }
        return connection;
    }

    /// <summary>
    /// The objects a <c>"$path" IN (…)</c> names, or null to read all: Trino's Hive connector prunes files by "$path",
    /// so an unreadable object not named is not read.
    /// </summary>
    private static HashSet<string>? Paths(string statement)
    {
        var lists = PathList().Matches(statement);
        return lists.Count == 0 ? null
            : lists.SelectMany(l => Quoted().Matches(l.Groups["list"].Value).Select(q => q.Groups[1].Value.Replace("''", "'"))).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The lines of every object directly in <paramref name="location"/> (not in folders below it), or of those named.</summary>
    private async Task FillAsync(DuckDBConnection connection, string name, string db, string table, string location, HashSet<string>? only, CancellationToken cancellationToken)
    {
        var (bucket, prefix) = Split(location);
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = "/" }, cancellationToken);
        using var appender = connection.CreateAppender(db, table);
        foreach (var o in listing.S3Objects ?? [])
        {
            var path = $"s3://{bucket}/{o.Key}";
            if (only is not null && !only.Contains(path))
                continue;
            using var response = await s3.GetObjectAsync(bucket, o.Key, cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            string text;
            try
            {
                text = Decode(buffer.ToArray());
            }
            catch (InvalidDataException e)
            {
                throw new InvalidOperationException($"HIVE_CURSOR_ERROR: {e.Message} (reading {path} for {name})");
            }
            foreach (var line in Lines(text))
                appender.CreateRow().AppendValue(line).AppendValue(path).EndRow();
        }
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
            return Encoding.UTF8.GetString(bytes);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        // .NET stops quietly at a cut-off gzip; Hadoop's codec, which Athena reads with, fails. The trailer's ISIZE
        // (length mod 2^32) of a whole single-member file matches what came out.
        if (BitConverter.ToUInt32(bytes, bytes.Length - 4) != (uint)text.Length)
            throw new InvalidDataException("Unexpected end of input stream");
        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>Lines as Hadoop's LineReader cuts them: \n, \r\n or \r end a line; a last line needs no ending.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                continue;
            yield return text[start..i];
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        if (start < text.Length)
            yield return text[start..];
    }

    private static FakeAthenaResultSet Select(DuckDBConnection connection, string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Translate(statement);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new FakeAthenaColumn(reader.GetName(i), TypeName(reader.GetFieldType(i)))).ToList();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : FakeAthenaDuckDb.Render(reader.GetValue(i))).ToArray());
        return new FakeAthenaResultSet(columns, rows);
    }

    private async Task<FakeAthenaResultSet> UnloadAsync(Match unload, CancellationToken cancellationToken)
    {
        var properties = Property().Matches(unload.Groups["with"].Value).ToDictionary(
            m => m.Groups["key"].Value.ToLowerInvariant(),
            m => m.Groups["array"].Success ? m.Groups["array"].Value : m.Groups["value"].Value);
        var (bucket, prefix) = Split(unload.Groups["to"].Value);
        var existing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, MaxKeys = 1 }, cancellationToken);
        if (existing.S3Objects is { Count: > 0 })
            throw new InvalidOperationException($"HIVE_PATH_ALREADY_EXISTS: Target directory for table already exists: {unload.Groups["to"].Value}");

        var query = unload.Groups["query"].Value;
        using var connection = await OpenAsync(query, cancellationToken);
        var local = Directory.CreateTempSubdirectory("fake-athena-unload-");
        try
        {
            var format = properties.GetValueOrDefault("format")?.ToUpperInvariant();
            if (format == "PARQUET")
            {
                var partitions = properties.TryGetValue("partitioned_by", out var list)
                    ? string.Join(", ", list.Split(',').Select(p => p.Trim().Trim('\'')).Select(p => $"\"{p}\""))
                    : null;
                var compression = properties.GetValueOrDefault("compression") ?? "gzip";
                Run(connection, $"COPY ({Translate(query)}) TO '{local.FullName}' (FORMAT parquet, COMPRESSION {compression}" +
                                (partitions is null ? ", PER_THREAD_OUTPUT true" : $", PARTITION_BY ({partitions})") + ")");
            }
            else if (format == "JSON")
            {
                Run(connection, $"COPY ({Translate(query)}) TO '{Path.Combine(local.FullName, "part-0.json.gz")}' (FORMAT json, COMPRESSION gzip)");
            }
            else
            {
                throw new InvalidOperationException($"UNLOAD format '{format}' is not one this fake writes");
            }
            foreach (var file in Directory.EnumerateFiles(local.FullName, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(local.FullName, file).Replace('\\', '/');
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = prefix + relative, FilePath = file }, cancellationToken);
            }
        }
        finally
        {
            local.Delete(recursive: true);
        }
        return FakeAthenaResultSet.Empty;
    }

    private static string Translate(string sql) => RegexpReplace().Replace(sql, "trino_regexp_replace(");

    private static (string Bucket, string Prefix) Split(string location)
    {
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        return (rest[..slash], rest[(slash + 1)..]);
    }

    private static string TypeName(Type type) => type == typeof(long) || type == typeof(int) || type == typeof(System.Numerics.BigInteger) ? "bigint"
        : type == typeof(double) ? "double"
        : type == typeof(bool) ? "boolean"
        : "varchar";

    private static void Run(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
