using NewsExtract;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NewsExtract with a dependency-injection container.</summary>
public static class NewsExtractServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared, thread-safe <see cref="IArticleAnalyzer"/> (and <see cref="ArticleAnalyzer"/>) as a singleton.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; invoked once, when the analyzer is first resolved.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddNewsExtract(this IServiceCollection services, Action<ArticleAnalyzerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(_ =>
        {
            var options = new ArticleAnalyzerOptions();
            configure?.Invoke(options);
            return ArticleAnalyzer.Create(options);
        });
        services.AddSingleton<IArticleAnalyzer>(static provider => provider.GetRequiredService<ArticleAnalyzer>());
        return services;
    }
}
