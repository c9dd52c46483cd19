using System.Buffers.Binary;
using System.Collections.Frozen;

namespace NewsExtract.Quotes;

/// <summary>
/// The trained speaker-attribution model: a linear scorer over hashed feature conjunctions
/// (<see cref="SpeakerFeatures"/>). For one quote, each candidate's score is the sum of its features'
/// weights; a softmax over the quote's candidates (the "no speaker" candidate included) gives each
/// candidate's probability, which is the speaker's confidence. Immutable, shared by all threads.
/// </summary>
/// <remarks>
/// Binary format (little-endian): magic <c>NXSR</c>, int32 version (1), int32 count, then count pairs of
/// (uint32 feature hash, float32 weight) in ascending hash order. Built by
/// <c>newsextract train quotes</c> (<c>eng/train-quote-model.sh</c>); embedded as
/// <c>Resources/SpeakerModel.bin</c>.
/// </remarks>
internal sealed class SpeakerRankingModel
{
    /// <summary>The embedded resource name of the shipped model.</summary>
    public const string ResourceName = "NewsExtract.SpeakerModel.bin";

    private const int Version = 1;
    private static readonly Lazy<SpeakerRankingModel?> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<uint, float> _weights;

    public SpeakerRankingModel(IReadOnlyDictionary<uint, float> weights)
    {
        var copy = new Dictionary<uint, float>(weights.Count);
        foreach (KeyValuePair<uint, float> pair in weights)
        {
            if (pair.Value != 0f)
            {
                copy[pair.Key] = pair.Value;
            }
        }

        _weights = copy.ToFrozenDictionary();
    }

    /// <summary>The shipped model, or <see langword="null"/> when the library was built without one (rule order then decides).</summary>
    public static SpeakerRankingModel? Default => s_default.Value;

    /// <summary>The number of non-zero weights.</summary>
    public int Count => _weights.Count;

    /// <summary>The score of one candidate: the sum of its features' weights.</summary>
    public float Score(ReadOnlySpan<uint> features)
    {
        float sum = 0f;
        foreach (uint f in features)
        {
            if (_weights.TryGetValue(f, out float w))
            {
                sum += w;
            }
        }

        return sum;
    }

    /// <summary>The model as bytes (format in the remarks), weights in ascending hash order so the file is deterministic.</summary>
    public byte[] ToBytes()
    {
        uint[] keys = [.. _weights.Keys];
        Array.Sort(keys);
        var bytes = new byte[12 + (keys.Length * 8)];
        "NXSR"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12 + (8 * i)), keys[i]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(16 + (8 * i)), _weights[keys[i]]);
        }

        return bytes;
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a speaker model of this version.</exception>
    public static SpeakerRankingModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("NXSR"u8))
        {
            throw new InvalidDataException("not a speaker model (bad magic)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version != Version)
        {
            throw new InvalidDataException($"speaker model version {version}, this library reads version {Version}");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (count < 0 || (long)count * 8 != bytes.Length - 12)
        {
            throw new InvalidDataException("speaker model length does not match its count");
        }

        var weights = new Dictionary<uint, float>(count);
        for (int i = 0; i < count; i++)
        {
            weights[BinaryPrimitives.ReadUInt32LittleEndian(bytes[(12 + (8 * i))..])] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(16 + (8 * i))..]);
        }

        return new SpeakerRankingModel(weights);
    }

    private static SpeakerRankingModel? LoadEmbedded()
    {
        using Stream? stream = typeof(SpeakerRankingModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return FromBytes(memory.ToArray());
    }
}
