namespace NewsExtract.Text.Sentences;

/// <summary>
/// Receives the features of one candidate gap as <see cref="SentenceFeatures"/> or <see cref="SentenceGate"/>
/// computes them: <see cref="FeatureWriter{T}"/> writes them to a buffer (the trainer, the tests), and the
/// model's scorers sum their weights on the fly (the splitter at run time), so both see the same features
/// from one piece of code.
/// </summary>
/// <typeparam name="T">A hashed feature (<see cref="ulong"/>) or a gate table index (<see cref="int"/>).</typeparam>
internal interface IFeatureSink<T>
{
    /// <summary>Adds one feature of the candidate.</summary>
    void Add(T feature);
}
