namespace NegotiationEditor.Faults.Tests.Support;

/// <summary>Waits for something that happens elsewhere (not a timing assertion: the limit only ends a run that hangs).</summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan limit, TimeSpan? every = null)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }
        return true;
    }

    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan limit) => HoldsAsync(() => Task.FromResult(condition()), limit);
}
