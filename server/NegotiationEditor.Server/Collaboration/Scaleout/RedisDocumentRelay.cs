using StackExchange.Redis;

namespace NegotiationEditor.Server.Collaboration.Scaleout;

/// <summary>
/// The nodes' shared channel for document frames: Redis pub/sub, one channel per document. A message is this node's
/// id (16 bytes), then the y-websocket frame as it was broadcast.
/// </summary>
public sealed class RedisDocumentRelay : IDisposable
{
    /// <summary>The channel name's prefix; the document id follows it.</summary>
    public const string ChannelPrefix = "negotiation-editor:document:";

    /// <summary>The channel telling nodes that the stored negotiation (amendments, positions, revisions) changed.</summary>
    public const string NegotiationChannel = "negotiation-editor:negotiation";

    private const int HeaderLength = 16;

    private readonly ConnectionMultiplexer _redis;

    /// <summary>Connects to Redis at <paramref name="configuration"/> (<c>HOST:PORT</c>, or StackExchange.Redis options).</summary>
    /// <exception cref="IOException">Redis cannot be reached.</exception>
    public RedisDocumentRelay(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        try
        {
            _redis = ConnectionMultiplexer.Connect(configuration);
        }
        catch (RedisConnectionException exception)
        {
            throw new IOException($"Redis at {configuration} cannot be reached: {exception.Message}", exception);
        }
    }

    /// <summary>This node's id in relayed messages (its own messages come back to it and are skipped).</summary>
    public Guid Node { get; } = Guid.NewGuid();

    /// <summary>Sends a frame broadcast in <paramref name="documentId"/>'s room to the other nodes.</summary>
    public void Publish(string documentId, byte[] frame)
    {
        var message = new byte[HeaderLength + frame.Length];
        Node.TryWriteBytes(message);
        frame.CopyTo(message, HeaderLength);
        _redis.GetSubscriber().Publish(RedisChannel.Literal(ChannelPrefix + documentId), message, CommandFlags.FireAndForget);
    }

    /// <summary>
    /// Calls <paramref name="receive"/> with (document id, frame) for every frame another node publishes, one at a
    /// time in the order Redis delivers them.
    /// </summary>
    public async Task SubscribeAsync(Func<string, byte[], Task> receive)
    {
        var queue = await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(ChannelPrefix + "*")).ConfigureAwait(false);
        queue.OnMessage(async message =>
        {
            byte[]? bytes = message.Message;
            var channel = message.Channel.ToString();
            if (bytes is null || bytes.Length <= HeaderLength || !channel.StartsWith(ChannelPrefix, StringComparison.Ordinal)
                || new Guid(bytes.AsSpan(0, 16)) == Node)
            {
                return;
            }
            await receive(channel[ChannelPrefix.Length..], bytes[HeaderLength..]).ConfigureAwait(false);
        });
    }

    /// <summary>Tells the other nodes that the stored negotiation has changed.</summary>
    public void PublishNegotiationChanged()
    {
        var message = new byte[16];
        Node.TryWriteBytes(message);
        _redis.GetSubscriber().Publish(RedisChannel.Literal(NegotiationChannel), message, CommandFlags.FireAndForget);
    }

    /// <summary>Calls <paramref name="changed"/> whenever another node has changed the stored negotiation.</summary>
    public async Task SubscribeNegotiationAsync(Action changed)
    {
        var queue = await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(NegotiationChannel)).ConfigureAwait(false);
        queue.OnMessage(message =>
        {
            byte[]? bytes = message.Message;
            if (bytes is { Length: 16 } && new Guid(bytes) != Node)
            {
                changed();
            }
        });
    }

    /// <summary>Closes the connection to Redis.</summary>
    public void Dispose() => _redis.Dispose();
}
