using System.Collections.Concurrent;
using NewsExtract.Internal;

namespace NewsExtract.Lexicons;

/// <summary>
/// The one loader of the library's embedded lexicons. Each lexicon is parsed once, on first use, and shared
/// by all threads; the cache only ever grows with immutable values, so it holds no observable mutable state.
/// </summary>
internal static class LexiconRegistry
{
    private const string Prefix = "NewsExtract.Lexicons.";
    private const string Suffix = ".txt";

    private static readonly ConcurrentDictionary<string, Lazy<Lexicon>> s_cache = new(StringComparer.Ordinal);

    /// <summary>Returns the lexicon embedded as <c>Lexicons/{name}.txt</c>.</summary>
    /// <exception cref="InvalidOperationException">No such lexicon is embedded.</exception>
    public static Lexicon Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return s_cache.GetOrAdd(name, static n => new Lazy<Lexicon>(() => Lexicon.Parse(n, ResourceText.Read(Prefix + n + Suffix)))).Value;
    }

    /// <summary>The names of every embedded lexicon.</summary>
    public static IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>();
            foreach (string resource in typeof(LexiconRegistry).Assembly.GetManifestResourceNames())
            {
                if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(Suffix, StringComparison.Ordinal))
                {
                    names.Add(resource[Prefix.Length..^Suffix.Length]);
                }
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    /// <summary>The names of the lexicons loaded so far in this process (for the test that every lexicon is used).</summary>
    public static IReadOnlyList<string> LoadedNames
    {
        get
        {
            var names = new List<string>();
            foreach (KeyValuePair<string, Lazy<Lexicon>> pair in s_cache)
            {
                if (pair.Value.IsValueCreated)
                {
                    names.Add(pair.Key);
                }
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }
}
