using System.IO.Compression;
using System.Text.Json;

namespace NegotiationEditor.Crdt.Benchmarks;

/// <summary>One splice of a trace: delete <see cref="DeleteCount"/> at <see cref="Position"/>, then insert there.</summary>
internal readonly record struct TracePatch(int Position, int DeleteCount, string InsertText);

/// <summary>
/// An editing trace in the editing-traces JSON format (gzipped): <c>startContent</c>,
/// <c>endContent</c> and <c>txns[].patches[] = [position, deleteCount, insertText]</c>.
/// </summary>
internal sealed class EditingTrace
{
    private EditingTrace(string name, string endContent, TracePatch[][] transactions)
    {
        Name = name;
        EndContent = endContent;
        Transactions = transactions;
    }

    public string Name { get; }

    public string EndContent { get; }

    public TracePatch[][] Transactions { get; }

    public int PatchCount => Transactions.Sum(t => t.Length);

    public static EditingTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var root = json.RootElement;
        if (root.GetProperty("startContent").GetString() is not "")
        {
            throw new InvalidDataException($"{path}: only traces that start from an empty text are supported.");
        }
        var transactions = root.GetProperty("txns").EnumerateArray()
            .Select(txn => txn.GetProperty("patches").EnumerateArray()
                .Select(patch => new TracePatch(patch[0].GetInt32(), patch[1].GetInt32(), patch[2].GetString() ?? ""))
                .ToArray())
            .ToArray();
        var name = Path.GetFileName(path).Replace(".json.gz", "", StringComparison.Ordinal);
        return new EditingTrace(name, root.GetProperty("endContent").GetString() ?? "", transactions);
    }

    /// <summary>Finds the workplace's shared/bench/data folder above the current or the program's folder.</summary>
    public static string DataFolder()
    {
        var overridden = Environment.GetEnvironmentVariable("NEGOTIATIONEDITOR_SHARED");
        if (!string.IsNullOrEmpty(overridden))
        {
            return Path.Combine(overridden, "bench", "data");
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "bench", "data");
                if (File.Exists(Path.Combine(candidate, "SOURCES.md")))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("shared/bench/data was not found; set NEGOTIATIONEDITOR_SHARED.");
    }
}
