namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>A bad line, kept with everything needed to find and fix it. Line is null when the converter that read it
/// (Athena) cannot number lines.</summary>
public sealed record QuarantineEntry(
    string Source, long? Line, int? Event, string? Field, string? Value, string Reason, string Raw, string? RawBase64)
{
    /// <summary><c>flows.log.gz:1043 dstport: '70000' is not a port (0..65535)</c></summary>
    public override string ToString()
    {
        var at = Line is null ? Path.GetFileName(Source) : $"{Path.GetFileName(Source)}:{Line}";
        var where = Event is null ? at : $"{at} logEvents[{Event}]";
        return Field is null ? $"{where} {Reason}" : $"{where} {Field}: '{Value}' {Reason}";
    }
}
