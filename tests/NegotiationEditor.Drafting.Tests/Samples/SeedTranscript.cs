namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>
/// The seed transcript the sample was transcribed from, read where the repository expects it
/// (<c>../shared/seed</c> from the repository root); nothing of it is copied into the tests.
/// </summary>
internal sealed class SeedTranscript
{
    private static readonly Lazy<SeedTranscript> Loaded = new(() =>
    {
        var path = Path.GetFullPath(Path.Combine(SampleNegotiation.Instance.Root, SampleNegotiation.TranscriptFromRoot));
        if (!File.Exists(path))
        {
            throw new AssertionException($"the seed transcript is not at {path} (expected at {SampleNegotiation.TranscriptFromRoot} from the repository root)");
        }

        return new SeedTranscript(File.ReadAllText(path).Split('\n'));
    });

    private SeedTranscript(string[] lines) => Lines = lines;

    public static SeedTranscript Instance => Loaded.Value;

    /// <summary>The transcript's lines; <c>Line(1)</c> is the first.</summary>
    public IReadOnlyList<string> Lines { get; }

    public int LineCount => Lines[^1].Length == 0 ? Lines.Count - 1 : Lines.Count;

    public string Line(int number) => Lines[number - 1];

    /// <summary>Lines <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive) joined by '\n'.</summary>
    public string Range(int from, int to) => string.Join('\n', Lines.Skip(from - 1).Take(to - from + 1));
}
