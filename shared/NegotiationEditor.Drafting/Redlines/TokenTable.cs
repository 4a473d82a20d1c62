namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// The distinct tokens met during one comparison, each stored once and numbered, so that paragraphs
/// are compared as arrays of integers and DiffPlex receives shared strings instead of fresh copies.
/// Not thread-safe: one table per comparison.
/// </summary>
internal sealed class TokenTable
{
    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> texts = [];
    private readonly List<TokenKind> kinds = [];

    public TokenTable(int capacity = 256)
    {
        ids = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string this[int id] => texts[id];

    public TokenKind KindOf(int id) => kinds[id];

    public bool IsWhitespace(int id) => kinds[id] == TokenKind.Whitespace;

    public bool IsWord(int id) => kinds[id] == TokenKind.Word;

    /// <summary>Splits <paramref name="text"/> into numbered tokens.</summary>
    public TokenizedParagraph Tokenize(string text)
    {
        // A token is at least one character: text.Length bounds the count; trim afterwards.
        var idBuffer = new List<int>(Math.Max(4, text.Length / 3));
        var startBuffer = new List<int>(idBuffer.Capacity + 1);
        var start = 0;
        while (start < text.Length)
        {
            var end = RedlineTokenizer.NextTokenEnd(text, start, out var kind);
            idBuffer.Add(Intern(text.AsSpan(start, end - start), kind));
            startBuffer.Add(start);
            start = end;
        }

        startBuffer.Add(text.Length);
        return new TokenizedParagraph(text, idBuffer.ToArray(), startBuffer.ToArray());
    }

    private int Intern(ReadOnlySpan<char> token, TokenKind kind)
    {
        if (lookup.TryGetValue(token, out var id))
        {
            return id;
        }

        var text = token.ToString();
        id = texts.Count;
        texts.Add(text);
        kinds.Add(kind);
        ids.Add(text, id);
        return id;
    }
}

/// <summary>A paragraph's text with its tokens (ids in a <see cref="TokenTable"/>) and where each starts.</summary>
internal sealed class TokenizedParagraph(string text, int[] ids, int[] starts)
{
    public string Text { get; } = text;

    /// <summary>Token ids in order.</summary>
    public int[] Ids { get; } = ids;

    /// <summary>Start offset of each token in <see cref="Text"/>, plus the text's length at the end.</summary>
    public int[] Starts { get; } = starts;

    public int Count => Ids.Length;

    /// <summary>The text of tokens [from, to).</summary>
    public string Slice(int from, int to) =>
        from == 0 && to == Ids.Length ? Text : Text.Substring(Starts[from], Starts[to] - Starts[from]);
}
