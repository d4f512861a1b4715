using FlowLogWarehouse.Aws;
using FlowLogWarehouse.Loader.Sources.S3;

namespace FlowLogWarehouse.Loader.Sources;

/// <summary>
/// Expands the inputs of a load (files, directories searched recursively, s3:// prefixes, '-' for stdin) into
/// sources, in input order, each once. A date window drops sources whose path dates another day.
/// </summary>
internal static class SourceResolver
{
    public static async Task<IReadOnlyList<SourceFile>> ResolveAsync(
        IEnumerable<string> inputs, string warehouse, DeliveryDays? days, Func<S3SourceLister> s3, CancellationToken cancellationToken)
    {
        var sources = new List<SourceFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var localWarehouse = S3Path.IsS3(warehouse) ? null : Path.GetFullPath(warehouse).TrimEnd('/') + "/";
        var s3Warehouse = S3Path.IsS3(warehouse) ? S3Path.Parse(warehouse).ToString().TrimEnd('/') + "/" : null;
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                Add(SourceFile.Stdin());
                continue;
            }
            if (S3Path.IsS3(input))
            {
                foreach (var source in await s3().ListAsync(S3Path.Parse(input), days, cancellationToken))
                    if (s3Warehouse is null || !source.Id.StartsWith(s3Warehouse, StringComparison.Ordinal))
                        Add(source);
                continue;
            }
            if (File.Exists(input))
            {
                AddFile(new FileInfo(input));
                continue;
            }
            if (Directory.Exists(input))
            {
                var files = new DirectoryInfo(input)
                    .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => !IsUnderIgnoredFolder(f, input))
                    .OrderBy(f => f.FullName, StringComparer.Ordinal);
                foreach (var file in files)
                    AddFile(file);
                continue;
            }
            throw new FileNotFoundException($"Input '{input}' does not exist (expected a file, a directory, an s3:// prefix or '-' for stdin).", input);
        }
        return sources;

        void AddFile(FileInfo file)
        {
            if (localWarehouse is not null && file.FullName.StartsWith(localWarehouse, StringComparison.Ordinal))
                return;
            var source = SourceFile.ForFile(file);
            if (days is null || source.KeyInfo.Date is not { } date || days.Contains(date))
                Add(source);
        }

        void Add(SourceFile source)
        {
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
