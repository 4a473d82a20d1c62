namespace NegotiationEditor.Faults.Tests.Proxy;

/// <summary>
/// How often and how hard the proxy disturbs a connection. Every decision is drawn from a <see cref="Random"/> seeded
/// with the run's seed and the connection's number, so a run's choices are replayed by its seed (the moments they hit
/// depend on the machine's timing).
/// </summary>
public sealed record FaultPlan
{
    /// <summary>The mean time a connection lives before the proxy drops it (exponentially distributed).</summary>
    public TimeSpan MeanLifetime { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The share of drops that reset the connection (RST) rather than close it (FIN).</summary>
    public double ResetShare { get; init; } = 0.5;

    /// <summary>The chance that a chunk of data is held back before it is passed on.</summary>
    public double DelayChance { get; init; } = 0.1;

    /// <summary>The longest a chunk is held back.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The mean time between two stalls of one direction (the proxy stops reading from the sender).</summary>
    public TimeSpan MeanTimeBetweenStalls { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest stall.</summary>
    public TimeSpan MaxStall { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An exponentially distributed wait of the given mean.</summary>
    public static TimeSpan Exponential(Random random, TimeSpan mean) =>
        TimeSpan.FromMilliseconds(-Math.Log(1 - random.NextDouble()) * mean.TotalMilliseconds);

    /// <summary>A uniform wait between the two bounds.</summary>
    public static TimeSpan Between(Random random, TimeSpan least, TimeSpan most) =>
        least + TimeSpan.FromMilliseconds(random.NextDouble() * (most - least).TotalMilliseconds);
}
