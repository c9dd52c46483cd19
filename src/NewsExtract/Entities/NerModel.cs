using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsExtract.Entities;

/// <summary>
/// A trained entity model: class names, one or two passes of weights, the word-cluster table and the
/// gazetteer table its features use. Immutable and shared across threads.
/// </summary>
/// <remarks>
/// File format (version 2): the 8 ASCII bytes <c>NXNERMDL</c>, a little-endian int32 format version,
/// then a Deflate stream holding the payload (classes, description, passes of quantized hashed
/// weights with transitions, cluster table, gazetteer table, confidence calibration knots; version 1
/// has no calibration) and, last, a 64-bit checksum of the payload bytes before it.
/// </remarks>
internal sealed class NerModel
{
    /// <summary>The format this library writes. Version 2 adds the confidence calibration table; version 1 files (without it) still load.</summary>
    public const int FormatVersion = 2;

    private const int OldestFormatVersion = 1;

    public const string ResourceName = "NewsExtract.EntityModel.bin";

    /// <summary>The licence-clean model: trained only on data whose licences allow redistribution and commercial use.</summary>
    public const string OpenResourceName = "NewsExtract.EntityModel.Open.bin";

    private const long MaxPayload = 512L * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "NXNERMDL"u8;

    private static readonly Lazy<NerModel> s_default = new(() => LoadEmbedded(ResourceName), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<NerModel> s_open = new(() => LoadEmbedded(OpenResourceName), LazyThreadSafetyMode.ExecutionAndPublication);

    public NerModel(
        string[] classes,
        string description,
        NerWeights[] passes,
        ulong[] clusterKeys,
        int[] clusterCodes,
        string[] gazetteerCategories,
        ulong[] gazetteerKeys,
        int[] gazetteerMasks,
        float[]? calibrationRaw = null,
        float[]? calibrationValue = null)
    {
        calibrationRaw ??= [];
        calibrationValue ??= [];
        if (calibrationRaw.Length != calibrationValue.Length)
        {
            throw new InvalidDataException("Entity model calibration table is malformed.");
        }

        for (int i = 0; i < calibrationRaw.Length; i++)
        {
            if (!(calibrationValue[i] is >= 0 and <= 1) || (i > 0 && !(calibrationRaw[i] > calibrationRaw[i - 1])))
            {
                throw new InvalidDataException("Entity model calibration table is malformed.");
            }
        }

        CalibrationRaw = calibrationRaw;
        CalibrationValue = calibrationValue;
        if (classes.Length is 0 or > 4 || passes.Length is 0 or > 2 || gazetteerCategories.Length > 32)
        {
            throw new InvalidDataException("Entity model has an unsupported shape.");
        }

        Classes = classes;
        Description = description;
        Passes = passes;
        ClusterKeys = clusterKeys;
        ClusterCodes = clusterCodes;
        GazetteerCategories = gazetteerCategories;
        GazetteerKeys = gazetteerKeys;
        GazetteerMasks = gazetteerMasks;
        Labels = NerLabels.Count(classes.Length);
        foreach (NerWeights pass in passes)
        {
            if (pass.Labels != Labels)
            {
                throw new InvalidDataException("Entity model weights do not match its classes.");
            }
        }

        Gazetteer = new NerLexicon(gazetteerKeys, gazetteerMasks);
        Features = new NerFeatureExtractor(new NerLexicon(clusterKeys, clusterCodes), Gazetteer);
        for (int c = 0; c < gazetteerCategories.Length; c++)
        {
            // Hand-curated organization lists ("org.government_bodies_curated") hold names checked to
            // be organizations; the large harvested lists (companies, clubs) hold ambiguous ones ("Amazon").
            string category = gazetteerCategories[c];
            if (category.StartsWith("org.", StringComparison.Ordinal) && category.Contains("curated", StringComparison.Ordinal))
            {
                CuratedOrganizationMask |= 1 << c;
            }
            else if (category.StartsWith("loc.", StringComparison.Ordinal) && !IsFineGrainedPlaceList(category))
            {
                LocationMask |= 1 << c;
            }
        }
        ClassTypes = new EntityType?[classes.Length + 1];
        for (int c = 0; c < classes.Length; c++)
        {
            ClassTypes[c + 1] = NerLabels.ToEntityType(classes[c]);
        }
    }

    /// <summary>The model embedded in the library, loaded on first use and shared.</summary>
    public static NerModel Default => s_default.Value;

    /// <summary>The licence-clean model embedded in the library, loaded on first use and shared.</summary>
    public static NerModel Open => s_open.Value;

    /// <summary>Place lists too fine-grained to veto a curated organization name: buildings and facilities
    /// (WordNet's instances include "Downing Street", airports, circuits), small towns and districts. News
    /// uses such names for the institution housed there, and the curated lists were checked by hand.</summary>
    private static bool IsFineGrainedPlaceList(string category)
        => category is "loc.wordnet" or "loc.facilities" or "loc.cities_minor" or "loc.admin2";

    /// <summary>The embedded model of a kind.</summary>
    public static NerModel Get(EntityModelKind kind) => kind == EntityModelKind.Open ? Open : Default;

    public string[] Classes { get; }

    /// <summary>The public type of each 1-based class (null for internal classes such as MISC).</summary>
    public EntityType?[] ClassTypes { get; }

    public string Description { get; }

    public int Labels { get; }

    public NerWeights[] Passes { get; }

    public ulong[] ClusterKeys { get; }

    public int[] ClusterCodes { get; }

    public string[] GazetteerCategories { get; }

    public ulong[] GazetteerKeys { get; }

    public int[] GazetteerMasks { get; }

    public NerFeatureExtractor Features { get; }

    /// <summary>Calibration knots: raw mention confidences (ascending) and the precision observed at them
    /// on the dev sets; empty when the model is not calibrated.</summary>
    public float[] CalibrationRaw { get; }

    /// <summary>The observed precision at each of <see cref="CalibrationRaw"/>.</summary>
    public float[] CalibrationValue { get; }

    /// <summary>Maps a raw mention confidence (the tagger's mean class probability) to the precision
    /// such mentions had on the dev sets, interpolating between knots; identity without calibration.</summary>
    public float Calibrate(float raw)
    {
        float[] x = CalibrationRaw;
        if (x.Length == 0)
        {
            return raw;
        }

        if (raw <= x[0])
        {
            return CalibrationValue[0];
        }

        if (raw >= x[^1])
        {
            return CalibrationValue[^1];
        }

        int hi = Array.BinarySearch(x, raw);
        if (hi >= 0)
        {
            return CalibrationValue[hi];
        }

        hi = ~hi;
        int lo = hi - 1;
        float t = (raw - x[lo]) / (x[hi] - x[lo]);
        return CalibrationValue[lo] + (t * (CalibrationValue[hi] - CalibrationValue[lo]));
    }

    /// <summary>This model with a calibration table.</summary>
    public NerModel WithCalibration(float[] raw, float[] value)
        => new(Classes, Description, Passes, ClusterKeys, ClusterCodes, GazetteerCategories, GazetteerKeys, GazetteerMasks, raw, value);

    /// <summary>The gazetteer table: hash of a name's tokens (<see cref="NerHash.AddNameChars"/>, ignoring case) to a mask of categories.</summary>
    public NerLexicon Gazetteer { get; }

    /// <summary>The categories of hand-curated organization lists.</summary>
    public int CuratedOrganizationMask { get; }

    /// <summary>The categories of place lists.</summary>
    public int LocationMask { get; }

    public static NerModel Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a model; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="InvalidDataException">The data is not a model, is corrupt, or has another format version.</exception>
    public static NerModel Read(Stream stream, string source)
    {
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12 || !header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException(
                $"'{source}' is not a NewsExtract entity model (bad header; this library reads format version {FormatVersion}).");
        }

        int version = BitConverter.ToInt32(header[8..]);
        if (version is < OldestFormatVersion or > FormatVersion)
        {
            throw new InvalidDataException(
                $"'{source}' is a NewsExtract entity model of format version {version}; this library reads format version {FormatVersion} (and {OldestFormatVersion}).");
        }

        byte[] payload;
        try
        {
            using var inflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            while ((read = inflate.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxPayload)
                {
                    throw new InvalidDataException("payload too large");
                }
            }

            payload = buffer.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw Corrupt(source, "the compressed data is damaged", ex);
        }

        if (payload.Length < 8 || Checksum(payload.AsSpan(0, payload.Length - 8)) != BitConverter.ToUInt64(payload, payload.Length - 8))
        {
            throw Corrupt(source, "checksum mismatch", null);
        }

        try
        {
            var reader = new NerModelReader(payload.AsSpan(0, payload.Length - 8));
            string[] classes = reader.Strings();
            string description = reader.String();
            int labels = NerLabels.Count(classes.Length);
            var passes = new NerWeights[reader.Count(2)];
            for (int p = 0; p < passes.Length; p++)
            {
                int rows = reader.Count(int.MaxValue / Math.Max(labels, 1));
                ulong[] keys = reader.Array<ulong>(rows);
                float[] scales = reader.Array<float>(rows);
                sbyte[] values = reader.Array<sbyte>(rows * labels);
                float[] transitions = reader.Array<float>((labels + 1) * labels);
                float[] end = reader.Array<float>(labels);
                passes[p] = new NerWeights(labels, keys, scales, values, transitions, end);
            }

            int clusters = reader.Count(int.MaxValue);
            ulong[] clusterKeys = reader.Array<ulong>(clusters);
            int[] clusterCodes = reader.Array<int>(clusters);
            string[] categories = reader.Strings();
            int gazetteer = reader.Count(int.MaxValue);
            ulong[] gazetteerKeys = reader.Array<ulong>(gazetteer);
            int[] gazetteerMasks = reader.Array<int>(gazetteer);
            float[] calibrationRaw = [];
            float[] calibrationValue = [];
            if (version >= 2)
            {
                int knots = reader.Count(4096);
                calibrationRaw = reader.Array<float>(knots);
                calibrationValue = reader.Array<float>(knots);
            }

            reader.ExpectEnd();
            return new NerModel(classes, description, passes, clusterKeys, clusterCodes, categories, gazetteerKeys, gazetteerMasks, calibrationRaw, calibrationValue);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or DecoderFallbackException)
        {
            throw Corrupt(source, ex.Message, ex);
        }
    }

    /// <summary>Writes the model in the current format; the same model always gives the same bytes.</summary>
    public void Write(Stream stream)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            WriteStrings(writer, Classes);
            writer.Write(Description);
            writer.Write(Passes.Length);
            foreach (NerWeights pass in Passes)
            {
                writer.Write(pass.Keys.Length);
                WriteArray<ulong>(writer, pass.Keys);
                WriteArray<float>(writer, pass.Scales);
                WriteArray<sbyte>(writer, pass.Values);
                WriteArray<float>(writer, pass.Transitions);
                WriteArray<float>(writer, pass.End);
            }

            writer.Write(ClusterKeys.Length);
            WriteArray<ulong>(writer, ClusterKeys);
            WriteArray<int>(writer, ClusterCodes);
            WriteStrings(writer, GazetteerCategories);
            writer.Write(GazetteerKeys.Length);
            WriteArray<ulong>(writer, GazetteerKeys);
            WriteArray<int>(writer, GazetteerMasks);
            writer.Write(CalibrationRaw.Length);
            WriteArray<float>(writer, CalibrationRaw);
            WriteArray<float>(writer, CalibrationValue);
        }

        byte[] bytes = payload.ToArray();
        stream.Write(Magic);
        stream.Write(BitConverter.GetBytes(FormatVersion));
        using (var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(bytes);
            deflate.Write(BitConverter.GetBytes(Checksum(bytes)));
        }
    }

    /// <summary>A 64-bit FNV-1a style checksum over 8-byte words (then the tail bytes).</summary>
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong hash = NerHash.Seed;
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (ulong word in words)
        {
            hash = (hash ^ word) * 1099511628211UL;
            hash ^= hash >> 29;
        }

        for (int i = words.Length * 8; i < data.Length; i++)
        {
            hash = (hash ^ data[i]) * 1099511628211UL;
        }

        return hash;
    }

    private static NerModel LoadEmbedded(string name)
    {
        using Stream stream = typeof(NerModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded entity model '{name}' is missing from the library.");
        return Read(stream, "embedded " + name);
    }

    private static InvalidDataException Corrupt(string source, string reason, Exception? inner)
        => new($"'{source}' is a corrupt NewsExtract entity model (this library reads format version {FormatVersion} and {OldestFormatVersion}): {reason}.", inner);

    private static void WriteStrings(BinaryWriter writer, string[] strings)
    {
        writer.Write(strings.Length);
        foreach (string s in strings)
        {
            writer.Write(s);
        }
    }

    private static void WriteArray<TItem>(BinaryWriter writer, TItem[] items)
        where TItem : unmanaged
        => writer.Write(MemoryMarshal.AsBytes(items.AsSpan()));
}
