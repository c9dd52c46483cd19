using System.Collections.ObjectModel;

namespace NewsExtract;

/// <summary>
/// Settings for an <see cref="ArticleAnalyzer"/>: immutable once built (<c>init</c> properties, an immutable
/// copy of <see cref="CustomNames"/>), validated once when the analyzer is created. Start from
/// <see cref="Default"/> or <c>new ArticleAnalyzerOptions { ... }</c>.
/// </summary>
/// <remarks>Thread-safe: an instance never changes, so it can be shared and reused.</remarks>
public sealed class ArticleAnalyzerOptions
{
    private readonly ReadOnlyDictionary<string, EntityType> _customNames = ReadOnlyDictionary<string, EntityType>.Empty;

    /// <summary>Gets the default options: full analysis, no tokens, all cores, the built-in model, no custom names.</summary>
    public static ArticleAnalyzerOptions Default { get; } = new();

    /// <summary>Gets how far the pipeline runs. Default <see cref="AnalysisStages.Full"/>.</summary>
    public AnalysisStages Stages { get; init; } = AnalysisStages.Full;

    /// <summary>Gets whether <see cref="ArticleAnalysis.Tokens"/> is filled. Default <see langword="false"/>.</summary>
    public bool IncludeTokens { get; init; }

    /// <summary>
    /// Gets the maximum number of articles analysed at once by the batch methods.
    /// <c>-1</c> (the default) means <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Gets the path of an entity model file (trained with <c>newsextract train ner</c>) to use
    /// instead of the model built into the library. <see langword="null"/> (the default) uses the built-in model.
    /// The file is read once, when the analyzer is created.
    /// </summary>
    public string? EntityModelPath { get; init; }

    /// <summary>
    /// Gets which built-in entity model tags the article. Default <see cref="EntityModelKind.Default"/>;
    /// <see cref="EntityModelKind.Open"/> is the licence-clean model (see docs/model.md for what each saw).
    /// Ignored when <see cref="EntityModelPath"/> is set.
    /// </summary>
    public EntityModelKind EntityModel { get; init; } = EntityModelKind.Default;

    /// <summary>
    /// Gets the user's own names and their types, which the entity tagger always honours: every
    /// occurrence of a name (matched case-sensitively, ignoring spacing and punctuation such as periods
    /// and hyphens) becomes a mention of that type, replacing any overlapping mention the model found.
    /// The longest match wins. Empty by default. Setting it takes an immutable copy (ordinal keys), so
    /// later changes to the caller's dictionary have no effect.
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public IReadOnlyDictionary<string, EntityType> CustomNames
    {
        get => _customNames;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            // A copy in the caller's order: when two names normalize to the same key, the first one wins.
            _customNames = new ReadOnlyDictionary<string, EntityType>(new Dictionary<string, EntityType>(value, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Gets the speaker confidence below which a quote's speaker is left out (<see cref="Quote.Speaker"/>
    /// is <see langword="null"/>): 0 (the default) keeps every speaker the attribution model chose; 0.5 keeps
    /// only those it is more sure of than of all other candidates together. See <see cref="Speaker.Confidence"/>.
    /// </summary>
    public double MinSpeakerConfidence { get; init; }

    internal void Validate()
    {
        if (!(MinSpeakerConfidence >= 0 && MinSpeakerConfidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinSpeakerConfidence), MinSpeakerConfidence, "Must be between 0 and 1.");
        }

        if (EntityModelPath is not null && string.IsNullOrWhiteSpace(EntityModelPath))
        {
            throw new ArgumentOutOfRangeException(nameof(EntityModelPath), EntityModelPath, "Must be null (built-in model) or a file path.");
        }

        foreach (KeyValuePair<string, EntityType> pair in _customNames)
        {
            if (!ContainsLetterOrDigit(pair.Key))
            {
                throw new ArgumentOutOfRangeException(nameof(CustomNames), pair.Key, "A custom name must contain a letter or digit.");
            }

            if (pair.Value == EntityType.None || !Enum.IsDefined(pair.Value))
            {
                throw new ArgumentOutOfRangeException(nameof(CustomNames), pair.Value, $"Unknown entity type for custom name '{pair.Key}'.");
            }
        }

        if (!Enum.IsDefined(EntityModel))
        {
            throw new ArgumentOutOfRangeException(nameof(EntityModel), EntityModel, "Unknown entity model kind.");
        }

        if (Stages == AnalysisStages.None || !Enum.IsDefined(Stages))
        {
            throw new ArgumentOutOfRangeException(nameof(Stages), Stages, "Unknown analysis stage.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be -1 (all cores) or a positive number.");
        }
    }

    private static bool ContainsLetterOrDigit(string name)
    {
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    internal int EffectiveParallelism => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
