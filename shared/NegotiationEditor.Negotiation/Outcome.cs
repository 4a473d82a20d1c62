namespace NegotiationEditor.Negotiation;

/// <summary>What kind of refusal: lets a server choose its status code (403, 404, 400, 409).</summary>
public enum RefusalKind
{
    /// <summary>The participant may not do this (or not any more: the text is adopted).</summary>
    Forbidden,

    /// <summary>Something named in the request does not exist.</summary>
    NotFound,

    /// <summary>The request itself is malformed or breaks a rule of the negotiation.</summary>
    Invalid,

    /// <summary>The request is well formed but the current state does not allow it (the text moved, the amendment was already decided).</summary>
    Conflict,
}

/// <summary>Why a command was refused, in words to show to the person who sent it.</summary>
/// <param name="Kind">The kind of refusal.</param>
/// <param name="Message">A clear sentence saying what is wrong.</param>
public sealed record Refusal(RefusalKind Kind, string Message)
{
    /// <summary>A refusal of kind <see cref="RefusalKind.Forbidden"/>.</summary>
    public static Refusal Forbidden(string message) => new(RefusalKind.Forbidden, message);

    /// <summary>A refusal of kind <see cref="RefusalKind.NotFound"/>.</summary>
    public static Refusal NotFound(string message) => new(RefusalKind.NotFound, message);

    /// <summary>A refusal of kind <see cref="RefusalKind.Invalid"/>.</summary>
    public static Refusal Invalid(string message) => new(RefusalKind.Invalid, message);

    /// <summary>A refusal of kind <see cref="RefusalKind.Conflict"/>.</summary>
    public static Refusal Conflict(string message) => new(RefusalKind.Conflict, message);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}

/// <summary>The result of a command: a value, or a refusal that left everything as it was.</summary>
/// <typeparam name="T">The value of a success.</typeparam>
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, Refusal? refusal)
    {
        _value = value;
        Refusal = refusal;
    }

    /// <summary>Whether the command succeeded.</summary>
    public bool Succeeded => Refusal is null;

    /// <summary>Why the command was refused; null on success.</summary>
    public Refusal? Refusal { get; }

    /// <summary>The value of a success.</summary>
    /// <exception cref="InvalidOperationException">The command was refused (a programming error: check <see cref="Succeeded"/>).</exception>
    public T Value => Refusal is null
        ? _value!
        : throw new InvalidOperationException($"the command was refused ({Refusal}); there is no value");

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static Outcome<T> Success(T value) => new(value, null);

    /// <summary>A refusal.</summary>
    public static Outcome<T> Refused(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new Outcome<T>(default, refusal);
    }

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static implicit operator Outcome<T>(T value) => Success(value);

    /// <summary>A refusal.</summary>
    public static implicit operator Outcome<T>(Refusal refusal) => Refused(refusal);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Success({_value})" : $"Refused({Refusal})";
}
