namespace NegotiationEditor.Testing;

/// <summary>
/// Waits for something another connection or process makes true. Not a timing assertion: the limit only ends a
/// hung test, so it is generous.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take by default.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>True once <paramref name="condition"/> holds; false when it still does not after the limit.</summary>
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? limit = null) =>
        HoldsAsync(() => Task.FromResult(condition()), limit);

    /// <summary>
    /// True once <paramref name="condition"/> holds, asked every 20 ms unless <paramref name="every"/> says otherwise (a
    /// costly condition, such as one asking servers, is asked less often); false when it still does not after the limit.
    /// </summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? limit = null, TimeSpan? every = null)
    {
        var until = DateTime.UtcNow + (limit ?? Limit);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
        }
        return true;
    }
}
