using System.Runtime.CompilerServices;

namespace NewsExtract.Text.Sentences;

/// <summary>Writes features to a buffer, in the order they are computed.</summary>
/// <typeparam name="T">The feature type.</typeparam>
internal ref struct FeatureWriter<T> : IFeatureSink<T>
{
    private readonly Span<T> _output;

    public FeatureWriter(Span<T> output)
    {
        _output = output;
        Count = 0;
    }

    /// <summary>How many features were written.</summary>
    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T feature) => _output[Count++] = feature;
}
