using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Access;

/// <summary>
/// The negotiation as it stands now, shared by every channel. Commands of the workflow run one at a time through
/// <see cref="Apply{T}"/>: a success is stored before it becomes the current state; a refusal changes nothing.
/// Readers take <see cref="Current"/> without locking (the state is immutable).
/// </summary>
public sealed class LiveNegotiation
{
    private readonly INegotiationStore _store;
    private readonly Lock _commands = new();
    private volatile NegotiationState? _current;

    /// <summary>Loads the stored negotiation, if there is one.</summary>
    public LiveNegotiation(INegotiationStore store)
    {
        _store = store;
        _current = store.Load();
    }

    /// <summary>Raised after every stored change, with the new state.</summary>
    public event Action<NegotiationState>? Changed;

    /// <summary>Whether a negotiation exists in the data folder.</summary>
    public bool Exists => _current is not null;

    /// <summary>The current state.</summary>
    /// <exception cref="InvalidOperationException">No negotiation has been created yet.</exception>
    public NegotiationState Current => _current ?? throw new InvalidOperationException("The data folder holds no negotiation yet.");

    /// <summary>Runs a workflow command on the current state; stores and publishes the new state when it succeeds.</summary>
    public Outcome<T> Apply<T>(Func<NegotiationState, Outcome<Change<T>>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        NegotiationState next;
        T value;
        lock (_commands)
        {
            Outcome<Change<T>> outcome;
            if (_store is ISharedNegotiationStore shared)
            {
                // Other nodes write the same store: the command runs on the latest stored state, under its lock.
                Outcome<Change<T>>? decided = null;
                _current = shared.Change(stored =>
                {
                    decided = command(stored ?? Current);
                    return decided.Succeeded ? decided.Value.Negotiation : null;
                }) ?? _current;
                outcome = decided!;
            }
            else
            {
                outcome = command(Current);
            }
            if (!outcome.Succeeded)
            {
                return outcome.Refusal!;
            }
            next = outcome.Value.Negotiation;
            value = outcome.Value.Value;
            if (_store is not ISharedNegotiationStore)
            {
                _store.Save(next);
            }
            _current = next;
        }
        Changed?.Invoke(next);
        return value;
    }

    /// <summary>Reloads the stored negotiation (another node changed it) and publishes it, when there is one.</summary>
    public void Reload()
    {
        NegotiationState? loaded;
        lock (_commands)
        {
            loaded = _store.Load();
            if (loaded is null)
            {
                return;
            }
            _current = loaded;
        }
        Changed?.Invoke(loaded);
    }

    /// <summary>Stores a whole new negotiation (the seed); only allowed while the data folder holds none.</summary>
    /// <exception cref="InvalidOperationException">A negotiation exists already.</exception>
    public void Create(NegotiationState negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        lock (_commands)
        {
            if (_current is not null)
            {
                throw new InvalidOperationException("The data folder holds a negotiation already.");
            }
            if (_store is ISharedNegotiationStore shared)
            {
                // Two nodes starting together on an empty database: only the first one's negotiation is kept.
                var stored = shared.Change(existing => existing is null ? negotiation : null);
                if (!ReferenceEquals(stored, negotiation))
                {
                    _current = stored;
                    throw new InvalidOperationException("The database holds a negotiation already: another node created it first.");
                }
            }
            else
            {
                _store.Save(negotiation);
            }
            _current = negotiation;
        }
        Changed?.Invoke(negotiation);
    }

    /// <summary>The participant an invite token identifies now, or why it identifies nobody.</summary>
    public Outcome<Participant> Authenticate(InviteToken token) =>
        _current is { } state ? state.Authenticate(token) : Refusal.Forbidden("the server holds no negotiation yet");
}
