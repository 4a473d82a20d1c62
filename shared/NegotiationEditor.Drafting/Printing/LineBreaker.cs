using System.Text;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Breaks a paragraph's runs into printed lines no wider than a measure: greedy, at spaces only
/// (a word longer than a whole line is cut), white space collapsed to single spaces. A run whose
/// text is "\n" is a hard line break. The first line may have a measure of its own (it is shorter
/// after a wide paragraph number).
/// </summary>
internal static class LineBreaker
{
    public const string HardBreak = "\n";

    public static IReadOnlyList<IReadOnlyList<PrintRun>> Break(IEnumerable<PrintRun> runs, double measureMm, double? firstLineMeasureMm = null)
    {
        var lines = new List<IReadOnlyList<PrintRun>>();
        var restMeasureMm = measureMm;
        measureMm = firstLineMeasureMm ?? measureMm;
        var line = new List<PrintRun>();
        var lineWidth = 0.0;
        PrintRun? pendingSpace = null;

        foreach (var token in Tokens(runs))
        {
            if (token.IsHardBreak)
            {
                lines.Add(Merge(line));
                measureMm = restMeasureMm;
                line = [];
                lineWidth = 0;
                pendingSpace = null;
                continue;
            }

            if (token.IsSpace)
            {
                pendingSpace = line.Count > 0 ? token.Fragments[0] : null;
                continue;
            }

            var spaceWidth = pendingSpace is null ? 0 : TextMeasure.WidthMm(" ", pendingSpace.Style);
            if (line.Count > 0 && lineWidth + spaceWidth + token.Width > measureMm)
            {
                lines.Add(Merge(line));
                measureMm = restMeasureMm;
                line = [];
                lineWidth = 0;
                pendingSpace = null;
                spaceWidth = 0;
            }

            if (pendingSpace is not null)
            {
                line.Add(pendingSpace);
                lineWidth += spaceWidth;
                pendingSpace = null;
            }

            if (token.Width <= measureMm || line.Count > 0)
            {
                line.AddRange(token.Fragments);
                lineWidth += token.Width;
                continue;
            }

            // A word wider than a whole line: cut it where the measure ends.
            foreach (var fragment in token.Fragments)
            {
                var piece = new StringBuilder();
                foreach (var rune in fragment.Text.EnumerateRunes())
                {
                    var runeWidth = TextMeasure.WidthMm(rune.ToString(), fragment.Style);
                    if (lineWidth + runeWidth > measureMm && (line.Count > 0 || piece.Length > 0))
                    {
                        if (piece.Length > 0)
                        {
                            line.Add(fragment with { Text = piece.ToString() });
                            piece.Clear();
                        }

                        lines.Add(Merge(line));
                        measureMm = restMeasureMm;
                        line = [];
                        lineWidth = 0;
                    }

                    piece.Append(rune.ToString());
                    lineWidth += runeWidth;
                }

                if (piece.Length > 0)
                {
                    line.Add(fragment with { Text = piece.ToString() });
                }
            }
        }

        if (line.Count > 0 || lines.Count == 0)
        {
            lines.Add(Merge(line));
        }

        return lines;
    }

    /// <summary>The plain text of a printed line.</summary>
    public static string TextOf(IEnumerable<PrintRun> line) => string.Concat(line.Select(run => run.Text));

    private static IReadOnlyList<PrintRun> Merge(List<PrintRun> line)
    {
        var merged = new List<PrintRun>(line.Count);
        foreach (var run in line)
        {
            if (merged.Count > 0 && merged[^1].Joins(run))
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + run.Text };
            }
            else
            {
                merged.Add(run);
            }
        }

        return merged;
    }

    private sealed record Token(IReadOnlyList<PrintRun> Fragments, double Width, bool IsSpace, bool IsHardBreak);

    /// <summary>Words (one or more fragments with no space between them), single spaces and hard breaks.</summary>
    private static IEnumerable<Token> Tokens(IEnumerable<PrintRun> runs)
    {
        var word = new List<PrintRun>();
        var text = new StringBuilder();
        PrintRun? current = null;

        Token? FlushWord()
        {
            FlushFragment();
            if (word.Count == 0)
            {
                return null;
            }

            var token = new Token(word.ToArray(), word.Sum(f => TextMeasure.WidthMm(f.Text, f.Style)), false, false);
            word.Clear();
            return token;
        }

        void FlushFragment()
        {
            if (current is not null && text.Length > 0)
            {
                word.Add(current with { Text = text.ToString() });
            }

            text.Clear();
        }

        var lastWasSpace = true;
        foreach (var run in runs)
        {
            if (run.Text == HardBreak)
            {
                if (FlushWord() is { } before)
                {
                    yield return before;
                }

                yield return new Token([run], 0, false, true);
                lastWasSpace = true;
                continue;
            }

            FlushFragment();
            current = run;
            foreach (var c in run.Text)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    if (FlushWord() is { } finished)
                    {
                        yield return finished;
                    }

                    if (!lastWasSpace)
                    {
                        yield return new Token([run with { Text = " ", Footnote = null }], 0, true, false);
                    }

                    lastWasSpace = true;
                    current = run;
                }
                else
                {
                    text.Append(c);
                    lastWasSpace = false;
                }
            }
        }

        if (FlushWord() is { } last)
        {
            yield return last;
        }
    }
}
