namespace NewsExtract.Text.Sentences;

/// <summary>
/// Receives the features of one candidate gap as <see cref="SentenceGate"/> computes them:
/// <see cref="FeatureWriter{T}"/> writes them to a buffer (the trainer, the tests), and
/// <see cref="SentenceModel.GateScorer"/> sums their weights on the fly (the splitter at run time), so
/// both see the same features from one piece of code.
/// </summary>
/// <typeparam name="T">The feature type (a gate table index).</typeparam>
internal interface IFeatureSink<T>
{
    /// <summary>Adds one feature of the candidate.</summary>
    void Add(T feature);
}
