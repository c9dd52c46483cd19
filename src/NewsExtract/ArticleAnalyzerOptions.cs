namespace NewsExtract;

/// <summary>
/// Settings for an <see cref="ArticleAnalyzer"/>. Validated once when the analyzer is created;
/// the analyzer copies what it needs, so later changes to this object do not affect it.
/// Properties are settable so the options can be configured through
/// <c>services.AddNewsExtract(options =&gt; ...)</c>.
/// </summary>
public sealed class ArticleAnalyzerOptions
{
    /// <summary>Gets or sets how far the pipeline runs. Default <see cref="AnalysisStages.Full"/>.</summary>
    public AnalysisStages Stages { get; set; } = AnalysisStages.Full;

    /// <summary>Gets or sets whether <see cref="ArticleAnalysis.Tokens"/> is filled. Default <see langword="false"/>.</summary>
    public bool IncludeTokens { get; set; }

    /// <summary>
    /// Gets or sets the maximum number of articles analysed at once by the batch methods.
    /// <c>-1</c> (the default) means <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>
    /// Gets or sets the path of an entity model file (trained with <c>newsextract train ner</c>) to use
    /// instead of the model built into the library. <see langword="null"/> (the default) uses the built-in model.
    /// The file is read once, when the analyzer is created.
    /// </summary>
    public string? EntityModelPath { get; set; }

    /// <summary>
    /// Gets the user's own names and their types, which the entity tagger always honours: every
    /// occurrence of a name (matched case-sensitively, ignoring spacing and punctuation such as periods
    /// and hyphens) becomes a mention of that type, replacing any overlapping mention the model found.
    /// The longest match wins. Empty by default.
    /// </summary>
    public IDictionary<string, EntityType> CustomNames { get; } = new Dictionary<string, EntityType>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the speaker confidence below which a quote's speaker is left out (<see cref="Quote.Speaker"/>
    /// is <see langword="null"/>): 0 (the default) keeps every speaker the attribution model chose; 0.5 keeps
    /// only those it is more sure of than of all other candidates together. See <see cref="Speaker.Confidence"/>.
    /// </summary>
    public double MinSpeakerConfidence { get; set; }

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

        foreach (KeyValuePair<string, EntityType> pair in CustomNames)
        {
            if (!ContainsLetterOrDigit(pair.Key))
            {
                throw new ArgumentOutOfRangeException(nameof(CustomNames), pair.Key, "A custom name must contain a letter or digit.");
            }

            if (!Enum.IsDefined(pair.Value))
            {
                throw new ArgumentOutOfRangeException(nameof(CustomNames), pair.Value, $"Unknown entity type for custom name '{pair.Key}'.");
            }
        }

        if (!Enum.IsDefined(Stages))
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
