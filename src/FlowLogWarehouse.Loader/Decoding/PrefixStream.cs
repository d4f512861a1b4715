namespace FlowLogWarehouse.Loader.Decoding;

/// <summary>Replays bytes already read from a stream that cannot seek, then continues with the stream.</summary>
internal sealed class PrefixStream(byte[] prefix, int prefixLength, Stream rest) : ReadOnlyStreamBase
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        return rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            rest.Dispose();
        base.Dispose(disposing);
    }
}
