using CsCheck;
using NewsExtract.Internal;
using NewsExtract.Resolution;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Resolution;

public class EntityResolverPropertyTests
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["ABCab .,\u2019'\n-\u00C9\uD800"], 0, 200],
        Gen.Const("Mr. Smith, the spokesman, said.\nLeave a Reply\nThe U.S. and Presidents Putin and Joe Biden\u2019s aides."));

    /// <summary>Any text with any word-aligned spans: never throws, every mention is inside the text and belongs to an entity.</summary>
    [Fact]
    public void Resolve_AnyTextAndSpans_ConsistentOutput()
    {
        Gen.Select(s_text, Gen.Int[0, 1000], Gen.Float[0f, 1f]).Sample((text, seed, confidence) =>
        {
            var document = new AnalysisDocument(text);
            document.SetLayout(new ArticleStructureParser().Parse(text));
            document.SetTokens(TextTokenizer.Tokenize(text));
            var random = new Random(seed);
            var mentions = new List<MentionInfo>();
            int t = 0;
            while (t < document.Tokens.Length)
            {
                int count = random.Next(1, 5);
                if (random.Next(3) == 0 && t + count <= document.Tokens.Length)
                {
                    EntityType type = (EntityType)random.Next(1, 4);
                    mentions.Add(new MentionInfo(document.Tokens[t].Start, document.Tokens[t + count - 1].End, t, count, type, confidence));
                }

                t += count;
            }

            MentionInfo[] raw = mentions.ToArray();
            MentionInfo[] rawCopy = (MentionInfo[])raw.Clone();
            document.SetRawMentions(raw);
            TestDocuments.Resolve(document);

            // Resolution returns its own layer: the tagger's mentions are left as they were.
            Assert.Equal(rawCopy, document.RawMentions);
            Assert.Equal(document.Mentions.Length, document.Resolution.Cleaned.Length);
            for (int m = 0; m < document.Mentions.Length; m++)
            {
                int from = document.Resolution.Cleaned[m].RawMention;
                Assert.InRange(from, 0, raw.Length - 1);
                Assert.True(raw[from].Start <= document.Mentions[m].Start && document.Mentions[m].End <= raw[from].End, "a cleaned mention lies inside the raw mention it came from");
            }

            Assert.Equal(document.Mentions.Length, document.MentionEntity.Length);
            int previousEnd = 0;
            for (int m = 0; m < document.Mentions.Length; m++)
            {
                MentionInfo mention = document.Mentions[m];
                Assert.True(mention.Start >= previousEnd && mention.End > mention.Start && mention.End <= text.Length);
                previousEnd = mention.End;
                EntityInfo entity = document.Entities[document.MentionEntity[m]];
                Assert.Contains(m, entity.Mentions);
                Assert.Equal(entity.Type, mention.Type);
            }

            Assert.Equal(document.Mentions.Length, document.Entities.Sum(e => e.Mentions.Count));
            Assert.All(document.Entities, e => Assert.Equal(e.Name, e.Aliases[0]));
        }, iter: 1000);
    }
}
