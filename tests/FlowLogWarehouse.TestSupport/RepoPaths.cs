namespace FlowLogWarehouse.TestSupport;

/// <summary>The repository root (holds FlowLogWarehouse.sln) and the shared folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FlowLogWarehouse.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No FlowLogWarehouse.sln above {AppContext.BaseDirectory}.");
    }
}
