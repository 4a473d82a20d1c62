using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>A change of a <see cref="YText"/>: its delta has string inserts with attributes and attribute retains.</summary>
public sealed class YTextEvent : YEvent
{
    private List<DeltaOperation>? delta;

    internal YTextEvent(YText target, Transaction transaction, HashSet<string?> subs) : base(target, transaction)
    {
        KeysChanged = subs.Where(s => s != null).Select(s => s!).ToHashSet();
    }

    /// <summary>Keys of the text's own attribute map that changed.</summary>
    public IReadOnlySet<string> KeysChanged { get; }

    /// <inheritdoc />
    public override IReadOnlyList<DeltaOperation> Delta => delta ??= ComputeDelta();

    private List<DeltaOperation> ComputeDelta()
    {
        var result = new List<DeltaOperation>();
        var doc = Target.Doc!;
        doc.Transact(transaction =>
        {
            var current = new AttributeBag(null);
            var old = new AttributeBag(null);
            var attributes = new AttributeBag(null);
            string? action = null;
            object? insert = null;
            var insertText = new System.Text.StringBuilder();
            var retain = 0;
            var deleteLength = 0;

            void AddOp()
            {
                if (action == null)
                {
                    return;
                }

                DeltaOperation? op = null;
                switch (action)
                {
                    case "delete":
                        if (deleteLength > 0)
                        {
                            op = new DeltaOperation { Delete = deleteLength };
                        }

                        deleteLength = 0;
                        break;
                    case "insert":
                        if (insert != null || insertText.Length > 0)
                        {
                            Dictionary<string, object?>? attrs = null;
                            if (current.Count > 0)
                            {
                                attrs = new Dictionary<string, object?>();
                                foreach (var (key, value) in current.InsertionOrder())
                                {
                                    if (value != null)
                                    {
                                        attrs[key] = value;
                                    }
                                }
                            }

                            op = new DeltaOperation { Insert = insert ?? insertText.ToString(), Attributes = attrs };
                        }

                        insert = null;
                        insertText.Clear();
                        break;
                    case "retain":
                        if (retain > 0)
                        {
                            op = new DeltaOperation { Retain = retain, Attributes = attributes.Count > 0 ? attributes.ToDictionary() : null };
                        }

                        retain = 0;
                        break;
                }

                if (op != null)
                {
                    result.Add(op);
                }

                action = null;
            }

            for (var item = Target.Start; item != null; item = item.Right)
            {
                switch (item.Content)
                {
                    case TypeContent or EmbedContent:
                        if (Adds(item))
                        {
                            if (!Deletes(item))
                            {
                                AddOp();
                                action = "insert";
                                insert = item.Content.GetContent()[0];
                                AddOp();
                            }
                        }
                        else if (Deletes(item))
                        {
                            if (action != "delete")
                            {
                                AddOp();
                                action = "delete";
                            }

                            deleteLength += 1;
                        }
                        else if (!item.Deleted)
                        {
                            if (action != "retain")
                            {
                                AddOp();
                                action = "retain";
                            }

                            retain += 1;
                        }

                        break;
                    case TextContent s:
                        if (Adds(item))
                        {
                            if (!Deletes(item))
                            {
                                if (action != "insert")
                                {
                                    AddOp();
                                    action = "insert";
                                }

                                insertText.Append(s.Span);
                            }
                        }
                        else if (Deletes(item))
                        {
                            if (action != "delete")
                            {
                                AddOp();
                                action = "delete";
                            }

                            deleteLength += item.Length;
                        }
                        else if (!item.Deleted)
                        {
                            if (action != "retain")
                            {
                                AddOp();
                                action = "retain";
                            }

                            retain += item.Length;
                        }

                        break;
                    case FormatContent f:
                    {
                        var key = f.Key;
                        var value = f.Value;
                        if (Adds(item))
                        {
                            if (!Deletes(item))
                            {
                                var currentValue = current.GetOrNull(key);
                                if (!JsValues.AttributesEqual(currentValue, value))
                                {
                                    if (action == "retain")
                                    {
                                        AddOp();
                                    }

                                    if (JsValues.AttributesEqual(value, old.GetOrNull(key)))
                                    {
                                        attributes.Remove(key);
                                    }
                                    else
                                    {
                                        attributes.Set(key, value);
                                    }
                                }
                                else if (value != null)
                                {
                                    item.Delete(transaction);
                                }
                            }
                        }
                        else if (Deletes(item))
                        {
                            old.Set(key, value);
                            var currentValue = current.GetOrNull(key);
                            if (!JsValues.AttributesEqual(currentValue, value))
                            {
                                if (action == "retain")
                                {
                                    AddOp();
                                }

                                attributes.Set(key, currentValue);
                            }
                        }
                        else if (!item.Deleted)
                        {
                            old.Set(key, value);
                            if (attributes.TryGet(key, out var attr))
                            {
                                if (!JsValues.AttributesEqual(attr, value))
                                {
                                    if (action == "retain")
                                    {
                                        AddOp();
                                    }

                                    if (value == null)
                                    {
                                        attributes.Remove(key);
                                    }
                                    else
                                    {
                                        attributes.Set(key, value);
                                    }
                                }
                                else if (attr != null)
                                {
                                    item.Delete(transaction);
                                }
                            }
                        }

                        if (!item.Deleted)
                        {
                            if (action == "insert")
                            {
                                AddOp();
                            }

                            YText.UpdateCurrentAttributes(current, f);
                        }

                        break;
                    }
                }
            }

            AddOp();
            while (result.Count > 0 && result[^1].Retain != null && result[^1].Attributes == null)
            {
                result.RemoveAt(result.Count - 1);
            }
        }, null, true);
        return result;
    }
}
