namespace NegotiationEditor.Drafting.Notation;

/// <summary>Reads a text (a paragraph's, a bullet item's, a title) as bracket notation; see <c>docs/notation.md</c>.</summary>
public static class BracketParser
{
    /// <summary>Reads <paramref name="text"/> into plain runs and brackets.</summary>
    /// <exception cref="NotationFormatException">A nested or unclosed bracket, a stray ']' '{' '}', an empty alternative or a bad
    /// attribution; line and column (1-based) count in <paramref name="text"/>.</exception>
    public static BracketedText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Reader(text).ReadText();
    }

    internal static BracketedText? TryParse(string text, out string? problem)
    {
        try
        {
            problem = null;
            return Parse(text);
        }
        catch (NotationFormatException e)
        {
            problem = e.Message;
            return null;
        }
    }

    internal static void CheckReadsBack(Bracket bracket, string parameter)
    {
        var reread = TryParse(bracket.Source, out var problem);
        if (reread is null || reread.Segments.Count != 1 || !bracket.Equals(reread.Segments[0]))
        {
            throw new ArgumentException(
                $"the bracket {bracket.Source} would not be read back as written: {problem ?? "an alternative holds notation (escape [ ] { } and ' / ')"}",
                parameter);
        }
    }

    private sealed class Reader(string text)
    {
        private readonly string _text = text;

        public BracketedText ReadText()
        {
            var segments = new List<Segment>();
            var plainStart = 0;
            var i = 0;
            while (i < _text.Length)
            {
                switch (_text[i])
                {
                    case '\\' when i + 1 < _text.Length && SourceText.IsEscapable(_text[i + 1]):
                        i += 2;
                        continue;
                    case '[':
                        if (TrySkipLink(i, out var afterLink))
                        {
                            i = afterLink;
                            continue;
                        }

                        if (i > plainStart)
                        {
                            segments.Add(new PlainText(_text[plainStart..i]));
                        }

                        i = ReadBracket(i, segments);
                        plainStart = i;
                        continue;
                    case ']':
                        throw Error(i, "a ']' without an opening '['; write '\\]' for a literal bracket");
                    case '{':
                        throw Error(i, "an attribution {...} belongs inside a bracket, right after its alternative; write '\\{' for a literal brace");
                    case '}':
                        throw Error(i, "a '}' without an opening '{'; write '\\}' for a literal brace");
                    default:
                        i++;
                        continue;
                }
            }

            if (i > plainStart)
            {
                segments.Add(new PlainText(_text[plainStart..i]));
            }

            return BracketedText.Read(segments);
        }

        /// <summary>Reads the bracket opened at <paramref name="open"/>; returns the index after its ']'.</summary>
        private int ReadBracket(int open, List<Segment> segments)
        {
            var alternatives = new List<Alternative>();
            var start = open + 1;
            var attributionOpen = -1;
            Attribution? attribution = null;
            var i = open + 1;
            while (i < _text.Length)
            {
                var c = _text[i];
                if (c == '\\' && i + 1 < _text.Length && SourceText.IsEscapable(_text[i + 1]))
                {
                    i += 2;
                    continue;
                }

                if (c == '[')
                {
                    if (TrySkipLink(i, out var afterLink))
                    {
                        i = afterLink;
                        continue;
                    }

                    var (line, column) = SourceText.LineAndColumn(_text, open);
                    throw Error(i, $"brackets do not nest: a '[' inside the bracket opened at line {line}, column {column}; write '\\[' for a literal bracket");
                }

                if (c == '{')
                {
                    attributionOpen = i;
                    var close = FindAttributionEnd(i);
                    var source = _text[(i + 1)..close];
                    attribution = ReadAttribution(source, i + 1);
                    i = close + 1;
                    if (!(i < _text.Length && (_text[i] == ']' || IsSeparatorAt(i))))
                    {
                        throw Error(i, "an attribution {...} ends its alternative: ' / ' or ']' must follow it");
                    }

                    continue;
                }

                if (c == '}')
                {
                    throw Error(i, "a '}' without an opening '{'; write '\\}' for a literal brace");
                }

                if (c == ']' || IsSeparatorAt(i))
                {
                    alternatives.Add(MakeAlternative(start, i, attributionOpen, attribution));
                    attribution = null;
                    attributionOpen = -1;
                    if (c == ']')
                    {
                        segments.Add(Bracket.Read([.. alternatives]));
                        return i + 1;
                    }

                    i += Bracket.Separator.Length;
                    start = i;
                    continue;
                }

                i++;
            }

            throw Error(open, "the bracket opened here is not closed by ']'");
        }

        private Alternative MakeAlternative(int start, int end, int attributionOpen, Attribution? attribution)
        {
            if (attribution is null)
            {
                var text = _text[start..end];
                if (SourceText.IsBlank(text))
                {
                    throw Error(start, "an empty alternative: write the wording, or (delete) for the option to delete");
                }

                return new Alternative(text);
            }

            var before = _text[start..attributionOpen];
            var wording = before.TrimEnd(' ', '\t');
            if (SourceText.IsBlank(wording))
            {
                throw Error(start, "an attribution needs the wording it belongs to, e.g. [bearing in mind {Greece}] or [(delete) {South Africa}]");
            }

            return new Alternative(wording, attribution, before[wording.Length..]);
        }

        private int FindAttributionEnd(int open)
        {
            for (var i = open + 1; i < _text.Length; i++)
            {
                switch (_text[i])
                {
                    case '}':
                        return i;
                    case '{' or '[' or ']':
                        throw Error(open, "the attribution opened here is not closed by '}' before the next bracket or brace");
                }
            }

            throw Error(open, "the attribution opened here is not closed by '}'");
        }

        private Attribution ReadAttribution(string source, int offset)
        {
            try
            {
                return Attribution.Parse(source);
            }
            catch (NotationFormatException e)
            {
                // Attribution positions count in its own source; recount them in the whole text.
                var lineStart = 0;
                for (var line = 1; line < e.Line; line++)
                {
                    lineStart = source.IndexOf('\n', lineStart) + 1;
                }

                throw Error(offset + lineStart + e.Column - 1, e.Reason);
            }
        }

        private bool IsSeparatorAt(int i) =>
            i + 2 < _text.Length && _text[i] == ' ' && _text[i + 1] == '/' && _text[i + 2] == ' ';

        /// <summary>A Markdown link or image <c>[text](url)</c> is ordinary text, not a bracket.</summary>
        private bool TrySkipLink(int open, out int after)
        {
            after = open;
            var i = open + 1;
            while (i < _text.Length)
            {
                var c = _text[i];
                if (c == '\\' && i + 1 < _text.Length)
                {
                    i += 2;
                    continue;
                }

                if (c is '[' or '{' or '}' || IsSeparatorAt(i))
                {
                    return false;
                }

                if (c == ']')
                {
                    break;
                }

                i++;
            }

            if (i + 1 >= _text.Length || _text[i + 1] != '(')
            {
                return false;
            }

            var depth = 0;
            for (var j = i + 1; j < _text.Length; j++)
            {
                if (_text[j] == '(')
                {
                    depth++;
                }
                else if (_text[j] == ')' && --depth == 0)
                {
                    after = j + 1;
                    return true;
                }
                else if (_text[j] is ' ' or '\n' or '[' or ']')
                {
                    return false;
                }
            }

            return false;
        }

        private NotationFormatException Error(int offset, string reason)
        {
            var (line, column) = SourceText.LineAndColumn(_text, offset);
            return new NotationFormatException(line, column, reason);
        }
    }
}
