using System.Buffers.Binary;
using Amazon.S3;
using Amazon.S3.Model;
using FlowLogWarehouse.Core.Catalog;
using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Sources.S3;
using Parquet;
using Parquet.Schema;

namespace FlowLogWarehouse.Loader.Remote;

/// <summary>
/// Reads a staged Parquet object's footer from S3 (a ranged GET of its tail, never the whole object) to learn its row
/// count and to check that its columns are the batch's, with the warehouse's physical types: what a remote converter
/// wrote is checked here, not trusted.
/// </summary>
internal static class StagedParquet
{
    private const int TailBytes = 64 * 1024;

    public static async Task<long> RowsAsync(IAmazonS3 s3, string bucket, string key, long size, BatchSchema schema, CancellationToken cancellationToken)
    {
        var what = $"{Aws.S3Path.Scheme}{bucket}/{key}";
        if (size < 12)
            throw new LoadFailedException($"{what} is {size} bytes: not a Parquet file.");
        var tail = await GetAsync(s3, bucket, key, Math.Max(0, size - TailBytes), size - 1, what, cancellationToken);
        var footer = BinaryPrimitives.ReadInt32LittleEndian(tail.AsSpan(tail.Length - 8, 4));
        if (!tail.AsSpan(tail.Length - 4).SequenceEqual("PAR1"u8) || footer <= 0 || footer > size - 12)
            throw new LoadFailedException($"{what} does not end like a Parquet file.");
        if (footer + 8 > tail.Length)
            tail = await GetAsync(s3, bucket, key, size - footer - 8, size - 1, what, cancellationToken);

        try
        {
            await using var stream = new TailStream(tail, size);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
            Check(reader.Schema, schema, what);
            return reader.Metadata?.NumRows ?? throw new LoadFailedException($"{what} has no row count in its footer.");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new LoadFailedException($"{what} cannot be read as Parquet: {e.Message}");
        }
    }

    private static void Check(ParquetSchema actual, BatchSchema schema, string what)
    {
        var expected = schema.Columns.ToDictionary(c => c.Field.Column, c => c.Field.Type, StringComparer.Ordinal);
        foreach (var field in actual.Fields)
        {
            if (field is not DataField data || !expected.TryGetValue(field.Name, out var type))
                throw new LoadFailedException($"{what} has a column '{field.Name}' the batch does not have.");
            var clr = Nullable.GetUnderlyingType(data.ClrType) ?? data.ClrType;
            // Parquet.Net reports UTF-8 strings as ReadOnlyMemory<char> or string, depending on how it reads them.
            var fits = type switch
            {
                FieldType.Int32 => clr == typeof(int),
                FieldType.Int64 => clr == typeof(long),
                _ => clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>),
            };
            if (!fits || data.IsArray)
                throw new LoadFailedException($"{what} stores '{field.Name}' as {clr.Name}; the warehouse stores it as {type.ToString().ToLowerInvariant()}.");
        }
        if (actual.Fields.Count != expected.Count)
            throw new LoadFailedException($"{what} has {actual.Fields.Count} columns; the batch has {expected.Count}.");
    }

    private static async Task<byte[]> GetAsync(IAmazonS3 s3, string bucket, string key, long first, long last, string what, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(first, last) };
        using var response = await S3Errors.Guard(() => s3.GetObjectAsync(request, cancellationToken), what, "read");
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>A read-only stream as long as the object, of which only the tail is here: all a footer read needs.</summary>
    private sealed class TailStream(byte[] tail, long length) : Stream
    {
        private readonly long _start = length - tail.Length;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (Position >= length)
                return 0;
            if (Position < _start)
                throw new IOException("the footer points before the part of the file that was fetched");
            var n = (int)Math.Min(buffer.Length, length - Position);
            tail.AsSpan((int)(Position - _start), n).CopyTo(buffer);
            Position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
