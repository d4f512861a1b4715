namespace FlowLogWarehouse.Athena;

/// <summary>Exponential delays: <c>first</c>, doubled after each step, never above <c>max</c>.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int step, TimeSpan first, TimeSpan max)
    {
        // Past 2^20 the cap has long been reached; stop before the multiplication overflows.
        var factor = Math.Pow(2, Math.Min(step, 20));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
    }

    /// <summary>"Full jitter": a random delay up to the exponential one, so throttled clients spread out.</summary>
    public static TimeSpan Jittered(int step, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks((long)(Delay(step, first, max).Ticks * Random.Shared.NextDouble()));
}
