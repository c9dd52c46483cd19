using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using NewsExtract.Internal;

namespace NewsExtract.Text.Sentences;

/// <summary>
/// The trained sentence-boundary model: one weight per hashed feature of <see cref="SentenceFeatures"/>
/// (a linear classifier, trained as an averaged perceptron by <c>train sentences</c>); a candidate gap is
/// a sentence end when the weights of its features sum above zero. Immutable and shared by all threads.
/// </summary>
/// <remarks>
/// File format (version 3, little-endian): the 8 ASCII bytes <c>NXSENTMD</c>, int32 format version,
/// int32 hash bits <c>b</c> (the table has 2^b weights), float32 scale, int32 count of non-zero
/// weights, then for each in index order the gap to the previous index as a 7-bit varint and the
/// weight as int16 (times the scale); then the gate (<see cref="SentenceGate"/>): int32 table size (0 or
/// <see cref="SentenceGate.TableSize"/>), int32 threshold, int32 high threshold (version 3), int32 count
/// of non-zero weights and the weights in the same sparse form; and last the 64-bit FNV-1a checksum of
/// every byte before it. Version 1 files (no gate) and version 2 files (no high threshold) are still read.
/// </remarks>
internal sealed class SentenceModel
{
    public const int FormatVersion = 3;

    public const string ResourceName = "NewsExtract.SentenceModel.bin";

    private static ReadOnlySpan<byte> Magic => "NXSENTMD"u8;

    private static readonly Lazy<SentenceModel> s_default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One bit per table entry, set where the weight is not zero, and the rank of the block's first set bit.</summary>
    private readonly Block[] _blocks;

    /// <summary>The non-zero quantized weights in index order, and one zero after them.</summary>
    private readonly short[] _values;

    private readonly int _shift;

    /// <summary>The gate's dense weight table (<see cref="SentenceGate"/>), empty when the model has no gate.</summary>
    private readonly short[] _gate;

    private SentenceModel(int bits, float scale, short[] quantized, short[] gate, int gateThreshold, int gateHighThreshold)
    {
        if (gate.Length is not 0 && gate.Length != SentenceGate.TableSize)
        {
            throw new InvalidDataException($"The sentence gate has {gate.Length} weights, not {SentenceGate.TableSize}.");
        }

        _gate = gate;
        GateThreshold = gate.Length == 0 ? int.MinValue : gateThreshold;
        GateHighThreshold = gate.Length == 0 ? int.MaxValue : Math.Max(gateThreshold, gateHighThreshold);
        Bits = bits;
        Scale = scale;
        Quantized = quantized;
        _shift = 64 - bits;

        // Most of the 2^bits entries are zero (about one in seven is used), so the table is kept as a
        // bitmap with a rank per 64 entries and the non-zero weights packed behind it: about 150 KB for
        // 2^18 entries instead of a 1 MB dense table, small enough to stay in the L2 cache.
        _blocks = new Block[(quantized.Length + 63) / 64];
        int count = 0;
        foreach (short q in quantized)
        {
            count += q != 0 ? 1 : 0;
        }

        _values = new short[count + 1];
        int rank = 0;
        for (int b = 0; b < _blocks.Length; b++)
        {
            ulong mask = 0;
            _blocks[b].Rank = rank;
            for (int k = 0; k < 64 && (b * 64) + k < quantized.Length; k++)
            {
                short q = quantized[(b * 64) + k];
                if (q != 0)
                {
                    mask |= 1UL << k;
                    _values[rank++] = q;
                }
            }

            _blocks[b].Mask = mask;
        }
    }

    /// <summary>The model shipped in the assembly, loaded on first use.</summary>
    public static SentenceModel Default => s_default.Value;

    /// <summary>The table has 2^<see cref="Bits"/> weights.</summary>
    public int Bits { get; }

    /// <summary>The weight of one quantized unit.</summary>
    public float Scale { get; }

    /// <summary>The quantized weights as stored.</summary>
    internal short[] Quantized { get; }

    /// <summary>The gate's quantized weights as stored (empty: no gate, every candidate is scored in full).</summary>
    internal ReadOnlySpan<short> Gate => _gate;

    /// <summary>A candidate whose gate score is below this is not a sentence end (<see cref="int.MinValue"/> without a gate).</summary>
    public int GateThreshold { get; }

    /// <summary>
    /// A candidate whose gate score is at or above this is a sentence end without the full model
    /// (<see cref="int.MaxValue"/>: never; always at least <see cref="GateThreshold"/>).
    /// </summary>
    public int GateHighThreshold { get; }

    /// <summary>Whether the model has a trained gate.</summary>
    public bool HasGate => _gate.Length != 0;

    /// <summary>The gate score of a candidate: the exact integer sum of its gate features' weights.</summary>
    public int GateScore(ReadOnlySpan<int> features)
    {
        short[] gate = _gate;
        if (gate.Length == 0)
        {
            return 0;
        }

        int sum = 0;
        foreach (int f in features)
        {
            sum += gate[f];
        }

        return sum;
    }

    /// <summary>
    /// The gate's decision: <see langword="true"/> when the full features must be scored (always without a
    /// gate); otherwise <paramref name="split"/> is the decision (an end at or above <see cref="GateHighThreshold"/>,
    /// none below <see cref="GateThreshold"/>).
    /// </summary>
    public bool NeedsFullScore(ReadOnlySpan<int> features, out bool split)
    {
        if (_gate.Length == 0)
        {
            split = false;
            return true;
        }

        int score = GateScore(features);
        split = score >= GateHighThreshold;
        return score >= GateThreshold && !split;
    }

    /// <summary>The same model with a gate: its quantized weights and threshold, and no high threshold.</summary>
    public SentenceModel WithGate(short[] gate, int threshold) => WithGate(gate, threshold, int.MaxValue);

    /// <summary>The same model with a gate: its quantized weights, threshold and high threshold.</summary>
    public SentenceModel WithGate(short[] gate, int threshold, int highThreshold)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new SentenceModel(Bits, Scale, Quantized, gate, threshold, highThreshold);
    }

    /// <summary>Quantizes gate weights (the largest magnitude maps to 32767) and returns them with the scale.</summary>
    public static (short[] Quantized, double Scale) QuantizeGate(ReadOnlySpan<double> weights)
    {
        double max = 0;
        foreach (double w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        // Nine features per candidate: each weight at most 32767 / 9 keeps every sum inside int16 range.
        double scale = max > 0 ? max / (short.MaxValue / SentenceGate.FeatureCount) : 1;
        var quantized = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            quantized[i] = (short)Math.Clamp(Math.Round(weights[i] / scale, MidpointRounding.ToEven), -short.MaxValue, short.MaxValue);
        }

        return (quantized, scale);
    }

    /// <summary>Quantizes trained weights (the largest magnitude maps to 32767) into a model.</summary>
    public static SentenceModel FromWeights(int bits, ReadOnlySpan<double> weights)
    {
        if (bits is < 8 or > 24 || weights.Length != 1 << bits)
        {
            throw new ArgumentException("The weight table must have 2^bits entries, 8 <= bits <= 24.", nameof(weights));
        }

        double max = 0;
        foreach (double w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        float scale = max > 0 ? (float)(max / short.MaxValue) : 1f;
        var quantized = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            quantized[i] = (short)Math.Clamp(Math.Round(weights[i] / scale, MidpointRounding.ToEven), -short.MaxValue, short.MaxValue);
        }

        return new SentenceModel(bits, scale, quantized, [], 0, int.MaxValue);
    }

    /// <summary>The score of a candidate gap: above zero means a sentence ends there.</summary>
    /// <remarks>
    /// The quantized weights are summed as integers (exact, so the order of the features does not matter)
    /// and scaled once; the sign, which is the decision, is that of the exact sum of the weights.
    /// </remarks>
    public float Score(ReadOnlySpan<ulong> features) => ScoreUnits(features) * Scale;

    /// <summary>The score in quantized units (an exact integer sum of the features' weights).</summary>
    public int ScoreUnits(ReadOnlySpan<ulong> features)
    {
        Block[] blocks = _blocks;
        short[] values = _values;
        int shift = _shift;
        int sum = 0;
        foreach (ulong f in features)
        {
            int index = (int)(f >> shift);
            Block block = blocks[index >> 6];
            int bit = index & 63;

            // Branch-free: a zero entry's rank points at the next weight (or the trailing zero); the
            // presence bit masks it out.
            int present = (int)(block.Mask >> bit) & 1;
            int rank = block.Rank + BitOperations.PopCount(block.Mask & ((1UL << bit) - 1));
            sum += values[rank] & -present;
        }

        return sum;
    }

    /// <summary>A sink that sums the gate weights of a candidate's gate features (<see cref="GateScore"/> without the buffer).</summary>
    public GateScorer CreateGateScorer() => new(_gate);

    /// <summary>Sums gate weights, exactly as <see cref="GateScore"/> does.</summary>
    internal struct GateScorer : IFeatureSink<int>
    {
        /// <summary>The gate score so far.</summary>
        public int Sum;

        private readonly short[] _gate;

        internal GateScorer(short[] gate)
        {
            _gate = gate;
            Sum = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int feature) => Sum += _gate[feature];
    }

    private struct Block
    {
        public ulong Mask;
        public int Rank;
    }

    /// <summary>The table index of a feature hash.</summary>
    public int IndexOf(ulong feature) => (int)(feature >> _shift);

    /// <summary>Writes the model in the format described on the type.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new List<byte>(1 << 16);
        bytes.AddRange(Magic);
        AddInt32(bytes, FormatVersion);
        AddInt32(bytes, Bits);
        AddInt32(bytes, BitConverter.SingleToInt32Bits(Scale));
        int count = 0;
        foreach (short q in Quantized)
        {
            count += q != 0 ? 1 : 0;
        }

        AddSparse(bytes, Quantized);
        // Version 2: the gate, as its table size (0 or SentenceGate.TableSize), the threshold, and its
        // non-zero weights in the same sparse form; version 3 adds the high threshold after the threshold.
        AddInt32(bytes, _gate.Length);
        AddInt32(bytes, _gate.Length == 0 ? 0 : GateThreshold);
        AddInt32(bytes, _gate.Length == 0 ? int.MaxValue : GateHighThreshold);
        AddSparse(bytes, _gate);

        byte[] payload = bytes.ToArray();
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Checksum(payload));
        stream.Write(payload);
        stream.Write(checksum);
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid model of this format version.</exception>
    public static SentenceModel Read(ReadOnlySpan<byte> data)
    {
        const int Header = 24;
        if (data.Length < Header + 8 || !data[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a sentence model (bad magic or too short).");
        }

        ReadOnlySpan<byte> payload = data[..^8];
        if (BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]) != Checksum(payload))
        {
            throw new InvalidDataException("Sentence model checksum mismatch: the file is damaged.");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(payload[8..]);
        int bits = BinaryPrimitives.ReadInt32LittleEndian(payload[12..]);
        float scale = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(payload[16..]));
        int count = BinaryPrimitives.ReadInt32LittleEndian(payload[20..]);
        if (version is not (1 or 2 or FormatVersion) || bits is < 8 or > 24 || count < 0 || count > 1 << bits || !float.IsFinite(scale) || scale <= 0)
        {
            throw new InvalidDataException($"Unsupported sentence model (version {version}, bits {bits}).");
        }

        var quantized = new short[1 << bits];
        int pos = ReadSparse(payload, Header, count, quantized);

        short[] gate = [];
        int threshold = 0;
        int high = int.MaxValue;
        if (version >= 2)
        {
            int header = version >= 3 ? 12 : 8;
            if (pos + header > payload.Length)
            {
                throw new InvalidDataException("Sentence model is truncated.");
            }

            int gateCount = BinaryPrimitives.ReadInt32LittleEndian(payload[pos..]);
            threshold = BinaryPrimitives.ReadInt32LittleEndian(payload[(pos + 4)..]);
            if (version >= 3)
            {
                high = BinaryPrimitives.ReadInt32LittleEndian(payload[(pos + 8)..]);
            }

            pos += header;
            if ((gateCount is not 0 && gateCount != SentenceGate.TableSize) || pos + 4 > payload.Length)
            {
                throw new InvalidDataException($"Sentence model has a bad gate ({gateCount} weights).");
            }

            int nonZero = BinaryPrimitives.ReadInt32LittleEndian(payload[pos..]);
            if (nonZero < 0 || nonZero > gateCount)
            {
                throw new InvalidDataException("Sentence model has a bad gate weight count.");
            }

            gate = new short[gateCount];
            pos = ReadSparse(payload, pos + 4, nonZero, gate);
        }

        if (pos != payload.Length)
        {
            throw new InvalidDataException("Sentence model has trailing bytes.");
        }

        return new SentenceModel(bits, scale, quantized, gate, threshold, high);
    }

    private static SentenceModel LoadEmbedded()
    {
        using Stream stream = ResourceText.Open(ResourceName);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void AddSparse(List<byte> bytes, short[] weights)
    {
        int count = 0;
        foreach (short q in weights)
        {
            count += q != 0 ? 1 : 0;
        }

        AddInt32(bytes, count);
        int previous = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            uint delta = (uint)(i - previous);
            while (delta >= 0x80)
            {
                bytes.Add((byte)(delta | 0x80));
                delta >>= 7;
            }

            bytes.Add((byte)delta);
            bytes.Add((byte)weights[i]);
            bytes.Add((byte)(weights[i] >> 8));
            previous = i;
        }
    }

    /// <summary>Reads <paramref name="count"/> sparse weights (index gaps as varints, int16 values) into <paramref name="weights"/>.</summary>
    private static int ReadSparse(ReadOnlySpan<byte> payload, int pos, int count, short[] weights)
    {
        int index = -1;
        for (int k = 0; k < count; k++)
        {
            uint delta = 0;
            int shift = 0;
            while (true)
            {
                if (pos >= payload.Length || shift > 28)
                {
                    throw new InvalidDataException("Sentence model is truncated.");
                }

                byte b = payload[pos++];
                delta |= (uint)(b & 0x7F) << shift;
                shift += 7;
                if (b < 0x80)
                {
                    break;
                }
            }

            if (delta == 0 || index + (long)delta >= weights.Length || pos + 2 > payload.Length)
            {
                throw new InvalidDataException("Sentence model has a bad weight index.");
            }

            index += (int)delta;
            weights[index] = BinaryPrimitives.ReadInt16LittleEndian(payload[pos..]);
            pos += 2;
        }

        return pos;
    }

    private static void AddInt32(List<byte> bytes, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        bytes.AddRange(b);
    }

    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return h;
    }
}
