using System.Diagnostics;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Faults.Tests.Typists;

namespace NegotiationEditor.Faults.Tests.Support;

/// <summary>
/// The clients of a faults run: a third are the .NET client over the hub with MessagePack, a third the same with JSON,
/// a third raw y-websocket peers on /ws, each joining one of the given addresses (proxies) in turn with one of the
/// writers' tokens in turn. They type at a steady random pace for a while, then everyone is checked.
/// </summary>
public sealed class TypingRound : IAsyncDisposable
{
    /// <summary>The chance that a raw y-websocket peer closes its tab after a dropped connection instead of reconnecting.</summary>
    public const double CloseTabChance = 0.25;

    private readonly int _seed;

    private TypingRound(int seed, IReadOnlyList<ITypist> typists)
    {
        _seed = seed;
        Typists = typists;
    }

    public IReadOnlyList<ITypist> Typists { get; }

    /// <summary>Joins <paramref name="count"/> clients to <paramref name="documentId"/> (no faults yet: the proxies are calm).</summary>
    public static async Task<TypingRound> JoinAsync(int seed, int count, IReadOnlyList<Uri> addresses, IReadOnlyList<string> writerTokens, string documentId)
    {
        var joining = Enumerable.Range(0, count).Select(async number =>
        {
            var address = addresses[number % addresses.Count];
            var token = writerTokens[number % writerTokens.Count];
            var random = new Random(Seeds.Mix(seed, number, 10));
            var clientId = (ulong)random.NextInt64(1, uint.MaxValue);
            ITypist typist = (number % 3) switch
            {
                0 => await WebsocketTypist.JoinAsync($"ws-{number}",
                    new Uri($"ws://{address.Authority}/ws/{documentId}?access_token={Uri.EscapeDataString(token)}"), random, CloseTabChance),
                1 => await HubTypist.JoinAsync($"hub-msgpack-{number}", Invite.For(address.ToString(), token), documentId, messagePack: true, clientId),
                _ => await HubTypist.JoinAsync($"hub-json-{number}", Invite.For(address.ToString(), token), documentId, messagePack: false, clientId),
            };
            return typist;
        });
        return new TypingRound(seed, await Task.WhenAll(joining));
    }

    /// <summary>Every client types, one keystroke every 250 to 1250 ms, for <paramref name="duration"/>.</summary>
    public async Task TypeAsync(TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Typists.Select((typist, number) => Task.Run(async () =>
        {
            var random = new Random(Seeds.Mix(_seed, number, 11));
            while (clock.Elapsed < duration)
            {
                await Task.Delay(random.Next(250, 1250));
                typist.Strike(random);
            }
        })));
    }

    /// <summary>Whether every client is connected and synced now.</summary>
    public bool AllSynced => Typists.All(typist => typist.IsSynced);

    /// <summary>The copies' texts and state vectors as they are now, with who holds each.</summary>
    public IReadOnlyList<Copy> Copies() =>
        [.. Typists.Select(typist => new Copy(typist.Name, typist.Text, Convert.ToBase64String(typist.StateVector())))];

    /// <summary>What the server must hold: every marker a client still holds, and the acknowledged ones of closed tabs.</summary>
    public IReadOnlySet<string> MarkersThatMustSurvive() =>
        Typists.SelectMany(typist => typist.Typed.Concat(typist.AcknowledgedInClosedTabs)).ToHashSet();

    /// <summary>Every marker ever typed.</summary>
    public IReadOnlySet<string> MarkersEverTyped() => Typists.SelectMany(typist => typist.EverTyped).ToHashSet();

    /// <summary>How many tabs the raw y-websocket peers closed and replaced.</summary>
    public int ClosedTabs => Typists.OfType<WebsocketTypist>().Sum(typist => typist.Tabs - 1);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Typists.Select(typist => typist.DisposeAsync().AsTask()));
    }

    /// <summary>One client's copy of the document.</summary>
    public sealed record Copy(string Holder, string Text, string StateVector);
}
