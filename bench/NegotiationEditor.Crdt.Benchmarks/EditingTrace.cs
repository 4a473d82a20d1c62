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
        // Decompressed into one buffer and read with Utf8JsonReader: no document tree, so the
        // harness itself adds little to the process's peak memory.
        using var buffer = new MemoryStream();
        using (var file = File.OpenRead(path))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            gzip.CopyTo(buffer);
        }
        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        string? startContent = null;
        string? endContent = null;
        var transactions = new List<TracePatch[]>();
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            switch (property)
            {
                case "startContent":
                    Next(ref reader);
                    startContent = reader.GetString();
                    break;
                case "endContent":
                    Next(ref reader);
                    endContent = reader.GetString();
                    break;
                case "txns":
                    Expect(ref reader, JsonTokenType.StartArray);
                    while (Next(ref reader) == JsonTokenType.StartObject)
                    {
                        transactions.Add(ReadTransaction(ref reader));
                    }
                    break;
                default:
                    Next(ref reader);
                    reader.Skip();
                    break;
            }
        }
        if (startContent is not "")
        {
            throw new InvalidDataException($"{path}: only traces that start from an empty text are supported.");
        }
        var name = Path.GetFileName(path).Replace(".json.gz", "", StringComparison.Ordinal);
        return new EditingTrace(name, endContent ?? "", [.. transactions]);
    }

    private static TracePatch[] ReadTransaction(ref Utf8JsonReader reader)
    {
        var patches = new List<TracePatch>(1);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.GetString() != "patches")
            {
                Next(ref reader);
                reader.Skip();
                continue;
            }
            Expect(ref reader, JsonTokenType.StartArray);
            while (Next(ref reader) == JsonTokenType.StartArray)
            {
                Next(ref reader);
                var position = reader.GetInt32();
                Next(ref reader);
                var deleteCount = reader.GetInt32();
                Next(ref reader);
                var insertText = reader.GetString() ?? "";
                Expect(ref reader, JsonTokenType.EndArray);
                patches.Add(new TracePatch(position, deleteCount, insertText));
            }
        }
        return [.. patches];
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new InvalidDataException("The trace ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (Next(ref reader) != expected)
        {
            throw new InvalidDataException($"Expected {expected} in the trace but found {reader.TokenType}.");
        }
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
