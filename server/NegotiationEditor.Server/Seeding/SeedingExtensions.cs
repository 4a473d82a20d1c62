using NegotiationEditor.Negotiation;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Seeding;

/// <summary>Seeds the sample negotiation when the server starts on an empty data folder.</summary>
public static class SeedingExtensions
{
    /// <summary>The setting naming the sample folder (found automatically when absent).</summary>
    public const string SamplesSetting = "samples";

    /// <summary>The setting giving the address put in invite links (by default the first of <c>urls</c>).</summary>
    public const string PublicUrlSetting = "publicUrl";

    /// <summary>Adds the seeder and the randomness it draws tokens and ids from.</summary>
    public static IServiceCollection AddSeeding(this IServiceCollection services)
    {
        services.AddSingleton<IRandomSource>(CryptographicRandomSource.Instance);
        services.AddSingleton<SampleNegotiationSeeder>();
        return services;
    }

    /// <summary>On an empty data folder, creates the sample negotiation, writes invites.csv and prints the chair's link.</summary>
    public static async Task SeedSampleNegotiationAsync(this WebApplication app)
    {
        var seeder = app.Services.GetRequiredService<SampleNegotiationSeeder>();
        var configuration = app.Configuration;
        var samples = SampleFolder.Find(configuration[SamplesSetting], app.Environment.ContentRootPath);
        if (samples is null)
        {
            app.Logger.LogWarning("The sample folder was not found: no negotiation is seeded (set --samples DIR)");
            return;
        }

        var result = await seeder.SeedIfEmptyAsync(samples, StorageServiceCollectionExtensions.DataFolder(configuration), PublicUrl(configuration));
        if (result is not null)
        {
            Console.WriteLine($"Seeded the sample negotiation; invite links for every participant are in {result.InvitesPath}");
            Console.WriteLine($"Chair's invite link: {result.ChairLink}");
        }
    }

    /// <summary>The address put in invite links.</summary>
    public static string PublicUrl(IConfiguration configuration)
    {
        if (configuration[PublicUrlSetting] is { Length: > 0 } configured)
        {
            return configured;
        }
        var first = (configuration["urls"] ?? ServerDefaults.Url).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return first.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
    }
}
