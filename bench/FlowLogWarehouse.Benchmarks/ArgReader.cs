using System.Globalization;

namespace FlowLogWarehouse.Benchmarks;

/// <summary>Bad command-line arguments: the message is printed without a stack trace and the exit code is 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary><c>--name value</c>, <c>--name=value</c> and bare flags; every option read is checked off.</summary>
internal sealed class ArgReader
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _flags;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private ArgReader(Dictionary<string, string> values, HashSet<string> flags)
    {
        _values = values;
        _flags = flags;
    }

    public static ArgReader Parse(IReadOnlyList<string> args, IEnumerable<string> flagNames)
    {
        var flags = flagNames.ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenFlags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"Unexpected argument '{arg}'.");
            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            if (flags.Contains(name))
            {
                if (value is not null)
                    throw new UsageException($"--{name} is a flag and takes no value.");
                seenFlags.Add(name);
                continue;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                    throw new UsageException($"--{name} needs a value.");
                value = args[++i];
            }
            if (!values.TryAdd(name, value))
                throw new UsageException($"--{name} is given more than once.");
        }
        return new ArgReader(values, seenFlags);
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _flags.Contains(name);
    }

    public string? Optional(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string String(string name, string defaultValue) => Optional(name) ?? defaultValue;

    public string Required(string name) =>
        Optional(name) ?? throw new UsageException($"--{name} is required.");

    public long Long(string name, long defaultValue, long min = 1)
    {
        var text = Optional(name);
        if (text is null)
            return defaultValue;
        // Underscores allowed so that 50_000_000 reads as it is meant.
        if (!long.TryParse(text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new UsageException($"--{name}: '{text}' is not a whole number ≥ {min}.");
        return value;
    }

    public int Int(string name, int defaultValue, int min = 1) =>
        (int)Math.Min(int.MaxValue, Long(name, defaultValue, min));

    public void RejectUnknown(string command)
    {
        var unknown = _values.Keys.Concat(_flags).FirstOrDefault(k => !_read.Contains(k));
        if (unknown is not null)
            throw new UsageException($"{command}: unknown option --{unknown}.");
    }
}
