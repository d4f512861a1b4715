using FlowLogWarehouse.Benchmarks;

// One executable, three roles: the orchestrator (`make bench`), and the two children it starts so that every
// measured process is separate from the bench itself.
try
{
    return args switch
    {
        [MeasureCommand.Name, ..] => MeasureCommand.Run(args[1..]),
        [DuckDbCopyCommand.Name, ..] => DuckDbCopyCommand.Run(args[1..]),
        ["--help" or "-h" or "help", ..] => BenchCommand.PrintUsage(),
        _ => await BenchCommand.RunAsync(args),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Run with --help for the options.");
    return 2;
}
catch (BenchException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Exception e)
{
    // A bug in the bench itself, or DuckDB refusing a query: the whole exception, and a plain failure exit code.
    Console.Error.WriteLine(e);
    return 1;
}
