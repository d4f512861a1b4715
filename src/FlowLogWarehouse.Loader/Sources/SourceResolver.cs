namespace FlowLogWarehouse.Loader.Sources;

/// <summary>Expands the inputs of a load (files, directories searched recursively, '-' for stdin) into sources.</summary>
public static class SourceResolver
{
    public static IReadOnlyList<SourceFile> Resolve(IEnumerable<string> inputs, string? warehouse = null)
    {
        var sources = new List<SourceFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var warehouseRoot = warehouse is null ? null : Path.GetFullPath(warehouse).TrimEnd('/') + "/";
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                if (seen.Add(SourceFile.StdinId))
                    sources.Add(SourceFile.Stdin());
                continue;
            }
            if (File.Exists(input))
            {
                Add(new FileInfo(input));
                continue;
            }
            if (Directory.Exists(input))
            {
                var files = new DirectoryInfo(input)
                    .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => !IsUnderIgnoredFolder(f, input))
                    .OrderBy(f => f.FullName, StringComparer.Ordinal);
                foreach (var file in files)
                    Add(file);
                continue;
            }
            throw new FileNotFoundException($"Input '{input}' does not exist (expected a file, a directory or '-' for stdin).", input);
        }
        return sources;

        void Add(FileInfo file)
        {
            if (warehouseRoot is not null && file.FullName.StartsWith(warehouseRoot, StringComparison.Ordinal))
                return;
            var source = SourceFile.ForFile(file);
            if (seen.Add(source.Id))
                sources.Add(source);
        }
    }

    /// <summary>Folders starting with '_' or '.' hold bookkeeping (ours, Spark's, git's), never flow logs.</summary>
    private static bool IsUnderIgnoredFolder(FileInfo file, string root)
    {
        var relative = Path.GetRelativePath(root, file.FullName);
        return relative.Split('/').Any(p => p.StartsWith('_') || p.StartsWith('.'));
    }
}
