namespace NegotiationEditor.Faults.Tests.Support;

/// <summary>
/// The seed of a faults run: NEGOTIATE_FAULTS_SEED when set (to replay a run), otherwise a new one, printed by the test.
/// Every random choice of the run (faults, typing, client ids) comes from a <see cref="Random"/> seeded from it.
/// </summary>
public static class Seeds
{
    public const string Variable = "NEGOTIATE_FAULTS_SEED";

    public static int ForThisRun() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var configured) ? configured : Random.Shared.Next(1, int.MaxValue);

    /// <summary>A seed for one stream of choices (a connection's, a typist's), stable across processes, unlike HashCode.</summary>
    public static int Mix(int seed, int number, int stream)
    {
        unchecked
        {
            var mixed = (uint)seed * 2654435761u ^ (uint)number * 2246822519u ^ (uint)stream * 3266489917u;
            mixed ^= mixed >> 15;
            mixed *= 2246822519u;
            mixed ^= mixed >> 13;
            return (int)(mixed & int.MaxValue);
        }
    }
}
