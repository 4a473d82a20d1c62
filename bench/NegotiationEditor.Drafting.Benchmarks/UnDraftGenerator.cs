using System.Text;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>What the generator changed, to check the redline against: per edited paragraph id, the words deleted and inserted, in order.</summary>
public sealed record GeneratedEdits(
    IReadOnlyDictionary<string, (List<string> Deleted, List<string> Inserted)> WordEdits,
    string MovedParagraphId,
    string InsertedParagraphId,
    int EditCount,
    int WordCount);

/// <summary>A pair of UN-style drafts: the original and an edited copy, with the edits that make one into the other.</summary>
public sealed record GeneratedPair(Draft Old, Draft New, GeneratedEdits Edits);

/// <summary>
/// A seeded generator of UN-style draft resolutions (preambular and operative paragraphs, bullet items,
/// diplomatic vocabulary) and of an edited copy: the given share of the words changed by scattered
/// replacements, insertions and deletions (at least <see cref="MinimumGap"/> unchanged words between two
/// edits, so each edit reads as its own change), one paragraph moved and one inserted.
/// </summary>
public sealed class UnDraftGenerator(int seed)
{
    /// <summary>Unchanged words kept between two edits.</summary>
    public const int MinimumGap = 3;

    private static readonly string[] Openers =
    [
        "Recalling", "Reaffirming", "Noting", "Welcoming", "Recognizing", "Emphasizing", "Acknowledging", "Mindful", "Stressing",
        "Expressing concern", "Bearing in mind", "Taking note of", "Noting with appreciation", "Deeply concerned",
    ];

    private static readonly string[] Verbs =
    [
        "Decides", "Requests", "Invites", "Encourages", "Calls upon", "Urges", "Recommends", "Stresses", "Reiterates", "Affirms",
        "Welcomes", "Emphasizes", "Takes note of", "Underlines", "Reaffirms",
    ];

    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "in", "on", "for", "with", "its", "all", "at", "by", "as", "a", "that", "their", "from", "within",
        "including", "through", "such", "other", "also", "this", "these", "an", "be", "is", "are", "which",
    ];

    private static readonly string[] ContentWords =
    [
        "Member", "States", "Secretary-General", "Commission", "Council", "General", "Assembly", "resolution", "resolutions",
        "implementation", "sustainable", "development", "Internet", "governance", "multi-stakeholder", "capacity-building",
        "developing", "countries", "information", "communication", "technologies", "digital", "divide", "outcome", "World",
        "Summit", "Society", "framework", "cooperation", "international", "regional", "national", "relevant", "stakeholders",
        "private", "sector", "civil", "technical", "academic", "communities", "report", "session", "agenda", "item", "mandate",
        "Working", "Group", "Forum", "improvements", "enhanced", "transparent", "inclusive", "participation", "contributions",
        "voluntary", "basis", "resources", "existing", "Economic", "Social", "Science", "Technology", "Development", "CSTD",
        "ECOSOC", "Tunis", "Agenda", "Geneva", "Plan", "Action", "follow-up", "review", "progress", "made", "towards",
        "achievement", "internationally", "agreed", "goals", "Millennium", "Declaration", "importance", "role", "United",
        "Nations", "system", "entities", "organizations", "specialized", "agencies", "funds", "programmes", "cooperation",
        "partnership", "partnerships", "financing", "mechanisms", "access", "affordable", "broadband", "infrastructure",
        "security", "confidence", "use", "privacy", "protection", "human", "rights", "freedom", "expression", "gender",
        "equality", "women", "girls", "youth", "persons", "disabilities", "least", "developed", "landlocked", "small", "island",
        "challenges", "opportunities", "emerging", "issues", "public", "policy", "dialogue", "consultations", "open",
        "consultation", "process", "working", "methods", "modalities", "composition", "membership", "representatives",
        "delegations", "experts", "observers", "meetings", "annual", "biennial", "fourteenth", "fifteenth", "sixty-fifth",
        "session", "secretariat", "support", "assistance", "extrabudgetary", "budgetary", "implications", "recommendations",
        "proposals", "views", "inputs", "compile", "seek", "submit", "consider", "ensure", "promote", "strengthen", "enhance",
        "facilitate", "continue", "invite", "request", "note", "welcome", "encourage", "further", "effective", "efficient",
        "appropriate", "necessary", "timely", "full", "equitable", "geographical", "representation", "balance", "Chair",
        "Bureau", "Vice-Chairs", "Rapporteur", "interactively", "participate", "remote", "online", "webcast", "documents",
        "languages", "official", "six", "five", "fifteen", "2010/2", "2006/46", "2009/7", "65/141", "paragraph", "annex",
    ];

    private readonly Random random = new(seed);

    /// <summary>A draft of about <paramref name="words"/> words and its edited copy (<paramref name="editShare"/> of the words edited).</summary>
    public GeneratedPair Generate(int words, double editShare = 0.02)
    {
        var texts = new List<List<string>>();
        var kinds = new List<ParagraphKind>();
        var total = 0;
        var preambular = Math.Max(3, words / 100 / 4);
        while (total < words)
        {
            var kind = texts.Count < preambular ? ParagraphKind.Preambular : ParagraphKind.Operative;
            var length = random.Next(30, 150);
            var paragraph = Sentence(kind, length);
            texts.Add(paragraph);
            kinds.Add(kind);
            total += paragraph.Count(IsWord);
        }

        var old = Build(texts, kinds, null);

        // The paragraph to move stays unedited, so that it reads as a pure move.
        var movedIndex = preambular + random.Next(texts.Count - preambular);
        var edits = new Dictionary<string, (List<string> Deleted, List<string> Inserted)>();
        var editedTexts = texts.Select(t => t.ToList()).ToList();
        var editCount = EditWords(editedTexts, movedIndex, old, editShare, total, edits);

        var newParagraphs = new List<Paragraph>();
        for (var k = 0; k < old.Paragraphs.Count; k++)
        {
            var original = old.Paragraphs[k];
            newParagraphs.Add(new Paragraph(original.Kind, original.Number, Render(editedTexts[k]), original.Items));
        }

        // One operative paragraph inserted after a random operative paragraph, numbered "n bis".
        var insertAfter = preambular + random.Next(texts.Count - preambular - 1);
        var anchor = newParagraphs[insertAfter];
        var inserted = Paragraph.Operative(new ParagraphNumber(anchor.Number!.Value, "bis"), Render(Sentence(ParagraphKind.Operative, random.Next(40, 100))));
        newParagraphs.Insert(insertAfter + 1, inserted);

        // One paragraph moved elsewhere (keeping its number, as a moved paragraph does before renumbering).
        var movedId = old.Paragraphs[movedIndex].Id.Value;
        var from = newParagraphs.FindIndex(p => p.Id.Value == movedId && p.Kind == old.Paragraphs[movedIndex].Kind);
        var moved = newParagraphs[from];
        newParagraphs.RemoveAt(from);
        int to;
        do
        {
            to = preambular + random.Next(newParagraphs.Count - preambular);
        }
        while (Math.Abs(to - from) < 3);
        newParagraphs.Insert(to, moved);

        var @new = new Draft(old.Metadata.With(DraftMetadata.SymbolKey, "E/CN.16/2011/CRP.1/Rev.1"), old.Title, newParagraphs);
        return new GeneratedPair(old, @new, new GeneratedEdits(edits, movedId, inserted.Id.Value, editCount, total));
    }

    private Draft Build(List<List<string>> texts, List<ParagraphKind> kinds, string? symbol)
    {
        var paragraphs = new List<Paragraph>();
        int pp = 0, op = 0;
        for (var k = 0; k < texts.Count; k++)
        {
            var text = Render(texts[k]);
            if (kinds[k] == ParagraphKind.Preambular)
            {
                paragraphs.Add(Paragraph.Preambular(new ParagraphNumber(++pp), text));
                continue;
            }

            // About one operative paragraph in twelve carries bullet items, like the seed's list of stakeholders.
            var items = random.Next(12) == 0
                ? Enumerable.Range(0, random.Next(2, 5)).Select(_ => new ParagraphItem($"{random.Next(1, 16)} {Pick(ContentWords)} {Pick(ContentWords)}")).ToList()
                : null;
            paragraphs.Add(Paragraph.Operative(new ParagraphNumber(++op), text, items));
        }

        var metadata = DraftMetadata.Empty
            .With(DraftMetadata.SymbolKey, symbol ?? "E/CN.16/2011/CRP.1")
            .With(DraftMetadata.DateKey, "2010-12-08T19:30")
            .With(DraftMetadata.StatusKey, "draft");
        return new Draft(metadata, "Improvements to the Internet Governance Forum", paragraphs);
    }

    private int EditWords(
        List<List<string>> texts, int movedIndex, Draft old, double editShare, int totalWords,
        Dictionary<string, (List<string> Deleted, List<string> Inserted)> edits)
    {
        // Every word position of every paragraph but the moved one; an edit blocks MinimumGap words on each side.
        var positions = new List<(int Paragraph, int Item)>();
        for (var p = 0; p < texts.Count; p++)
        {
            if (p == movedIndex)
            {
                continue;
            }

            for (var i = 0; i < texts[p].Count; i++)
            {
                if (IsSimpleWord(texts[p][i]))
                {
                    positions.Add((p, i));
                }
            }
        }

        var wanted = (int)Math.Round(editShare * totalWords);
        var blocked = new bool[positions.Count];
        var chosen = new List<int>();
        var attempts = 0;
        while (chosen.Count < wanted && attempts++ < wanted * 50)
        {
            var at = random.Next(positions.Count);
            var free = true;
            for (var d = -MinimumGap - 1; d <= MinimumGap + 1 && free; d++)
            {
                var near = at + d;
                free = near < 0 || near >= positions.Count || positions[near].Paragraph != positions[at].Paragraph || !blocked[near];
            }

            if (free)
            {
                blocked[at] = true;
                chosen.Add(at);
            }
        }

        // Apply from the end of each paragraph so earlier indexes stay valid; record in reading order.
        chosen.Sort();
        var perParagraph = chosen.GroupBy(c => positions[c].Paragraph);
        foreach (var group in perParagraph)
        {
            var p = group.Key;
            var deleted = new List<string>();
            var inserted = new List<string>();
            var items = texts[p];
            var planned = group.Select(c => (Item: positions[c].Item, Kind: random.Next(3))).ToList();
            foreach (var (item, kind) in planned)
            {
                var word = items[item];
                switch (kind)
                {
                    case 0:
                        deleted.Add(word);
                        inserted.Add(Different(word));
                        break;
                    case 1:
                        inserted.Add(Different(word));
                        break;
                    default:
                        deleted.Add(word);
                        break;
                }
            }

            // Rewrite the paragraph's items with the planned edits.
            var rewritten = new List<string>(items.Count + planned.Count);
            int next = 0, d = 0, n = 0;
            foreach (var (item, kind) in planned)
            {
                for (; next < item; next++)
                {
                    rewritten.Add(items[next]);
                }

                switch (kind)
                {
                    case 0:
                        d++;
                        rewritten.Add(inserted[n++]);
                        break;
                    case 1:
                        rewritten.Add(inserted[n++]);
                        rewritten.Add(items[item]);
                        break;
                    default:
                        d++;
                        break;
                }

                next = item + 1;
            }

            for (; next < items.Count; next++)
            {
                rewritten.Add(items[next]);
            }

            texts[p] = rewritten;
            edits[old.Paragraphs[p].Id.Value] = (deleted, inserted);
        }

        return chosen.Count;
    }

    private List<string> Sentence(ParagraphKind kind, int length)
    {
        var items = new List<string>(length + length / 8);
        foreach (var word in Pick(kind == ParagraphKind.Preambular ? Openers : Verbs).Split(' '))
        {
            items.Add(word);
        }

        while (items.Count(IsWord) < length)
        {
            items.Add(random.Next(10) < 4 ? Pick(FunctionWords) : Pick(ContentWords));
            if (random.Next(14) == 0)
            {
                items.Add(random.Next(3) == 0 ? ";" : ",");
            }
        }

        if (!IsWord(items[^1]))
        {
            items.RemoveAt(items.Count - 1);
        }

        items.Add(kind == ParagraphKind.Preambular ? "," : ".");
        return items;
    }

    private string Different(string word)
    {
        string other;
        do
        {
            other = random.Next(10) < 4 ? Pick(FunctionWords) : Pick(ContentWords);
        }
        while (other == word || !IsSimpleWord(other));
        return other;
    }

    private string Pick(string[] words) => words[random.Next(words.Length)];

    /// <summary>Words are joined by spaces; punctuation sticks to the word before it.</summary>
    public static string Render(List<string> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (text.Length > 0 && IsWord(item))
            {
                text.Append(' ');
            }

            text.Append(item);
        }

        return text.ToString();
    }

    private static bool IsWord(string item) => item is not ("," or ";" or "." or ":");

    /// <summary>
    /// Only one-token words are edited or put in: replacing "Secretary-General" by "General" is rightly shown
    /// as deleting "Secretary-", which would not match the edit as the generator wrote it.
    /// </summary>
    private static bool IsSimpleWord(string item) => item.All(char.IsLetterOrDigit);
}
