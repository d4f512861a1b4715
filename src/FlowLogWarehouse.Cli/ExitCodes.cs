namespace FlowLogWarehouse.Cli;

/// <summary>Process exit codes of <c>flowlogs</c>; README.md documents the same table.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran and failed: the message says why.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown option, missing or invalid value); nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl-C: 128 + SIGINT, the code shells report for an interrupted program.</summary>
    public const int Interrupted = 130;
}
