using System.Buffers.Binary;
using System.IO.Compression;

namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>
/// Gzip decompression that notices truncation. .NET's GZipStream (checked on .NET 10) ends quietly when its input stops
/// mid-member — a file cut short, a partial upload — and returns only what it could inflate: lines would be lost
/// without a word. A gzip member ends with the length of its data mod 2^32; when the input holds one member, as AWS's
/// deliveries do, that must equal the bytes inflated. Concatenated members cannot be checked this way (the last
/// trailer counts only the last member), so a stream where another member header may begin is not checked.
/// </summary>
internal sealed class CheckedGzipStream : ReadOnlyStreamBase
{
    private readonly TrailerWatch _raw;
    private readonly GZipStream _gzip;
    private long _inflated;
    private bool _ended;

    public CheckedGzipStream(Stream raw)
    {
        _raw = new TrailerWatch(raw);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_ended)
            return 0;
        var n = _gzip.Read(buffer);
        _inflated += n;
        if (n == 0 && buffer.Length > 0)
        {
            _ended = true;
            Verify();
        }
        return n;
    }

    private void Verify()
    {
        if (_raw.BytesRead < 18)
            throw new InvalidDataException($"the gzip data ends early: {_raw.BytesRead} bytes are shorter than any whole gzip member");
        if (_raw.MemberHeaders > 1)
            return;
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(_raw.LastFour);
        if (expected != (uint)_inflated)
            throw new InvalidDataException($"the gzip data ends early (truncated): {_inflated:N0} bytes inflated, its trailer says {expected:N0} (mod 2^32)");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gzip.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Passes compressed bytes through, keeping the last four and counting places where a member header may begin.</summary>
    private sealed class TrailerWatch(Stream inner) : ReadOnlyStreamBase
    {
        private readonly byte[] _tail = new byte[4];
        private int _pending; // bytes of 1f 8b 08 matched at the end of the previous read

        public long BytesRead { get; private set; }

        public int MemberHeaders { get; private set; }

        public ReadOnlySpan<byte> LastFour => _tail;

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            var read = buffer[..n];
            CountHeaders(read);
            if (n >= 4)
            {
                read[^4..].CopyTo(_tail);
            }
            else if (n > 0)
            {
                _tail.AsSpan(n).CopyTo(_tail);
                read.CopyTo(_tail.AsSpan(4 - n));
            }
            BytesRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }

        private void CountHeaders(ReadOnlySpan<byte> data)
        {
            ReadOnlySpan<byte> magic = [0x1f, 0x8b, 0x08];
            var i = 0;
            // A header split across reads: finish matching what the previous read ended with.
            while (_pending > 0 && i < data.Length)
            {
                if (data[i] != magic[_pending])
                {
                    _pending = 0;
                    break;
                }
                i++;
                if (++_pending == 3)
                {
                    MemberHeaders++;
                    _pending = 0;
                }
            }
            while (i < data.Length)
            {
                var at = data[i..].IndexOf((byte)0x1f);
                if (at < 0)
                    break;
                var start = i + at;
                var matched = 1;
                while (matched < 3 && start + matched < data.Length && data[start + matched] == magic[matched])
                    matched++;
                if (matched == 3)
                    MemberHeaders++;
                else if (start + matched == data.Length)
                    _pending = matched;
                i = start + 1;
            }
        }
    }
}
