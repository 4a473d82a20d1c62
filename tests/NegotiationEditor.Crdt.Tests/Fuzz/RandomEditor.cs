namespace NegotiationEditor.Crdt.Tests.Fuzz;

/// <summary>Makes random edits to the text "t", the map "m" (with nested types) and the array "a" of a document.</summary>
internal static class RandomEditor
{
    private static readonly string[] Words = ["a", "bc", "def", " ", "😀", "é", "amend", "\n", "[", "]"];

    private static readonly Dictionary<string, object?>[] Formats =
    [
        new() { ["bold"] = true },
        new() { ["bold"] = null },
        new() { ["italic"] = true, ["color"] = "#00f" },
        new() { ["color"] = null },
    ];

    /// <summary>
    /// Moves an index off the middle of a surrogate pair. Yjs replaces both halves of a pair it
    /// has to split with U+FFFD, on the replicas that split it, so edits inside a pair can leave
    /// replicas with different characters there (in yjs as here); the fuzz keeps to code points.
    /// </summary>
    private static int CodePointBoundary(YText text, int index)
    {
        var s = text.ToString();
        return index > 0 && index < s.Length && char.IsHighSurrogate(s[index - 1]) ? index - 1 : index;
    }

    private static (int Index, int Length) CodePointRange(YText text, int index, int length)
    {
        var start = CodePointBoundary(text, index);
        var end = CodePointBoundary(text, index + length);
        if (end <= start)
        {
            end = Math.Min(text.Length, start + 2);
        }

        return (start, end - start);
    }

    public static void Edit(YDoc doc, Random random)
    {
        var text = doc.GetText("t");
        var map = doc.GetMap("m");
        var array = doc.GetArray("a");
        var choice = random.Next(100);
        if (choice < 35)
        {
            var attributes = random.Next(6) == 0 ? Formats[random.Next(Formats.Length)] : null;
            text.Insert(CodePointBoundary(text, random.Next(text.Length + 1)), Words[random.Next(Words.Length)], attributes);
        }
        else if (choice < 50)
        {
            if (text.Length > 0)
            {
                var index = random.Next(text.Length);
                var (start, length) = CodePointRange(text, index, 1 + random.Next(Math.Min(5, text.Length - index)));
                text.Delete(start, length);
            }
        }
        else if (choice < 56)
        {
            if (text.Length > 0)
            {
                var index = random.Next(text.Length);
                var (start, length) = CodePointRange(text, index, 1 + random.Next(Math.Min(6, text.Length - index)));
                text.Format(start, length, Formats[random.Next(Formats.Length)]);
            }
        }
        else if (choice < 66)
        {
            var key = "k" + random.Next(5);
            switch (random.Next(4))
            {
                case 0:
                    map.Set(key, random.Next(1000));
                    break;
                case 1:
                    map.Set(key, "v" + random.Next(10));
                    break;
                case 2:
                    var nested = YArray.CreateDetached();
                    map.Set(key, nested);
                    nested.Push(random.Next(10), "n");
                    break;
                default:
                    map.Delete(key);
                    break;
            }
        }
        else if (choice < 72)
        {
            // Edit a nested array if there is one.
            foreach (var key in map.Keys)
            {
                if (map.Get(key) is YArray nested)
                {
                    if (nested.Length > 0 && random.Next(2) == 0)
                    {
                        nested.Delete(random.Next(nested.Length));
                    }
                    else
                    {
                        nested.Insert(random.Next(nested.Length + 1), random.Next(100));
                    }

                    break;
                }
            }
        }
        else if (choice < 88)
        {
            var values = new object?[1 + random.Next(3)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(2) == 0 ? random.Next(100) : "e" + random.Next(9);
            }

            array.Insert(random.Next(array.Length + 1), values);
        }
        else
        {
            if (array.Length > 0)
            {
                var index = random.Next(array.Length);
                array.Delete(index, 1 + random.Next(Math.Min(3, array.Length - index)));
            }
        }
    }

    /// <summary>Everything a reader can observe of the document, as text for comparison.</summary>
    public static string Describe(YDoc doc)
    {
        var text = doc.GetText("t");
        var delta = string.Join("|", text.ToDelta().Select(op =>
            $"{op.Insert}{(op.Attributes == null ? string.Empty : "{" + string.Join(",", op.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")) + "}")}"));
        return $"text={text}\ndelta={delta}\nmap={Json(doc.GetMap("m").ToJson())}\narray={Json(doc.GetArray("a").ToJson())}";
    }

    private static string Json(object? value) => value switch
    {
        IDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{Json(e.Value)}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Json)) + "]",
        null => "null",
        _ => value.ToString() ?? string.Empty,
    };
}
