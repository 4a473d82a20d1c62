namespace NegotiationEditor.Crdt.Interop.Tests.Support;

/// <summary>
/// How many random sessions and scripts the interop tests run: the CI size by default, times
/// INTEROP_SCALE for a longer soak (for example <c>INTEROP_SCALE=20 dotnet test ...</c>).
/// </summary>
internal static class InteropScale
{
    public static int Times(int count)
    {
        var scale = Environment.GetEnvironmentVariable("INTEROP_SCALE");
        return int.TryParse(scale, out var factor) && factor > 1 ? count * factor : count;
    }
}
