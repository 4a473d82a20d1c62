namespace NegotiationEditor.Server.Tests.Support;

/// <summary>Waits for something that happens on another connection (not a timing assertion: the limit only ends a hung test).</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? Limit);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? Limit);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }
}
