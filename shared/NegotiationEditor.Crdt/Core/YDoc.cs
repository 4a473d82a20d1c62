using System.Security.Cryptography;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>Options of a <see cref="YDoc"/>.</summary>
public sealed record YDocOptions
{
    /// <summary>Whether deleted content is garbage collected after each transaction (default true). Snapshots need false.</summary>
    public bool Gc { get; init; } = true;

    /// <summary>The document's guid; a new random one when null.</summary>
    public string? Guid { get; init; }

    /// <summary>For sub-documents: whether peers should load it automatically.</summary>
    public bool AutoLoad { get; init; }

    /// <summary>For sub-documents: application data carried with the reference.</summary>
    public object? Meta { get; init; }

    internal Dictionary<string, object?> ToAny()
    {
        var options = new Dictionary<string, object?>();
        if (!Gc)
        {
            options["gc"] = false;
        }

        if (AutoLoad)
        {
            options["autoLoad"] = true;
        }

        if (Meta != null)
        {
            options["meta"] = Meta;
        }

        return options;
    }
}

/// <summary>The update produced by one transaction, in update format V1.</summary>
public sealed class UpdateEventArgs : EventArgs
{
    internal UpdateEventArgs(byte[] update, Transaction transaction)
    {
        Update = update;
        Transaction = transaction;
    }

    /// <summary>The V1 update bytes, ready to send to peers.</summary>
    public byte[] Update { get; }

    /// <summary>The origin given to the transaction (or to <see cref="Y.ApplyUpdate"/>).</summary>
    public object? Origin => Transaction.Origin;

    /// <summary>The finished transaction.</summary>
    public Transaction Transaction { get; }
}

/// <summary>
/// A Yjs-compatible document: named root types (text, map, array) over one struct store.
/// Not thread-safe: use one document from one thread at a time.
/// </summary>
public sealed class YDoc
{
    private readonly List<Transaction> cleanups = new();

    /// <summary>
    /// The changed-types bookkeeping of a finished transaction that no event refers to, kept for the
    /// next transaction (cleared; its sets of changed keys in <see cref="SpareChangedKeys"/>).
    /// </summary>
    internal Dictionary<SharedType, HashSet<string?>>? SpareChanged;

    internal readonly Stack<HashSet<string?>> SpareChangedKeys = new();
    private Transaction? current;

    /// <summary>Creates a document with a random 32-bit client id.</summary>
    public YDoc() : this(NewClientId(), new YDocOptions())
    {
    }

    /// <summary>Creates a document with the given client id (up to 2^53 − 1).</summary>
    public YDoc(ulong clientId) : this(clientId, new YDocOptions())
    {
    }

    /// <summary>Creates a document with options and a random 32-bit client id.</summary>
    public YDoc(YDocOptions options) : this(NewClientId(), options)
    {
    }

    /// <summary>Creates a document with the given client id and options.</summary>
    public YDoc(ulong clientId, YDocOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (clientId > Encoding.Lib0Writer.MaxSafeInteger)
        {
            throw new ArgumentOutOfRangeException(nameof(clientId), "Client ids are limited to 2^53 - 1.");
        }

        ClientId = clientId;
        Options = options;
        Gc = options.Gc;
        Guid = options.Guid ?? System.Guid.NewGuid().ToString();
    }

    /// <summary>The id under which this document's own changes are recorded.</summary>
    public ulong ClientId { get; private set; }

    /// <summary>The document's guid (used for sub-documents).</summary>
    public string Guid { get; }

    /// <summary>The options the document was created with.</summary>
    public YDocOptions Options { get; }

    /// <summary>Whether deleted content is garbage collected.</summary>
    public bool Gc { get; }

    internal StructStore Store { get; } = new();

    /// <summary>For a sub-document: the item that holds it in its parent document.</summary>
    internal Structs.Item? ParentItem { get; set; }

    internal Dictionary<string, SharedType> Share { get; } = new();

    internal Transaction? CurrentTransaction => current;

    /// <summary>Raised once per transaction that changed the document, with the V1 update and the origin.</summary>
    public event EventHandler<UpdateEventArgs>? Updated;

    /// <summary>Raised after the observers of each transaction ran, changed or not.</summary>
    public event EventHandler<Transaction>? AfterTransaction;

    internal bool HasUpdateHandlers => Updated != null;

    /// <summary>The names of the root types defined so far.</summary>
    public IReadOnlyCollection<string> RootNames => Share.Keys;

    internal static YDoc CreateSubdocument(string guid, YDocOptions options) =>
        new(NewClientId(), options with { Guid = guid });

    private static ulong NewClientId() => (ulong)(uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);

    internal void RenewClientId() => ClientId = NewClientId();

    internal void RaiseUpdate(byte[] update, Transaction transaction) => Updated?.Invoke(this, new UpdateEventArgs(update, transaction));

    internal void RaiseAfterTransaction(Transaction transaction) => AfterTransaction?.Invoke(this, transaction);

    /// <summary>The text root type named <paramref name="name"/>, created on first use.</summary>
    /// <exception cref="InvalidOperationException">The name is already used by a map or an array.</exception>
    public YText GetText(string name) => GetRoot(name, () => new YText());

    /// <summary>The map root type named <paramref name="name"/>, created on first use.</summary>
    /// <exception cref="InvalidOperationException">The name is already used by another kind of type.</exception>
    public YMap GetMap(string name) => GetRoot(name, () => new YMap());

    /// <summary>The array root type named <paramref name="name"/>, created on first use.</summary>
    /// <exception cref="InvalidOperationException">The name is already used by another kind of type.</exception>
    public YArray GetArray(string name) => GetRoot(name, () => new YArray());

    /// <summary>The XML fragment root type named <paramref name="name"/>, created on first use.</summary>
    public YXmlFragment GetXmlFragment(string name) => GetRoot(name, () => new YXmlFragment());

    internal SharedType GetOrCreateRoot(string name)
    {
        if (!Share.TryGetValue(name, out var type))
        {
            type = new UntypedRoot();
            type.RootName = name;
            type.Integrate(this, null);
            Share[name] = type;
        }

        return type;
    }

    private T GetRoot<T>(string name, Func<T> create) where T : SharedType
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Share.TryGetValue(name, out var existing))
        {
            var created = create();
            created.RootName = name;
            created.Integrate(this, null);
            Share[name] = created;
            return created;
        }

        if (existing is T typed)
        {
            return typed;
        }

        if (existing is UntypedRoot)
        {
            // The update named the root before the application chose its kind: adopt its content.
            var adopted = create();
            adopted.RootName = name;
            adopted.Map.Clear();
            foreach (var (key, last) in existing.Map)
            {
                adopted.Map[key] = last;
                for (var n = last; n != null; n = n.Left)
                {
                    n.Parent = adopted;
                }
            }

            adopted.Start = existing.Start;
            for (var n = adopted.Start; n != null; n = n.Right)
            {
                n.Parent = adopted;
            }

            adopted.LengthField = existing.LengthField;
            Share[name] = adopted;
            adopted.Integrate(this, null);
            return adopted;
        }

        throw new InvalidOperationException($"The root type '{name}' is already defined as {existing.GetType().Name}.");
    }

    /// <summary>
    /// Runs <paramref name="body"/> as one transaction: observers and the <see cref="Updated"/> event
    /// run once when the outermost transaction ends. Nested calls join the running transaction.
    /// </summary>
    public void Transact(Action<Transaction> body, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        Transact(body, origin, true);
    }

    internal void Transact(Action<Transaction> body, object? origin, bool local)
    {
        var transaction = BeginTransaction(origin, local, out var initial);
        try
        {
            body(transaction);
        }
        finally
        {
            EndTransaction(initial);
        }
    }

    /// <summary>
    /// Starts a transaction, or joins the running one. Pair with <see cref="EndTransaction"/> in a
    /// finally block; the edit paths use this pair to avoid allocating a delegate per edit.
    /// </summary>
    internal Transaction BeginTransaction(object? origin, bool local, out bool initial)
    {
        initial = current == null;
        if (initial)
        {
            current = new Transaction(this, origin, local);
            cleanups.Add(current);
        }

        return current!;
    }

    internal void EndTransaction(bool initial)
    {
        if (!initial)
        {
            return;
        }

        var finish = cleanups.Count > 0 && cleanups[0] == current;
        current = null;
        if (finish)
        {
            Transaction.Cleanup(cleanups, 0);
        }
    }
}
