namespace NegotiationEditor.Server.Storage;

/// <summary>Registers the LiteDB storage under the data folder.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The setting naming the data folder (<c>--data DIR</c> on the command line).</summary>
    public const string DataSetting = "data";

    /// <summary>
    /// The data folder: the <c>data</c> setting; by default <c>data</c> in the repository's root when the server runs
    /// from a clone (<c>dotnet run</c> works in the project's folder, two levels down), else <c>./data</c>.
    /// </summary>
    public static string DataFolder(IConfiguration configuration)
    {
        if (configuration[DataSetting] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationEditor.sln")))
            {
                return Path.Combine(folder.FullName, "data");
            }
        }
        return Path.GetFullPath("data");
    }

    /// <summary>Adds <see cref="LiteDbStorage"/> as the document update log and the negotiation store.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = DataFolder(configuration);
        services.AddSingleton(provider => new LiteDbStorage(folder, provider.GetRequiredService<ILogger<LiteDbStorage>>()));
        services.AddSingleton<IDocumentUpdateLog>(provider => provider.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<INegotiationStore>(provider => provider.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<IDocumentHistory>(_ => new LiteDbDocumentHistory(folder));
        return services;
    }
}
