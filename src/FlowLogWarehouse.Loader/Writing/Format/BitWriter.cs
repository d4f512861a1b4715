namespace FlowLogWarehouse.Loader.Writing.Format;

/// <summary>Packs values of a given bit width least significant bit first, as Parquet's bit-packed runs and miniblocks do.</summary>
internal struct BitWriter(PageBuffer output)
{
    private ulong _pending;
    private int _bits;

    public void Write(ulong value, int width)
    {
        if (width == 0)
            return;
        // _bits < 8 here, so the first piece takes at least 57 of the value's bits; a 64-bit value leaves up to 7.
        var first = Math.Min(width, 64 - _bits);
        var low = first == 64 ? value : value & ((1UL << first) - 1);
        _pending |= low << _bits;
        _bits += first;
        Drain();
        if (first < width)
        {
            _pending |= (value >> first) << _bits;
            _bits += width - first;
            Drain();
        }
    }

    /// <summary>Writes the last partial byte, zero-padded.</summary>
    public void Flush()
    {
        if (_bits > 0)
            output.WriteByte((byte)_pending);
        _pending = 0;
        _bits = 0;
    }

    private void Drain()
    {
        while (_bits >= 8)
        {
            output.WriteByte((byte)_pending);
            _pending >>= 8;
            _bits -= 8;
        }
    }
}
