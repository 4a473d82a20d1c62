namespace NegotiationEditor.Drafting.Tests.Redlines;

/// <summary>Seeded random paragraphs in the negotiation's vocabulary, and random edits of them.</summary>
internal sealed class RandomDrafts(int seed)
{
    private static readonly string[] Words =
    [
        "the", "of", "and", "to", "in", "Recalling", "Reaffirming", "Noting", "Decides", "Requests", "Secretary-General",
        "Member", "States", "Commission", "Council", "Working", "Group", "Internet", "Governance", "Forum", "ECOSOC",
        "CSTD", "stakeholders", "civil", "society", "business", "community", "resolution", "2010/2", "report",
        "accordance", "with", "bearing", "mind", "established", "rules", "procedure", "Côte", "d'Ivoire", "Türkiye",
        "sustainable", "development", "multi-stakeholder", "interactively", "participate", "15", "five", "Chair",
    ];

    private static readonly string[] Separators = [" ", " ", " ", " ", ", ", "; ", " — ", "\u00a0", " (", ") ", " [", "] ", " / "];

    private readonly Random random = new(seed);

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);

    public string Word() => Words[random.Next(Words.Length)];

    /// <summary>A paragraph of <paramref name="words"/> words, with punctuation, sometimes on several lines.</summary>
    public string Paragraph(int words, bool multiline = true)
    {
        var text = new System.Text.StringBuilder(Word());
        for (var k = 1; k < words; k++)
        {
            text.Append(multiline && random.Next(25) == 0 ? "\n- " : Separators[random.Next(Separators.Length)]);
            text.Append(Word());
        }

        return text.Append(random.Next(3) == 0 ? ";" : ".").ToString();
    }

    /// <summary>The text with one word replaced, inserted or deleted (kind chosen at random).</summary>
    public string EditOneWord(string text, int keepPrefix = 0)
    {
        var words = WordSpans(text, keepPrefix);
        if (words.Count == 0)
        {
            return text + " " + Word();
        }

        var (start, length) = words[random.Next(words.Count)];
        return random.Next(3) switch
        {
            0 => text[..start] + Different(text.Substring(start, length)) + text[(start + length)..],
            1 => text[..start] + Word() + " " + text[start..],
            _ when words.Count > 1 => text[..start] + text[(start + length)..].TrimStart(' '),
            _ => text[..start] + Different(text.Substring(start, length)) + text[(start + length)..],
        };
    }

    /// <summary>Old paragraphs turned into new ones by random word edits, insertions, deletions and moves.</summary>
    public List<string> Edit(IReadOnlyList<string> old)
    {
        var result = new List<string>();
        foreach (var paragraph in old)
        {
            switch (random.Next(8))
            {
                case 0:
                    break;
                case 1:
                case 2:
                    result.Add(EditOneWord(EditOneWord(paragraph)));
                    break;
                case 3:
                    result.Add(Paragraph(random.Next(1, 20)));
                    result.Add(paragraph);
                    break;
                default:
                    result.Add(paragraph);
                    break;
            }
        }

        if (result.Count > 1 && random.Next(2) == 0)
        {
            var from = random.Next(result.Count);
            var moved = result[from];
            result.RemoveAt(from);
            result.Insert(random.Next(result.Count + 1), moved);
        }

        return result;
    }

    private string Different(string word)
    {
        string replacement;
        do
        {
            replacement = Word();
        }
        while (replacement == word);
        return replacement;
    }

    private static List<(int Start, int Length)> WordSpans(string text, int from)
    {
        var spans = new List<(int, int)>();
        var i = from;
        while (i < text.Length)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ';' or '.' or '(' or ')' or '[' or ']'))
                {
                    i++;
                }

                spans.Add((start, i - start));
            }
            else
            {
                i++;
            }
        }

        return spans;
    }
}
