using FsCheck;
using FsCheck.Fluent;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Tests.Drafts;

/// <summary>A draft source in canonical form, assembled line by line from the format's grammar (not by DraftWriter).</summary>
public sealed record CanonicalSource(string Text)
{
    public override string ToString() => Text;
}

/// <summary>A paragraph text in bracket notation, assembled from the notation's grammar (not by BracketedText).</summary>
public sealed record NotationSource(string Text)
{
    public override string ToString() => Text;
}

/// <summary>FsCheck generators of drafts and notation in the negotiation's own vocabulary.</summary>
public static class DraftGenerators
{
    private static readonly string[] Words =
    [
        "Recalling", "_Noting_", "the", "Chair", "invites", "following", "stakeholders", "to", "interactively",
        "participate", "in", "Working", "Group", "ECOSOC", "CSTD", "decision", "2010/226,", "2010/227", "–", "rules",
        "of", "procedure", "consensus.", "(new)", "bis", "1.", "PP2.", "-", "#", "·", "*", "\\[sic\\]", "\\{",
        "[the report](https://unctad.org)", "5", "Business", "community", "«Internet»", "Forum,", "\\/",
    ];

    private static readonly string[] Delegations = ["Greece", "Iran", "UK", "Philippines", "South Africa", "Russian Federation", "India", "EU", "Canada", "Chair"];

    private static readonly string[] Titles = ["Composition of the Working Group on improvements to the Internet Governance Forum", "Final text", "[Draft] decision"];

    private static readonly string[] Additions = ["bis", "ter", "quater", "(new)"];

    private static Gen<string> Word => Gen.Elements(Words);

    /// <summary>Plain words; never starts with a bullet marker, a number, "# " or "{#".</summary>
    private static Gen<string> PlainRun =>
        from first in Gen.Elements("The", "Chair", "Pursuant", "Decisions", "_Recalling_", "«Noting»", "Each")
        from count in Gen.Choose(0, 6)
        from words in Gen.ArrayOf(Word, count)
        select string.Join(' ', new[] { first }.Concat(words));

    private static Gen<string> Names =>
        from count in Gen.Choose(1, 3)
        from names in Gen.ArrayOf(Gen.Elements(Delegations), count)
        select string.Join(", ", names.Distinct());

    private static Gen<string> AttributionSource => Gen.OneOf(
        Names,
        from proposed in Names
        from supported in Names
        from opposed in Names
        from clauses in Gen.SubListOf(new[] { "supported by " + supported, "opposed by " + opposed, "reservation by India" })
        select string.Join("; ", new[] { "Proposed by " + proposed }.Concat(clauses)));

    private static Gen<string> AlternativeSource =>
        from wording in Gen.Frequency((4, PlainRun), (1, Gen.Constant(Alternative.DeleteOption)))
        from attributed in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from attribution in AttributionSource
        select attributed ? $"{wording} {{{attribution}}}" : wording;

    private static Gen<string> BracketSource =>
        from count in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from alternatives in Gen.ArrayOf(AlternativeSource, count)
        select "[" + string.Join(" / ", alternatives) + "]";

    /// <summary>One line of notation: plain runs and brackets, starting with a plain word.</summary>
    private static Gen<string> NotationLine =>
        from first in PlainRun
        from count in Gen.Choose(0, 3)
        from pieces in Gen.ArrayOf(Gen.OneOf(PlainRun, BracketSource), count)
        select string.Join(' ', new[] { first }.Concat(pieces));

    private static Gen<string> NotationText =>
        from count in Gen.Frequency((5, Gen.Constant(1)), (1, Gen.Constant(2)))
        from lines in Gen.ArrayOf(NotationLine, count)
        select string.Join('\n', lines);

    private static Gen<ParagraphNumber> Number =>
        from value in Gen.Choose(0, 30)
        from added in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Elements(Additions).Select(a => (string?)a)))
        select new ParagraphNumber(value, added);

    private static Gen<ParagraphItem> Item =>
        from text in Gen.Frequency((4, NotationLine), (1, Gen.Constant(string.Empty)), (1, NotationText))
        from marker in Gen.Elements(BulletMarker.Dash, BulletMarker.MiddleDot, BulletMarker.Asterisk)
        from newBlock in Gen.Elements(false, false, true)
        select new ParagraphItem(text, marker, newBlock);

    private static Gen<Func<int, Paragraph>> ParagraphAt =>
        from kind in Gen.Elements(ParagraphKind.Preambular, ParagraphKind.Operative, ParagraphKind.Unnumbered, ParagraphKind.Unnumbered)
        from number in Number
        from text in Gen.Frequency((8, NotationText), (1, Gen.Constant(string.Empty)), (1, NotationLine.Select(l => "\n" + l)))
        from itemCount in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
        from items in Gen.ArrayOf(Item, itemCount)
        from explicitId in Gen.Elements(false, false, false, true)
        select (Func<int, Paragraph>)(index => new Paragraph(
            kind,
            kind == ParagraphKind.Unnumbered ? null : number,
            kind == ParagraphKind.Unnumbered && SourceRulesView.NeedsText(text) ? "Text" + text : text,
            items,
            explicitId ? new ParagraphId($"para-{index}") : null));

    private static Gen<DraftMetadata> Metadata =>
        from keys in Gen.SubListOf(new[] { "symbol", "date", "status", "basis", "committee" })
        from status in Gen.Elements("draft", "agreed")
        from symbol in Gen.Elements("E/CN.16/2010/CRP.1", "E/CN.16/2011/CRP.1/Rev.1", "")
        select new DraftMetadata(keys.Select(key => new KeyValuePair<string, string>(key, key switch
        {
            "status" => status,
            "date" => "2010-12-17T19:30",
            "symbol" or "basis" => symbol,
            _ => "CSTD",
        })));

    /// <summary>Valid drafts: metadata, optional title, up to eight paragraphs of every kind, either line ending.</summary>
    public static Gen<Draft> Drafts =>
        from metadata in Metadata
        from title in Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Gen.Elements(Titles).Select(t => (string?)t)))
        from count in Gen.Choose(0, 8)
        from makers in Gen.ArrayOf(ParagraphAt, count)
        from newLine in Gen.Elements("\n", "\n", "\r\n")
        select new Draft(metadata, title, makers.Select((make, i) => make(i)), newLine);

    /// <summary>Canonical draft sources, written line by line from the format's grammar.</summary>
    public static Gen<CanonicalSource> CanonicalSources =>
        from metadata in Metadata
        from title in Gen.Elements<string?>(null, "Composition of the Working Group")
        from count in Gen.Choose(0, 6)
        from blocks in Gen.ArrayOf(BlockSource, count)
        select new CanonicalSource(Assemble(metadata, title, blocks));

    /// <summary>Notation texts assembled from the notation's grammar.</summary>
    public static Gen<NotationSource> NotationSources => NotationText.Select(t => new NotationSource(t));

    private static Gen<string> BlockSource =>
        from prefix in Gen.Elements("", "", "PP1. ", "2. ", "2 bis. ", "3 (new). ", "10. ")
        from text in NotationText
        from id in Gen.Elements("", "", "", " {#kept-id}")
        from itemCount in Gen.Choose(0, 3)
        from bullets in Gen.ArrayOf(from line in NotationLine from marker in Gen.Elements("- ", "· ", "* ") select marker + line, itemCount)
        select prefix + InsertId(text, id) + string.Concat(bullets.Select(b => "\n" + b));

    private static string InsertId(string text, string id)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text + id : text[..newline] + id + text[newline..];
    }

    private static string Assemble(DraftMetadata metadata, string? title, string[] blocks)
    {
        var parts = new List<string>();
        if (metadata.Entries.Count > 0)
        {
            parts.Add("---\n" + string.Concat(metadata.Entries.Select(e => e.Value.Length == 0 ? $"{e.Key}:\n" : $"{e.Key}: {e.Value}\n")) + "---\n");
        }

        var body = new List<string>();
        if (title is not null)
        {
            body.Add("# " + title + "\n");
        }

        // Only the first explicit id is kept so that ids stay unique.
        var seenId = false;
        foreach (var block in blocks)
        {
            var withoutDuplicateId = block;
            if (block.Contains(" {#kept-id}", StringComparison.Ordinal))
            {
                if (seenId)
                {
                    withoutDuplicateId = block.Replace(" {#kept-id}", string.Empty, StringComparison.Ordinal);
                }

                seenId = true;
            }

            body.Add(withoutDuplicateId + "\n");
        }

        return string.Concat(parts) + (parts.Count > 0 && body.Count > 0 ? "\n" : string.Empty) + string.Join("\n", body);
    }

    /// <summary>FsCheck arbitraries for [Property(Arbitrary = ...)].</summary>
    public static class Arbitraries
    {
        public static Arbitrary<Draft> Draft() => Arb.From(Drafts);

        public static Arbitrary<CanonicalSource> CanonicalSource() => Arb.From(CanonicalSources);

        public static Arbitrary<NotationSource> NotationSource() => Arb.From(NotationSources);
    }

    private static class SourceRulesView
    {
        /// <summary>An unnumbered paragraph needs text on its first line.</summary>
        public static bool NeedsText(string text) => text.Length == 0 || text[0] == '\n';
    }
}
