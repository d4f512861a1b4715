namespace FlowLogWarehouse.Cli.Tests.Fixtures;

/// <summary>Files of the repository this test assembly was built from.</summary>
internal static class RepositoryFiles
{
    public static string Path(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(directory.FullName, "FlowLogWarehouse.sln")))
                return candidate;
        }
        throw new FileNotFoundException($"No {relative} in a directory above {AppContext.BaseDirectory} that holds FlowLogWarehouse.sln.");
    }
}
