using FlowLogWarehouse.Core.Formats;
using FlowLogWarehouse.Loader.Decoding;

namespace FlowLogWarehouse.Loader.Pipeline;

/// <summary>
/// An object read with the plan of another object of its flow log turned out different (AWS never changes a flow
/// log's format, but a bucket can hold anything). Thrown before any of its lines is used, so the source is probed
/// on its own and the batch runs again; nothing is lost or misread.
/// </summary>
internal sealed class InheritedPlanMismatch(string message) : IOException(message)
{
    public static void ThrowIfParquetDiffers(SourcePlan plan, Stream decoded)
    {
        var parquet = decoded as ParquetTextStream;
        if ((parquet is null) != (plan.Kind != InputKind.Parquet) || (parquet is not null && parquet.Format.Text != plan.Format.Text))
            throw new InheritedPlanMismatch($"its content differs from the other objects of its flow log (expected {Describe(plan)})");
    }

    public static void ThrowIfHeaderDiffers(SourcePlan plan, ReadOnlySpan<byte> head)
    {
        if (plan.Kind == InputKind.Parquet)
            return;
        var newline = head.IndexOf((byte)'\n');
        var line = (newline < 0 ? head : head[..newline]).TrimEnd((byte)'\r');
        if (!plan.HasHeader || !FlowLogFormat.TryParseHeader(line, out var header) || header.Text != plan.Format.Text)
            throw new InheritedPlanMismatch($"its header differs from the other objects of its flow log (expected {Describe(plan)})");
    }

    private static string Describe(SourcePlan plan) =>
        plan.Kind == InputKind.Parquet ? $"Parquet with columns for '{plan.Format.Text}'" : $"the header '{plan.Format.Text}'";
}
