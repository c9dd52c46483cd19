using System.Numerics;
using NewsExtract.Entities;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Induces hierarchical word clusters from raw text, cheaply: each frequent word gets a vector of
/// positive PMI with the most frequent words as left and right neighbours; the vocabulary is then split
/// in two again and again by spherical 2-means (bisecting k-means). A word's path of left/right
/// choices is a bit string like a Brown-cluster path, and its prefixes give coarse-to-fine features.
/// Brown clustering costs O(V·C²) and would take hours here; this takes seconds.
/// </summary>
internal sealed class WordClusterer
{
    private readonly Dictionary<ulong, int> _counts = [];
    private readonly List<ulong[]> _sentences = [];

    public int MaxWords { get; init; } = 60_000;

    public int MinCount { get; init; } = 2;

    public int ContextWords { get; init; } = 300;

    public int MaxDepth { get; init; } = 14;

    /// <summary>Neighbours on each side that count as context (each distance its own dimensions).</summary>
    public int Window { get; init; } = 1;

    public int MinLeaf { get; init; } = 4;

    public int Iterations { get; init; } = 6;

    public long TokenCount { get; private set; }

    /// <summary>Adds raw text, one paragraph a line, tokenized by the library's own tokenizer.</summary>
    public void AddText(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            Token[] tokens = TextTokenizer.Tokenize(line);
            var hashes = new ulong[tokens.Length];
            for (int i = 0; i < tokens.Length; i++)
            {
                hashes[i] = NerHash.Word(line.AsSpan(tokens[i].Start, tokens[i].Length));
            }

            AddSentence(hashes);
        }
    }

    public void AddTokens(IReadOnlyList<string> tokens)
    {
        var hashes = new ulong[tokens.Count];
        for (int i = 0; i < hashes.Length; i++)
        {
            hashes[i] = NerHash.Word(tokens[i]);
        }

        AddSentence(hashes);
    }

    /// <summary>Clusters the words seen; returns word hashes (sorted) and codes (<c>depth &lt;&lt; 24 | path</c>).</summary>
    public (ulong[] Keys, int[] Codes) Cluster(TextWriter log)
    {
        var ranked = new List<KeyValuePair<ulong, int>>(_counts);
        ranked.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        int vocab = 0;
        while (vocab < ranked.Count && vocab < MaxWords && ranked[vocab].Value >= MinCount)
        {
            vocab++;
        }

        var index = new Dictionary<ulong, int>(vocab);
        for (int i = 0; i < vocab; i++)
        {
            index[ranked[i].Key] = i;
        }

        int k = Math.Min(ContextWords, vocab);
        int dims = 2 * Window * k;
        float[] vectors = new float[(long)vocab * dims];
        double[] contextTotals = new double[dims];
        double total = 0;
        foreach (ulong[] sentence in _sentences)
        {
            for (int i = 0; i < sentence.Length; i++)
            {
                if (!index.TryGetValue(sentence[i], out int w))
                {
                    continue;
                }

                for (int offset = 1; offset <= Window; offset++)
                {
                    if (i - offset >= 0 && index.TryGetValue(sentence[i - offset], out int left) && left < k)
                    {
                        int d = ((2 * (offset - 1)) * k) + left;
                        vectors[((long)w * dims) + d]++;
                        contextTotals[d]++;
                        total++;
                    }

                    if (i + offset < sentence.Length && index.TryGetValue(sentence[i + offset], out int right) && right < k)
                    {
                        int d = (((2 * (offset - 1)) + 1) * k) + right;
                        vectors[((long)w * dims) + d]++;
                        contextTotals[d]++;
                        total++;
                    }
                }
            }
        }

        // Positive PMI, then unit length, so a dot product is a cosine.
        for (int w = 0; w < vocab; w++)
        {
            Span<float> v = vectors.AsSpan(w * dims, dims);
            double rowTotal = 0;
            foreach (float x in v)
            {
                rowTotal += x;
            }

            double norm = 0;
            for (int d = 0; d < dims; d++)
            {
                if (v[d] > 0)
                {
                    double pmi = Math.Log(v[d] * total / (rowTotal * contextTotals[d]));
                    v[d] = pmi > 0 ? (float)pmi : 0;
                    norm += v[d] * v[d];
                }
            }

            if (norm > 0)
            {
                float inv = (float)(1 / Math.Sqrt(norm));
                for (int d = 0; d < dims; d++)
                {
                    v[d] *= inv;
                }
            }
        }

        int[] codes = new int[vocab];
        int[] members = new int[vocab];
        for (int i = 0; i < vocab; i++)
        {
            members[i] = i;
        }

        log.WriteLine($"clusters: {vocab} words, {dims} context dimensions, {_sentences.Count} sentences");
        Split(vectors, dims, members, 0, 0, codes);

        ulong[] keys = new ulong[vocab];
        for (int i = 0; i < vocab; i++)
        {
            keys[i] = ranked[i].Key;
        }

        Array.Sort(keys, codes);
        return (keys, codes);
    }

    private void AddSentence(ulong[] hashes)
    {
        foreach (ulong h in hashes)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, h, out _)++;
        }

        TokenCount += hashes.Length;
        _sentences.Add(hashes);
    }

    private void Split(float[] vectors, int dims, int[] members, int depth, int path, int[] codes)
    {
        if (depth >= MaxDepth || members.Length < 2 * MinLeaf)
        {
            foreach (int m in members)
            {
                codes[m] = (depth << 24) | path;
            }

            return;
        }

        // Seeds: the most frequent member (members are in frequency order) and the member least like it.
        float[] a = vectors.AsSpan(members[0] * dims, dims).ToArray();
        int far = members[^1];
        float worst = float.MaxValue;
        foreach (int m in members)
        {
            float s = Dot(a, vectors.AsSpan(m * dims, dims));
            if (s < worst)
            {
                worst = s;
                far = m;
            }
        }

        float[] b = vectors.AsSpan(far * dims, dims).ToArray();
        bool[] right = new bool[members.Length];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            for (int i = 0; i < members.Length; i++)
            {
                ReadOnlySpan<float> v = vectors.AsSpan(members[i] * dims, dims);
                right[i] = Dot(b, v) > Dot(a, v);
            }

            Array.Clear(a);
            Array.Clear(b);
            for (int i = 0; i < members.Length; i++)
            {
                Add(right[i] ? b : a, vectors.AsSpan(members[i] * dims, dims));
            }

            Normalize(a);
            Normalize(b);
        }

        var left = new List<int>();
        var rightMembers = new List<int>();
        for (int i = 0; i < members.Length; i++)
        {
            (right[i] ? rightMembers : left).Add(members[i]);
        }

        if (left.Count == 0 || rightMembers.Count == 0)
        {
            foreach (int m in members)
            {
                codes[m] = (depth << 24) | path;
            }

            return;
        }

        Split(vectors, dims, left.ToArray(), depth + 1, path << 1, codes);
        Split(vectors, dims, rightMembers.ToArray(), depth + 1, (path << 1) | 1, codes);
    }

    private static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(x[i..]) * new Vector<float>(y[i..]);
        }

        float result = Vector.Sum(sum);
        for (; i < x.Length; i++)
        {
            result += x[i] * y[i];
        }

        return result;
    }

    private static void Add(Span<float> target, ReadOnlySpan<float> v)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += v[i];
        }
    }

    private static void Normalize(Span<float> v)
    {
        float norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }
    }
}
