using FlowLogWarehouse.Query;

namespace FlowLogWarehouse.Output.Tests.Fixtures;

/// <summary>Results whose values test every format's edges: quotes, commas, newlines, unicode, extremes, nulls.</summary>
internal static class Samples
{
    public static readonly DateTime At = new(2024, 3, 1, 12, 34, 56, DateTimeKind.Utc);

    /// <summary>One column of each kind, and a row of nulls.</summary>
    public static ListResult EveryKind() => new ListResult(
            ("name", ValueKind.String),
            ("flows", ValueKind.Integer),
            ("bytes", ValueKind.Integer),
            ("ratio", ValueKind.Double),
            ("cost", ValueKind.Decimal),
            ("ok", ValueKind.Boolean),
            ("day", ValueKind.Date),
            ("at", ValueKind.Timestamp),
            ("tags", ValueKind.Other))
        .With(
            ["plain", 1_234_567L, 532L, 0.1, 1.50m, true, new DateOnly(2024, 3, 1), At, "[a, b]"],
            ["comma, \"quoted\"\nnext line", long.MaxValue, 1_258_291L, 1234.5678, -0.001m, false, new DateOnly(1999, 12, 31), At.AddMilliseconds(789), null],
            ["héllo ✓ 日本", -42L, 4_294_967_296L, 1e-7, decimal.MaxValue, null, null, null, ""],
            [null, null, null, null, null, null, null, null, null]);

    public static ResultColumn[] Columns(params (string Name, ValueKind Kind)[] columns) =>
        columns.Select(c => new ResultColumn(c.Name, c.Kind)).ToArray();
}
