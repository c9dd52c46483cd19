using System.Globalization;
using System.Text;
using NewsExtract.Entities;
using NewsExtract.Internal;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Training.Ner;

/// <summary>
/// Self-training data: tags unlabeled text (one paragraph a line, blank lines between documents) with a
/// model through the library's own tokenizer, sentence splitter and tagger input (hyphenated words joined
/// as at run time), and keeps the sentences the model is sure of: at least one mention, every mention
/// (public types and the internal MISC) at a calibrated confidence of at least
/// <see cref="MinMentionConfidence"/>, every capitalized word left outside a mention with an
/// outside-probability of at least <see cref="MinOutsideConfidence"/>, ending in sentence punctuation,
/// and not equal (letters and digits, ignoring case) to any sentence of the excluded (dev/test) files.
/// The kept sentences are written as BIO, one document per source document; <see cref="MaxTokens"/>
/// caps the output by a seeded choice of whole documents. Deterministic for a model, input and seed.
/// </summary>
internal sealed class NerSelfTrainer
{
    public required NerModel Model { get; init; }

    public required IReadOnlyList<string> UnlabeledFiles { get; init; }

    public IReadOnlyList<string> ExcludeFiles { get; init; } = [];

    public double MinMentionConfidence { get; init; } = 0.9;

    public double MinOutsideConfidence { get; init; } = 0.8;

    public long MaxTokens { get; init; } = long.MaxValue;

    public int Seed { get; init; } = 1;

    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>Counts of one run, for the log and the docs. Each sentence is counted once, under the
    /// first rule that drops it (dev/test copy, no mention, unsure, unpunctuated) or as kept.</summary>
    public sealed class Statistics
    {
        public int Documents { get; set; }

        public long Sentences { get; set; }

        public long NoMention { get; set; }

        public long Unsure { get; set; }

        public long Unpunctuated { get; set; }

        public long Overlapping { get; set; }

        public long Kept { get; set; }

        public long KeptTokens { get; set; }

        public long KeptMentions { get; set; }

        public int WrittenDocuments { get; set; }

        public long WrittenSentences { get; set; }

        public long WrittenTokens { get; set; }
    }

    public Statistics Write(TextWriter output)
    {
        var stats = new Statistics();
        HashSet<string> excluded = ExcludedKeys();
        Log.WriteLine($"selftrain: {excluded.Count} distinct dev/test sentences excluded");
        var documents = new List<string>();
        foreach (string file in UnlabeledFiles)
        {
            int before = documents.Count;
            ReadDocuments(TextFileReader.ReadAllText(file), documents);
            Log.WriteLine($"selftrain: {file}: {documents.Count - before} documents");
        }

        stats.Documents = documents.Count;
        var results = new List<string[][]>?[documents.Count];
        var counts = new long[documents.Count, 6];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, d =>
        {
            results[d] = TagDocument(documents[d], excluded, counts, d);
        });

        var kept = new List<int>();
        var tokensOf = new long[documents.Count];
        for (int d = 0; d < documents.Count; d++)
        {
            stats.Sentences += counts[d, 0];
            stats.NoMention += counts[d, 1];
            stats.Unsure += counts[d, 2];
            stats.Unpunctuated += counts[d, 3];
            stats.Overlapping += counts[d, 4];
            stats.KeptMentions += counts[d, 5];
            if (results[d] is { Count: > 0 } sentences)
            {
                kept.Add(d);
                stats.Kept += sentences.Count;
                foreach (string[][] sentence in sentences)
                {
                    tokensOf[d] += sentence.Length;
                }

                stats.KeptTokens += tokensOf[d];
            }
        }

        // A seeded choice of whole documents within the token budget, written in source order.
        int[] order = [.. kept];
        new Random(Seed).Shuffle(order);
        var chosen = new bool[documents.Count];
        long budget = 0;
        foreach (int d in order)
        {
            if (budget + tokensOf[d] > MaxTokens)
            {
                continue;
            }

            chosen[d] = true;
            budget += tokensOf[d];
        }

        foreach (int d in kept)
        {
            if (!chosen[d])
            {
                continue;
            }

            output.Write("-DOCSTART-\tO\n\n");
            foreach (string[][] sentence in results[d]!)
            {
                foreach (string[] pair in sentence)
                {
                    output.Write(pair[0]);
                    output.Write('\t');
                    output.Write(pair[1]);
                    output.Write('\n');
                }

                output.Write('\n');
                stats.WrittenSentences++;
                stats.WrittenTokens += sentence.Length;
            }

            stats.WrittenDocuments++;
        }

        return stats;
    }

    /// <summary>Splits unlabeled text into documents (blank-line separated; a line starting with "# " is a source marker, not text).</summary>
    internal static void ReadDocuments(string text, List<string> documents)
    {
        var builder = new StringBuilder();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                if (builder.Length > 0)
                {
                    documents.Add(builder.ToString());
                    builder.Clear();
                }

                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(line);
        }

        if (builder.Length > 0)
        {
            documents.Add(builder.ToString());
        }
    }

    /// <summary>The comparison key of a sentence: its letters and digits in lower case (so tokenization differences do not hide a copy).</summary>
    internal static string Key(IEnumerable<string> words)
    {
        var builder = new StringBuilder();
        foreach (string word in words)
        {
            foreach (char c in word)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return builder.ToString();
    }

    private HashSet<string> ExcludedKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in ExcludeFiles)
        {
            foreach (ConllDocument document in ConllReader.Read(file))
            {
                foreach (string[] sentence in document.Sentences)
                {
                    string key = Key(sentence);
                    if (key.Length > 0)
                    {
                        keys.Add(key);
                    }
                }
            }
        }

        return keys;
    }

    private List<string[][]> TagDocument(string text, HashSet<string> excluded, long[,] counts, int d)
    {
        var kept = new List<string[][]>();
        Token[] tokens = TextTokenizer.Tokenize(text);
        if (tokens.Length == 0)
        {
            return kept;
        }

        Structure.ArticleLayout layout = PlainTextLayout.Create(text);
        SentenceInfo[] sentences = new SentenceSplitter().Split(text, tokens, layout);
        NerInput input = EntityRecognizer.BuildInput(text, layout, tokens, sentences);
        int n = input.Tokens.Length;
        int[] tags = new int[n];
        float[] confidence = new float[n];
        NerTagger.Tag(Model, input, tags, confidence);
        var spans = new List<NerMentionSpan>();
        foreach (NerSentence sentence in input.Sentences)
        {
            NerSpans.Collect(sentence, tags, confidence, spans);
        }

        EntityRecognizer.MakeConsistent(input, spans, Model.Classes.Length);

        // Tags after the consistency step, per token (0 = outside), and each mention's calibrated confidence.
        string[] labels = new string[n];
        Array.Fill(labels, "O");
        bool[] unsure = new bool[n];
        foreach (NerMentionSpan span in spans)
        {
            string type = Model.Classes[span.Class - 1];
            bool sure = Model.Calibrate(span.Confidence) >= MinMentionConfidence;
            for (int k = 0; k < span.TokenCount; k++)
            {
                labels[span.FirstToken + k] = (k == 0 ? "B-" : "I-") + type;
                unsure[span.FirstToken + k] = !sure;
            }
        }

        foreach (NerSentence sentence in input.Sentences)
        {
            counts[d, 0]++;
            int end = sentence.FirstToken + sentence.TokenCount;
            var words = new string[sentence.TokenCount];
            for (int i = 0; i < sentence.TokenCount; i++)
            {
                words[i] = input.TokenText(sentence.FirstToken + i).ToString();
            }

            // Every sentence is checked against the dev/test text first, so the count covers all of it.
            if (excluded.Contains(Key(words)))
            {
                counts[d, 4]++;
                continue;
            }

            bool mention = false;
            bool doubtful = sentence.IsHeadline;
            bool whitespace = false;
            int mentions = 0;
            for (int i = sentence.FirstToken; i < end; i++)
            {
                ReadOnlySpan<char> word = input.TokenText(i);
                whitespace |= word.ContainsAny(" \t\r\n\u00A0");
                if (labels[i] != "O")
                {
                    mention = true;
                    doubtful |= unsure[i];
                    mentions += labels[i][0] == 'B' ? 1 : 0;
                }
                else if (word.Length > 0 && char.IsUpper(word[0]) && confidence[i] < MinOutsideConfidence)
                {
                    doubtful = true;
                }
            }

            if (!mention)
            {
                counts[d, 1]++;
                continue;
            }

            if (doubtful || whitespace)
            {
                counts[d, 2]++;
                continue;
            }

            string last = words[^1];
            if (!(last is "." or "!" or "?" or "\"" or "\u201D" or "'" or "\u2019"))
            {
                counts[d, 3]++;
                continue;
            }

            var pairs = new string[sentence.TokenCount][];
            for (int i = 0; i < sentence.TokenCount; i++)
            {
                pairs[i] = [words[i], labels[sentence.FirstToken + i]];
            }

            counts[d, 5] += mentions;
            kept.Add(pairs);
        }

        return kept;
    }

    /// <summary>A one-line summary of a run.</summary>
    public static string Describe(Statistics s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.Documents} documents, {s.Sentences} sentences: {s.NoMention} without a mention, {s.Unsure} unsure, {s.Unpunctuated} unpunctuated, {s.Overlapping} equal to a dev/test sentence (checked first, over all sentences); kept {s.Kept} sentences ({s.KeptTokens} tokens, {s.KeptMentions} mentions); written {s.WrittenDocuments} documents, {s.WrittenSentences} sentences, {s.WrittenTokens} tokens");
}
