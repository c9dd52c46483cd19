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
/// The same file holds the quote detector (<see cref="Detect"/>): a logistic model over hashed features of a
/// quote candidate (<see cref="QuoteDetection"/>) whose logit decides whether the candidate is emitted.
/// Binary format (little-endian): magic <c>NXSR</c>, int32 version (2), int32 count, then count pairs of
/// (uint32 feature hash, float32 weight) in ascending hash order; then the detector's weights in the same
/// form (int32 count, pairs); then the confidence calibration (<see cref="Calibrate"/>): int32 count, then count
/// pairs (float32 raw probability, float32 calibrated probability) in ascending order. Version 1 files (ranker
/// only) are read too: they detect nothing and leave the softmax probability uncalibrated. Built by
/// <c>newsextract train quotes</c> (<c>eng/train-quote-model.sh</c>); embedded as
/// <c>Resources/SpeakerModel.bin</c>.
/// </remarks>
internal sealed class SpeakerRankingModel
{
    /// <summary>The embedded resource name of the shipped model.</summary>
    public const string ResourceName = "NewsExtract.SpeakerModel.bin";

    private const int Version = 2;
    private static readonly Lazy<SpeakerRankingModel?> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<uint, float> _weights;
    private readonly FrozenDictionary<uint, float>? _detection;
    private readonly (float Raw, float Calibrated)[] _calibration;

    public SpeakerRankingModel(IReadOnlyDictionary<uint, float> weights, IReadOnlyDictionary<uint, float>? detection = null,
        IReadOnlyList<(float Raw, float Calibrated)>? calibration = null)
    {
        _weights = NonZero(weights);
        _detection = detection is null ? null : NonZero(detection);
        _calibration = calibration is null ? [] : [.. calibration];
        for (int i = 1; i < _calibration.Length; i++)
        {
            if (_calibration[i].Raw < _calibration[i - 1].Raw || _calibration[i].Calibrated < _calibration[i - 1].Calibrated)
            {
                throw new ArgumentException("the calibration points must ascend in both values", nameof(calibration));
            }
        }
    }

    /// <summary>The same ranker and detector with a confidence calibration.</summary>
    public SpeakerRankingModel WithCalibration(IReadOnlyList<(float Raw, float Calibrated)> calibration)
        => new(_weights, _detection, calibration);

    /// <summary>The calibration points (empty: the softmax probability is the confidence).</summary>
    internal IReadOnlyList<(float Raw, float Calibrated)> CalibrationPoints => _calibration;

    /// <summary>
    /// The calibrated confidence of a raw softmax probability: the isotonic map fitted on out-of-fold
    /// predictions (<c>train quotes</c>), linear between its points and flat beyond them; the raw value without one.
    /// </summary>
    public double Calibrate(double raw)
    {
        (float Raw, float Calibrated)[] points = _calibration;
        if (points.Length == 0)
        {
            return raw;
        }

        if (raw <= points[0].Raw)
        {
            return points[0].Calibrated;
        }

        for (int i = 1; i < points.Length; i++)
        {
            if (raw <= points[i].Raw)
            {
                double span = points[i].Raw - points[i - 1].Raw;
                double t = span <= 0 ? 1 : (raw - points[i - 1].Raw) / span;
                return points[i - 1].Calibrated + (t * (points[i].Calibrated - points[i - 1].Calibrated));
            }
        }

        return points[^1].Calibrated;
    }

    /// <summary>Whether the model has a trained quote detector.</summary>
    public bool HasDetection => _detection is not null;

    /// <summary>The detector's weights (empty without one).</summary>
    internal IReadOnlyDictionary<uint, float> DetectionWeights => _detection ?? (IReadOnlyDictionary<uint, float>)FrozenDictionary<uint, float>.Empty;

    /// <summary>The ranker's weights.</summary>
    internal IReadOnlyDictionary<uint, float> RankingWeights => _weights;

    /// <summary>The detector's logit for a quote candidate (kept when at least 0); 0 without a detector.</summary>
    public float Detect(ReadOnlySpan<uint> features) => _detection is null ? 0f : Sum(_detection, features);

    private static FrozenDictionary<uint, float> NonZero(IReadOnlyDictionary<uint, float> weights)
    {
        var copy = new Dictionary<uint, float>(weights.Count);
        foreach (KeyValuePair<uint, float> pair in weights)
        {
            if (pair.Value != 0f)
            {
                copy[pair.Key] = pair.Value;
            }
        }

        return copy.ToFrozenDictionary();
    }

    /// <summary>The shipped model, or <see langword="null"/> when the library was built without one (rule order then decides).</summary>
    public static SpeakerRankingModel? Default => s_default.Value;

    /// <summary>The number of non-zero weights.</summary>
    public int Count => _weights.Count;

    /// <summary>The score of one candidate: the sum of its features' weights.</summary>
    public float Score(ReadOnlySpan<uint> features) => Sum(_weights, features);

    private static float Sum(FrozenDictionary<uint, float> weights, ReadOnlySpan<uint> features)
    {
        float sum = 0f;
        foreach (uint f in features)
        {
            if (weights.TryGetValue(f, out float w))
            {
                sum += w;
            }
        }

        return sum;
    }

    /// <summary>The model as bytes (format in the remarks), weights in ascending hash order so the file is deterministic.</summary>
    public byte[] ToBytes()
    {
        FrozenDictionary<uint, float> detection = _detection ?? FrozenDictionary<uint, float>.Empty;
        var bytes = new byte[20 + (_weights.Count * 8) + (detection.Count * 8) + (_calibration.Length * 8)];
        "NXSR"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Version);
        int at = WriteTable(bytes, 8, _weights);
        at = WriteTable(bytes, at, detection);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), _calibration.Length);
        at += 4;
        foreach ((float raw, float calibrated) in _calibration)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), raw);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 4), calibrated);
            at += 8;
        }

        return bytes;
    }

    private static int WriteTable(byte[] bytes, int at, FrozenDictionary<uint, float> table)
    {
        uint[] keys = [.. table.Keys];
        Array.Sort(keys);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), keys.Length);
        at += 4;
        foreach (uint key in keys)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), key);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 4), table[key]);
            at += 8;
        }

        return at;
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/> (or a version 1 file: ranker only).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a speaker model of a version this library reads.</exception>
    public static SpeakerRankingModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("NXSR"u8))
        {
            throw new InvalidDataException("not a speaker model (bad magic)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version is not (1 or Version))
        {
            throw new InvalidDataException($"speaker model version {version}, this library reads versions 1 and {Version}");
        }

        int at = 8;
        Dictionary<uint, float> weights = ReadTable(bytes, ref at);
        Dictionary<uint, float>? detection = null;
        var calibration = new List<(float Raw, float Calibrated)>();
        if (version >= 2)
        {
            detection = ReadTable(bytes, ref at);
            ReadPoints(bytes, ref at, calibration);
        }

        if (at != bytes.Length)
        {
            throw new InvalidDataException("speaker model length does not match its counts");
        }

        try
        {
            return new SpeakerRankingModel(weights, detection, calibration);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException("speaker model calibration is not monotone", ex);
        }
    }

    private static void ReadPoints(ReadOnlySpan<byte> bytes, ref int at, List<(float Raw, float Calibrated)> points)
    {
        int count = ReadCount(bytes, ref at);
        for (int i = 0; i < count; i++)
        {
            points.Add((BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]), BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + 4)..])));
            at += 8;
        }
    }

    private static int ReadCount(ReadOnlySpan<byte> bytes, ref int at)
    {
        if (bytes.Length - at < 4)
        {
            throw new InvalidDataException("speaker model length does not match its counts");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
        at += 4;
        if (count < 0 || (long)count * 8 > bytes.Length - at)
        {
            throw new InvalidDataException("speaker model length does not match its counts");
        }

        return count;
    }

    private static Dictionary<uint, float> ReadTable(ReadOnlySpan<byte> bytes, ref int at)
    {
        int count = ReadCount(bytes, ref at);
        var weights = new Dictionary<uint, float>(count);
        for (int i = 0; i < count; i++)
        {
            weights[BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..])] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + 4)..]);
            at += 8;
        }

        return weights;
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
