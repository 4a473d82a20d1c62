namespace NegotiationEditor.Drafting.Drafts;

/// <summary>Reads a draft resolution from its Markdown source (format: <c>docs/notation.md</c>).</summary>
public static class DraftParser
{
    /// <summary>Parses <paramref name="source"/> into a draft.</summary>
    /// <exception cref="DraftFormatException">The source is not a valid draft; the error names line and column.</exception>
    public static Draft Parse(string source) => Parse(source, out _);

    /// <summary>Parses <paramref name="source"/> and tells where each paragraph's text and bullet items start in it.</summary>
    /// <exception cref="DraftFormatException">The source is not a valid draft; the error names line and column.</exception>
    public static Draft Parse(string source, out DraftSourceMap sourceMap)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.StartsWith('\uFEFF'))
        {
            source = source[1..];
        }

        var newLine = DetectNewLine(source);
        var text = newLine == "\r\n" ? source.Replace("\r\n", "\n", StringComparison.Ordinal) : source;
        var lines = text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var next = 0;
        var metadata = ReadFrontMatter(lines, ref next);
        var blocks = ReadBlocks(lines, next);

        string? title = null;
        SourcePosition? titleStart = null;
        var textStarts = new List<SourcePosition>();
        var itemStarts = new List<List<SourcePosition>>();
        var start = 0;
        if (blocks.Count > 0 && SourceRules.IsTitleLine(blocks[0].Lines[0]))
        {
            var block = blocks[0];
            if (block.Lines.Count > 1)
            {
                throw new DraftFormatException(block.FirstLine + 1, 1, "the title is a single line; leave a blank line after it");
            }

            title = block.Lines[0][2..];
            titleStart = new SourcePosition(block.FirstLine, 3);
            if (SourceRules.IsBlank(title))
            {
                throw new DraftFormatException(block.FirstLine, 1, "the title is empty");
            }

            start = 1;
        }

        var paragraphs = new List<Paragraph>();
        var explicitIds = new Dictionary<ParagraphId, int>();
        for (var b = start; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (SourceRules.IsBulletLine(block.Lines[0]))
            {
                if (paragraphs.Count == 0)
                {
                    throw new DraftFormatException(block.FirstLine, 1, "a bullet list must follow the paragraph it belongs to");
                }

                var owner = paragraphs[^1];
                var items = owner.Items.Concat(ReadItems(block, 0, startsNewBlock: true, itemStarts[^1]));
                paragraphs[^1] = Build(block.FirstLine, () => owner.WithItems(items));
                continue;
            }

            var positions = new List<SourcePosition>();
            paragraphs.Add(ReadParagraph(block, explicitIds, out var textStart, positions));
            textStarts.Add(textStart);
            itemStarts.Add(positions);
        }

        try
        {
            var draft = new Draft(metadata, title, paragraphs, newLine);
            sourceMap = new DraftSourceMap(titleStart, textStarts, itemStarts);
            return draft;
        }
        catch (ArgumentException e)
        {
            throw new DraftFormatException(1, 1, Reason(e));
        }
    }

    private static string DetectNewLine(string source)
    {
        string? newLine = null;
        var line = 1;
        var column = 1;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\r')
            {
                if (i + 1 >= source.Length || source[i + 1] != '\n')
                {
                    throw new DraftFormatException(line, column, "a carriage return without a line feed; lines end with \\n or \\r\\n");
                }

                newLine ??= "\r\n";
                i++;
                line++;
                column = 1;
            }
            else if (c == '\n')
            {
                newLine ??= "\n";
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return newLine ?? "\n";
    }

    private static DraftMetadata ReadFrontMatter(List<string> lines, ref int next)
    {
        if (lines.Count == 0 || lines[0] != SourceRules.FrontMatterFence)
        {
            return DraftMetadata.Empty;
        }

        var entries = new List<KeyValuePair<string, string>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            if (line == SourceRules.FrontMatterFence)
            {
                next = i + 1;
                return new DraftMetadata(entries);
            }

            if (SourceRules.IsBlank(line))
            {
                throw new DraftFormatException(1, 1, $"the front matter opened by '---' is not closed by a '---' line before the blank line {lineNumber}");
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new DraftFormatException(lineNumber, 1, $"a front matter line is 'key: value', not '{line}'");
            }

            var key = line[..colon];
            if (DraftMetadata.CheckKey(key) is { } keyProblem)
            {
                throw new DraftFormatException(lineNumber, 1, keyProblem);
            }

            if (!keys.Add(key))
            {
                throw new DraftFormatException(lineNumber, 1, $"the front matter key '{key}' appears twice");
            }

            var valueStart = colon + 1 < line.Length && line[colon + 1] == ' ' ? colon + 2 : colon + 1;
            var value = line[valueStart..];
            if (key == DraftMetadata.StatusKey && DraftMetadata.CheckStatus(value) is { } statusProblem)
            {
                throw new DraftFormatException(lineNumber, valueStart + 1, statusProblem);
            }

            entries.Add(new(key, value));
        }

        throw new DraftFormatException(1, 1, "the front matter opened by '---' is not closed by a '---' line");
    }

    private static List<Block> ReadBlocks(List<string> lines, int start)
    {
        var blocks = new List<Block>();
        Block? current = null;
        for (var i = start; i < lines.Count; i++)
        {
            if (SourceRules.IsBlank(lines[i]))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = new Block(i + 1, []);
                blocks.Add(current);
            }

            current.Lines.Add(lines[i]);
        }

        return blocks;
    }

    private static Paragraph ReadParagraph(Block block, Dictionary<ParagraphId, int> explicitIds, out SourcePosition textStart, List<SourcePosition> itemStarts)
    {
        var first = block.Lines[0];
        var kind = ParagraphKind.Unnumbered;
        ParagraphNumber? number = null;
        var prefixLength = 0;
        var prefix = SourceRules.NumberPrefix().Match(first);
        if (prefix.Success && SourceRules.StartsWithNumber(first))
        {
            kind = prefix.Groups[1].Success ? ParagraphKind.Preambular : ParagraphKind.Operative;
            number = new ParagraphNumber(
                int.Parse(prefix.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                prefix.Groups[3].Success ? prefix.Groups[3].Value : null);
            prefixLength = prefix.Length;
        }

        var firstText = first[prefixLength..];
        textStart = new SourcePosition(block.FirstLine, prefixLength + 1);
        ParagraphId? id = null;
        var idMatch = SourceRules.IdSuffix().Match(firstText);
        if (idMatch.Success)
        {
            var idColumn = prefixLength + idMatch.Groups[1].Index - 1;
            var value = idMatch.Groups[1].Value;
            if (!ParagraphId.IsValid(value))
            {
                throw new DraftFormatException(block.FirstLine, idColumn, $"'{value}' is not a paragraph id: use letters, digits and - _ . : starting with a letter or digit");
            }

            id = new ParagraphId(value);
            if (explicitIds.TryGetValue(id.Value, out var earlier))
            {
                throw new DraftFormatException(block.FirstLine, idColumn, $"the paragraph id '{value}' is already used on line {earlier}");
            }

            explicitIds.Add(id.Value, block.FirstLine);
            firstText = firstText[..idMatch.Index];
        }

        var textLines = new List<string> { firstText };
        var index = 1;
        while (index < block.Lines.Count && !SourceRules.IsBulletLine(block.Lines[index]))
        {
            textLines.Add(block.Lines[index]);
            index++;
        }

        var items = ReadItems(block, index, startsNewBlock: false, itemStarts);
        return Build(block.FirstLine, () => new Paragraph(kind, number, string.Join('\n', textLines), items, id));
    }

    private static List<ParagraphItem> ReadItems(Block block, int from, bool startsNewBlock, List<SourcePosition> itemStarts)
    {
        var items = new List<ParagraphItem>();
        var index = from;
        while (index < block.Lines.Count)
        {
            var lineNumber = block.FirstLine + index;
            itemStarts.Add(new SourcePosition(lineNumber, 3));
            SourceRules.TryReadBullet(block.Lines[index], out var marker);
            var itemLines = new List<string> { block.Lines[index][2..] };
            index++;
            while (index < block.Lines.Count && !SourceRules.IsBulletLine(block.Lines[index]))
            {
                itemLines.Add(block.Lines[index]);
                index++;
            }

            var isFirst = items.Count == 0;
            items.Add(Build(lineNumber, () => new ParagraphItem(string.Join('\n', itemLines), marker, startsNewBlock && isFirst)));
        }

        return items;
    }

    private static T Build<T>(int line, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new DraftFormatException(line, 1, Reason(e));
        }
    }

    private static string Reason(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);

    private sealed record Block(int FirstLine, List<string> Lines);
}
