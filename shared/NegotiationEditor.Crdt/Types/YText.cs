using System.Text;
using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>
/// Shared rich text. Positions and lengths count UTF-16 code units, as in Yjs. Formatting is
/// stored in-band as format markers (attribute starts and ends) between the characters.
/// </summary>
public class YText : SharedType
{
    internal YText()
    {
        SearchMarkers = new List<SearchMarker>();
    }

    /// <summary>Creates a text not yet part of a document (insert it into a map or array).</summary>
    public static YText CreateDetached() => new();

    internal bool HasFormatting;

    internal override byte TypeRef => 2;

    internal override SharedType CreateEmptyCopy() => new YText();

    /// <summary>The number of UTF-16 code units of visible text and embeds.</summary>
    public int Length => LengthField;

    /// <summary>The visible text (embeds are left out).</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(LengthField);
        for (var n = Start; n != null; n = n.Right)
        {
            if (!n.Deleted && n.Countable && n.Content is TextContent s)
            {
                builder.Append(s.Span);
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override object? ToJson() => ToString();

    /// <summary>Inserts text at <paramref name="index"/>; without attributes it takes the formatting found there.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the text.</exception>
    public void Insert(int index, string text, IReadOnlyDictionary<string, object?>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }

        CheckIndex(index);
        CheckAttributes(attributes);
        var doc = RequireDoc();
        var t = doc.BeginTransaction(null, true, out var initial);
        try
        {
            var pos = FindPosition(t, index, attributes == null);
            var attrs = attributes == null
                ? (pos.CurrentAttributes.Count == 0 ? AttributeBag.Empty : pos.CurrentAttributesCopy())
                : new AttributeBag(attributes);
            InsertContent(t, pos, new TextContent(text), attrs);
        }
        finally
        {
            doc.EndTransaction(initial);
        }
    }

    /// <summary>Inserts an embed (an object, such as an image reference) of length 1.</summary>
    public void InsertEmbed(int index, object embed, IReadOnlyDictionary<string, object?>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(embed);
        CheckIndex(index);
        CheckAttributes(attributes);
        if (embed is SharedType type)
        {
            CheckInsertable([type]);
        }
        else
        {
            CheckJson(embed);
        }

        RequireTransaction(t =>
        {
            var pos = FindPosition(t, index, attributes == null);
            ItemContent content = embed is SharedType type ? new TypeContent(type) : new EmbedContent(CheckJson(embed));
            InsertContent(t, pos, content, new AttributeBag(attributes));
        });
    }

    /// <summary>Deletes <paramref name="length"/> units starting at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the text.</exception>
    public void Delete(int index, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (index < 0 || length < 0 || (long)index + length > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"Cannot delete {length} at {index} from a text of length {LengthField}.");
        }

        var doc = RequireDoc();
        var t = doc.BeginTransaction(null, true, out var initial);
        try
        {
            DeleteText(t, FindPosition(t, index, true), length);
        }
        finally
        {
            doc.EndTransaction(initial);
        }
    }

    /// <summary>Sets formatting attributes on a range; a null value removes that attribute.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the text.</exception>
    public void Format(int index, int length, IReadOnlyDictionary<string, object?> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (length == 0)
        {
            return;
        }

        if (index < 0 || length < 0 || (long)index + length > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"Cannot format {length} at {index} in a text of length {LengthField}.");
        }

        CheckAttributes(attributes);
        RequireTransaction(t =>
        {
            var pos = FindPosition(t, index, false);
            if (pos.Right == null)
            {
                return;
            }

            FormatText(t, pos, length, new AttributeBag(attributes));
        });
    }

    /// <summary>The text as a delta: inserts with their attributes.</summary>
    public IReadOnlyList<DeltaOperation> ToDelta() => ToDelta(null);

    /// <summary>The text as it was at <paramref name="snapshot"/> (the document must have gc off).</summary>
    /// <exception cref="InvalidOperationException">The document garbage collects deleted content.</exception>
    public IReadOnlyList<DeltaOperation> ToDelta(Snapshot? snapshot)
    {
        var ops = new List<DeltaOperation>();
        var current = new AttributeBag(null);
        var text = new StringBuilder();

        void PackText()
        {
            if (text.Length > 0)
            {
                ops.Add(new DeltaOperation { Insert = text.ToString(), Attributes = current.Count > 0 ? current.ToDictionary() : null });
                text.Clear();
            }
        }

        void Compute()
        {
            for (var n = Start; n != null; n = n.Right)
            {
                if (!IsVisible(n, snapshot))
                {
                    continue;
                }

                switch (n.Content)
                {
                    case TextContent s:
                        text.Append(s.Span);
                        break;
                    case TypeContent or EmbedContent:
                        PackText();
                        ops.Add(new DeltaOperation { Insert = n.Content.GetContent()[0], Attributes = current.Count > 0 ? current.ToDictionary() : null });
                        break;
                    case FormatContent f:
                        PackText();
                        UpdateCurrentAttributes(current, f);
                        break;
                }
            }

            PackText();
        }

        if (snapshot != null)
        {
            var doc = Doc ?? throw new InvalidOperationException("The text is not part of a document.");
            if (doc.Gc)
            {
                throw new InvalidOperationException("Reading at a snapshot needs a document created with Gc = false: with garbage collection the deleted text is gone.");
            }

            doc.Transact(t =>
            {
                snapshot.SplitAffectedStructs(t);
                Compute();
            }, "cleanup", true);
        }
        else
        {
            Compute();
        }

        return ops;
    }

    /// <summary>The visible text at <paramref name="snapshot"/> (the document must have gc off).</summary>
    public string ToString(Snapshot snapshot)
    {
        var builder = new StringBuilder();
        foreach (var op in ToDelta(snapshot))
        {
            if (op.Insert is string s)
            {
                builder.Append(s);
            }
        }

        return builder.ToString();
    }

    /// <summary>Applies a delta (insert / retain with attributes / delete) from the start of the text.</summary>
    public void ApplyDelta(IEnumerable<DeltaOperation> delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var ops = delta.ToList();
        foreach (var op in ops)
        {
            CheckAttributes(op.Attributes);
            if (op.Insert is SharedType type)
            {
                CheckInsertable([type]);
            }
            else if (op.Insert is not (null or string))
            {
                CheckJson(op.Insert);
            }
        }

        RequireTransaction(t =>
        {
            var pos = new TextPosition(null, Start, 0, new AttributeBag(null));
            foreach (var op in ops)
            {
                if (op.Insert != null)
                {
                    if (op.Insert is string s)
                    {
                        if (s.Length > 0)
                        {
                            InsertContent(t, pos, new TextContent(s), new AttributeBag(op.Attributes));
                        }
                    }
                    else
                    {
                        ItemContent content = op.Insert is SharedType type ? new TypeContent(type) : new EmbedContent(CheckJson(op.Insert));
                        InsertContent(t, pos, content, new AttributeBag(op.Attributes));
                    }
                }
                else if (op.Retain is { } retain)
                {
                    FormatText(t, pos, retain, new AttributeBag(op.Attributes));
                }
                else if (op.Delete is { } delete)
                {
                    DeleteText(t, pos, delete);
                }
            }
        });
    }

    /// <summary>Sets an attribute of the text as a whole (Yjs <c>setAttribute</c>), stored in its map part.</summary>
    public void SetAttribute(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckInsertable([value]);
        RequireTransaction(t => MapSet(t, name, value));
    }

    /// <summary>Removes an attribute of the text as a whole.</summary>
    public void RemoveAttribute(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        RequireTransaction(t => MapDelete(t, name));
    }

    /// <summary>The value of an attribute of the text as a whole, or null.</summary>
    public object? GetAttribute(string name) => MapTryGet(name, out var value) ? value : null;

    /// <summary>All attributes of the text as a whole.</summary>
    public IReadOnlyDictionary<string, object?> GetAttributes() => MapEntries();

    private void CheckIndex(int index)
    {
        if (index < 0 || index > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {LengthField}.");
        }
    }

    private static void CheckAttributes(IReadOnlyDictionary<string, object?>? attributes)
    {
        if (attributes == null)
        {
            return;
        }

        foreach (var value in attributes.Values)
        {
            CheckJson(value);
        }
    }

    private static object? CheckJson(object? value)
    {
        JsJson.Stringify(value);
        return value;
    }

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        base.CallObserver(transaction, parentSubs);
        if (IsObserved)
        {
            CallTypeObservers(transaction, new YTextEvent(this, transaction, parentSubs));
        }
        if (!transaction.Local && HasFormatting)
        {
            transaction.NeedFormattingCleanup = true;
        }
    }

    // ----- the algorithms of Yjs's YText, on a position that walks the list -----

    internal sealed class TextPosition
    {
        public TextPosition(Item? left, Item? right, int index, AttributeBag currentAttributes)
        {
            Left = left;
            Right = right;
            Index = index;
            CurrentAttributes = currentAttributes;
        }

        public Item? Left;
        public Item? Right;
        public int Index;
        public AttributeBag CurrentAttributes;

        public AttributeBag CurrentAttributesCopy() => CurrentAttributes.Copy();

        public void Forward()
        {
            var right = Right ?? throw new InvalidOperationException("Cannot move past the end of the text.");
            if (right.Content is FormatContent f)
            {
                if (!right.Deleted)
                {
                    UpdateCurrentAttributes(CurrentAttributes, f);
                }
            }
            else if (!right.Deleted)
            {
                Index += right.Length;
            }

            Left = right;
            Right = right.Right;
        }
    }

    internal static void UpdateCurrentAttributes(AttributeBag current, FormatContent format)
    {
        if (format.Value == null)
        {
            current.Remove(format.Key);
        }
        else
        {
            current.Set(format.Key, format.Value);
        }
    }

    internal TextPosition FindPosition(Transaction transaction, int index, bool useSearchMarker)
    {
        var current = new AttributeBag(null);
        var marker = useSearchMarker ? FindMarker(index) : null;
        if (marker != null)
        {
            var pos = new TextPosition(marker.Item.Left, marker.Item, marker.Index, current);
            return FindNextPosition(transaction, pos, index - marker.Index);
        }

        return FindNextPosition(transaction, new TextPosition(null, Start, 0, current), index);
    }

    private static TextPosition FindNextPosition(Transaction transaction, TextPosition pos, int count)
    {
        while (pos.Right != null && count > 0)
        {
            var right = pos.Right;
            if (right.Content is FormatContent f)
            {
                if (!right.Deleted)
                {
                    UpdateCurrentAttributes(pos.CurrentAttributes, f);
                }
            }
            else if (!right.Deleted)
            {
                if (count < right.Length)
                {
                    transaction.Doc.Store.GetItemCleanStart(transaction, new StructId(right.Client, right.Clock + count));
                }

                pos.Index += right.Length;
                count -= right.Length;
            }

            pos.Left = right;
            pos.Right = right.Right;
        }

        return pos;
    }

    private static void MinimizeAttributeChanges(TextPosition pos, AttributeBag attributes)
    {
        while (pos.Right != null)
        {
            var right = pos.Right;
            if (right.Deleted || (right.Content is FormatContent f && JsValues.AttributesEqual(attributes.GetOrNull(f.Key), f.Value)))
            {
                pos.Forward();
                continue;
            }

            break;
        }
    }

    private AttributeBag InsertAttributes(Transaction transaction, TextPosition pos, AttributeBag attributes)
    {
        var negated = new AttributeBag(null);
        foreach (var (key, value) in attributes.Entries())
        {
            var currentValue = pos.CurrentAttributes.GetOrNull(key);
            if (!JsValues.AttributesEqual(currentValue, value))
            {
                negated.Set(key, currentValue);
                var item = NewItem(transaction, pos.Left, pos.Right, null, new FormatContent(key, value));
                pos.Right = item;
                item.Integrate(transaction, 0);
                pos.Forward();
            }
        }

        return negated;
    }

    private void InsertNegatedAttributes(Transaction transaction, TextPosition pos, AttributeBag negated)
    {
        while (pos.Right != null
               && (pos.Right.Deleted
                   || (pos.Right.Content is FormatContent f && negated.TryGet(f.Key, out var v) && JsValues.AttributesEqual(v, f.Value))))
        {
            if (!pos.Right.Deleted)
            {
                negated.Remove(((FormatContent)pos.Right.Content).Key);
            }

            pos.Forward();
        }

        foreach (var (key, value) in negated.InsertionOrder())
        {
            var item = NewItem(transaction, pos.Left, pos.Right, null, new FormatContent(key, value));
            item.Integrate(transaction, 0);
            pos.Right = item;
            pos.Forward();
        }
    }

    private void InsertContent(Transaction transaction, TextPosition pos, ItemContent content, AttributeBag attributes)
    {
        if (attributes.Count == 0 && pos.CurrentAttributes.Count == 0 && !HasFormatting)
        {
            // Plain text without any formatting around: nothing to open or close. As Yjs does,
            // the new content goes after deleted items that follow the position.
            while (pos.Right is { Deleted: true })
            {
                pos.Forward();
            }

            if (SearchMarkers != null)
            {
                UpdateMarkerChanges(pos.Index, content.Length);
            }

            var plain = NewItem(transaction, pos.Left, pos.Right, null, content);
            plain.Integrate(transaction, 0);
            pos.Right = plain;
            pos.Forward();
            return;
        }

        if (ReferenceEquals(attributes, AttributeBag.Empty))
        {
            attributes = new AttributeBag(null);
        }

        foreach (var (key, _) in pos.CurrentAttributes.InsertionOrder())
        {
            if (!attributes.Contains(key))
            {
                attributes.Set(key, null);
            }
        }

        MinimizeAttributeChanges(pos, attributes);
        var negated = InsertAttributes(transaction, pos, attributes);
        if (SearchMarkers != null)
        {
            UpdateMarkerChanges(pos.Index, content.Length);
        }

        var index = pos.Index;
        var item = NewItem(transaction, pos.Left, pos.Right, null, content);
        item.Integrate(transaction, 0);
        pos.Right = item;
        pos.Index = index;
        pos.Forward();
        InsertNegatedAttributes(transaction, pos, negated);
    }

    private void FormatText(Transaction transaction, TextPosition pos, int length, AttributeBag attributes)
    {
        MinimizeAttributeChanges(pos, attributes);
        var negated = InsertAttributes(transaction, pos, attributes);
        while (pos.Right != null && (length > 0 || (negated.Count > 0 && (pos.Right.Deleted || pos.Right.Content is FormatContent))))
        {
            var right = pos.Right;
            if (!right.Deleted)
            {
                if (right.Content is FormatContent f)
                {
                    if (attributes.TryGet(f.Key, out var attr))
                    {
                        if (JsValues.AttributesEqual(attr, f.Value))
                        {
                            negated.Remove(f.Key);
                        }
                        else
                        {
                            if (length == 0)
                            {
                                break;
                            }

                            negated.Set(f.Key, f.Value);
                        }

                        right.Delete(transaction);
                    }
                    else
                    {
                        pos.CurrentAttributes.Set(f.Key, f.Value);
                    }
                }
                else
                {
                    if (length < right.Length)
                    {
                        transaction.Doc.Store.GetItemCleanStart(transaction, new StructId(right.Client, right.Clock + length));
                    }

                    length -= right.Length;
                }
            }

            pos.Forward();
        }

        if (length > 0)
        {
            var item = NewItem(transaction, pos.Left, pos.Right, null, new TextContent(new string('\n', length)));
            pos.Right = item;
            item.Integrate(transaction, 0);
            pos.Forward();
        }

        InsertNegatedAttributes(transaction, pos, negated);
    }

    private static int CleanupFormattingGap(Transaction transaction, Item? start, Item? current, AttributeBag startAttributes, AttributeBag currentAttributes)
    {
        var end = start;
        Dictionary<string, FormatContent>? endFormats = null;
        while (end != null && (!end.Countable || end.Deleted))
        {
            if (!end.Deleted && end.Content is FormatContent cf)
            {
                (endFormats ??= new Dictionary<string, FormatContent>())[cf.Key] = cf;
            }

            end = end.Right;
        }

        var cleanups = 0;
        var reachedCurrent = false;
        while (start != end && start != null)
        {
            if (current == start)
            {
                reachedCurrent = true;
            }

            if (!start.Deleted && start.Content is FormatContent format)
            {
                var key = format.Key;
                var value = format.Value;
                var startValue = JsValues.OrNull(startAttributes.GetOrNull(key));
                if (endFormats == null || !endFormats.TryGetValue(key, out var endFormat) || endFormat != format || JsValues.StrictEquals(startValue, value))
                {
                    start.Delete(transaction);
                    cleanups++;
                    if (!reachedCurrent && JsValues.StrictEquals(JsValues.OrNull(currentAttributes.GetOrNull(key)), value) && !JsValues.StrictEquals(startValue, value))
                    {
                        if (startValue == null)
                        {
                            currentAttributes.Remove(key);
                        }
                        else
                        {
                            currentAttributes.Set(key, startValue);
                        }
                    }
                }

                if (!reachedCurrent && !start.Deleted)
                {
                    UpdateCurrentAttributes(currentAttributes, format);
                }
            }

            start = start.Right;
        }

        return cleanups;
    }

    private void DeleteText(Transaction transaction, TextPosition pos, int length)
    {
        var startLength = length;
        var startAttributes = pos.CurrentAttributes.Count == 0 ? AttributeBag.Empty : pos.CurrentAttributes.Copy();
        var start = pos.Right;
        while (length > 0 && pos.Right != null)
        {
            var right = pos.Right;
            if (!right.Deleted && right.Content is TypeContent or EmbedContent or TextContent)
            {
                if (length < right.Length)
                {
                    transaction.Doc.Store.GetItemCleanStart(transaction, new StructId(right.Client, right.Clock + length));
                }

                length -= right.Length;
                right.Delete(transaction);
            }

            pos.Forward();
        }

        if (start != null)
        {
            CleanupFormattingGap(transaction, start, pos.Right, startAttributes, pos.CurrentAttributes);
        }

        var parent = (pos.Left ?? pos.Right)?.Parent;
        if (parent?.SearchMarkers != null)
        {
            parent.UpdateMarkerChanges(pos.Index, -startLength + length);
        }
    }

    /// <summary>Removes format markers made redundant by concurrent edits (Yjs cleanupYTextFormatting).</summary>
    internal int CleanupFormatting()
    {
        var result = 0;
        Doc!.Transact(t =>
        {
            var start = Start;
            var end = Start;
            var startAttributes = new AttributeBag(null);
            var currentAttributes = startAttributes.Copy();
            while (end != null)
            {
                if (!end.Deleted)
                {
                    if (end.Content is FormatContent f)
                    {
                        UpdateCurrentAttributes(currentAttributes, f);
                    }
                    else
                    {
                        result += CleanupFormattingGap(t, start, end, startAttributes, currentAttributes);
                        startAttributes = currentAttributes.Copy();
                        start = end;
                    }
                }

                end = end.Right;
            }
        }, null, true);
        return result;
    }

    internal static void CleanupAfterTransaction(Transaction transaction)
    {
        var needFullCleanup = new HashSet<YText>(ReferenceEqualityComparer.Instance);
        var doc = transaction.Doc;
        foreach (var (client, afterClock) in transaction.AfterState)
        {
            var clock = transaction.BeforeStateOf(client);
            if (afterClock == clock)
            {
                continue;
            }

            StructStore.IterateStructs(transaction, doc.Store.Clients[client], clock, afterClock - clock, s =>
            {
                if (s is Item { Deleted: false, Content: FormatContent, Parent: YText text })
                {
                    needFullCleanup.Add(text);
                }
            });
        }

        doc.Transact(t =>
        {
            transaction.DeleteSet.IterateDeletedStructs(transaction, s =>
            {
                if (s is not Item item || item.Parent is not YText { HasFormatting: true } parent || needFullCleanup.Contains(parent))
                {
                    return;
                }

                if (item.Content is FormatContent)
                {
                    needFullCleanup.Add(parent);
                }
                else
                {
                    CleanupContextlessFormattingGap(t, item);
                }
            });
            foreach (var text in needFullCleanup)
            {
                text.CleanupFormatting();
            }
        }, null, true);
    }

    private static void CleanupContextlessFormattingGap(Transaction transaction, Item? item)
    {
        while (item != null && item.Right != null && (item.Right.Deleted || !item.Right.Countable))
        {
            item = item.Right;
        }

        var keys = new HashSet<string>();
        while (item != null && (item.Deleted || !item.Countable))
        {
            if (!item.Deleted && item.Content is FormatContent f)
            {
                if (!keys.Add(f.Key))
                {
                    item.Delete(transaction);
                }
            }

            item = item.Left;
        }
    }
}

/// <summary>
/// Formatting attributes with JavaScript object semantics: enumeration follows JS property order
/// (integer-like keys first), and insertion order is kept for Map-like uses.
/// </summary>
internal sealed class AttributeBag
{
    private List<KeyValuePair<string, object?>>? entries;

    /// <summary>An empty bag that is only read, never changed.</summary>
    public static readonly AttributeBag Empty = new(null);

    public AttributeBag(IEnumerable<KeyValuePair<string, object?>>? source)
    {
        if (source != null)
        {
            foreach (var (key, value) in source)
            {
                Set(key, value);
            }
        }
    }

    public int Count => entries?.Count ?? 0;

    public AttributeBag Copy() => new(entries);

    public bool Contains(string key) => IndexOf(key) >= 0;

    private int IndexOf(string key)
    {
        if (entries == null)
        {
            return -1;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    public bool TryGet(string key, out object? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? entries![i].Value : null;
        return i >= 0;
    }

    public object? GetOrNull(string key) => TryGet(key, out var value) ? value : null;

    public void Set(string key, object? value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            entries![i] = new KeyValuePair<string, object?>(key, value);
        }
        else
        {
            (entries ??= new List<KeyValuePair<string, object?>>()).Add(new KeyValuePair<string, object?>(key, value));
        }
    }

    public void Remove(string key)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            entries!.RemoveAt(i);
        }
    }

    /// <summary>Entries in JavaScript object enumeration order.</summary>
    public List<KeyValuePair<string, object?>> Entries() => entries == null ? [] : JsPropertyOrder.Order(entries);

    /// <summary>Entries in insertion order (JavaScript Map order).</summary>
    public List<KeyValuePair<string, object?>> InsertionOrder() => entries == null ? [] : [.. entries];

    public Dictionary<string, object?> ToDictionary()
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, value) in entries ?? [])
        {
            result[key] = value;
        }

        return result;
    }
}
