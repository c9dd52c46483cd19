using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NewsExtract.Serialization;

namespace NewsExtract.Tests.Serialization;

public class ArticleAnalysisJsonTests
{
    [Fact]
    public void Serialize_SampleArticle_HasContractShape()
    {
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(ArticleAnalyzer.GetSampleArticle(), TestContext.Current.CancellationToken);
        using JsonDocument doc = JsonDocument.Parse(ArticleAnalysisJson.Serialize(analysis));
        JsonElement root = doc.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(JsonValueKind.String, root.GetProperty("title").ValueKind);
        JsonElement sentence = root.GetProperty("sentences")[0];
        Assert.True(sentence.TryGetProperty("start", out _) && sentence.TryGetProperty("end", out _));

        JsonElement mention = root.GetProperty("mentions")[0];
        foreach (string name in new[] { "start", "end", "text", "type", "entityId", "confidence" })
        {
            Assert.True(mention.TryGetProperty(name, out _), "mention." + name);
        }

        Assert.Contains(mention.GetProperty("type").GetString(), new[] { "Person", "Organization", "Location" });

        JsonElement entity = root.GetProperty("entities")[0];
        foreach (string name in new[] { "id", "type", "name", "aliases", "mentionCount" })
        {
            Assert.True(entity.TryGetProperty(name, out _), "entity." + name);
        }

        foreach (JsonElement quote in root.GetProperty("quotes").EnumerateArray())
        {
            Assert.True(quote.TryGetProperty("speaker", out JsonElement speaker), "quote.speaker must always be present (null when unknown)");
            Assert.Contains(quote.GetProperty("kind").GetString(), new[] { "Direct", "Partial", "Indirect" });
            if (speaker.ValueKind == JsonValueKind.Object)
            {
                Assert.True(speaker.TryGetProperty("name", out _));
            }
        }

        Assert.False(root.TryGetProperty("tokens", out _), "tokens are omitted unless requested");
    }

    [Fact]
    public void Deserialize_RoundTrip_IsIdentical()
    {
        var analyzer = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { IncludeTokens = true });
        ArticleAnalysis analysis = analyzer.Analyze(ArticleAnalyzer.GetSampleArticle(), TestContext.Current.CancellationToken);
        string json = ArticleAnalysisJson.Serialize(analysis);

        ArticleAnalysis back = ArticleAnalysisJson.Deserialize(json);

        Assert.Equal(json, ArticleAnalysisJson.Serialize(back));
        Assert.Equal(analysis.Quotes.Count, back.Quotes.Count);
        Assert.Equal(analysis.Tokens!.Count, back.Tokens!.Count);
    }

    [Fact]
    public void Serialize_Stream_WritesSameUtf8AsString()
    {
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze("Anna Smith visited Paris.", TestContext.Current.CancellationToken);
        using var stream = new MemoryStream();
        ArticleAnalysisJson.Serialize(stream, analysis, indented: true);
        Assert.Equal(ArticleAnalysisJson.Serialize(analysis, indented: true), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Deserialize_Null_Throws() => Assert.Throws<JsonException>(() => ArticleAnalysisJson.Deserialize("null"));

    [Fact]
    public void ContractRules_QuoteWithoutSpeaker_SpeakerStillWritten()
    {
        // The contract's "speaker": null comes from the JSON context's rules, not from an attribute on Quote.
        var options = new JsonSerializerOptions(NewsExtractJsonContext.Default.Options)
        {
            TypeInfoResolver = NewsExtractJsonContext.Default.WithAddedModifier(NewsExtractJsonContext.ContractRules),
        };
        JsonTypeInfo info = options.GetTypeInfo(typeof(Quote));
        var quote = (Quote)JsonSerializer.Deserialize("{\"start\":0,\"end\":1,\"text\":\"x\",\"kind\":\"Direct\",\"speaker\":null}", info)!;
        Assert.Null(quote.Speaker);
        JsonPropertyInfo speaker = Assert.Single(info.Properties, p => p.Name == "speaker");
        Assert.NotNull(speaker.ShouldSerialize);
        Assert.True(speaker.ShouldSerialize(quote, null));

        string json = JsonSerializer.Serialize(quote, info);
        Assert.Contains("\"speaker\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cue", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Speaker_IsWrittenFlat_WithTheMentionFieldsOnlyWhenThereIsAMention()
    {
        // CONTRACT.md: speaker {entityId, name, start, end, text, confidence}; the mention object is API, not JSON.
        var options = new JsonSerializerOptions(NewsExtractJsonContext.Default.Options)
        {
            TypeInfoResolver = NewsExtractJsonContext.Default.WithAddedModifier(NewsExtractJsonContext.ContractRules),
        };
        JsonTypeInfo info = options.GetTypeInfo(typeof(Speaker));
        var said = new Speaker(3, "Anna O'Neil", new SpeakerMention(10, 14, "Anna")) { Confidence = 0.25 };
        var carried = new Speaker(null, "the mayor", mention: null);

        string saidJson = JsonSerializer.Serialize(said, info);
        string carriedJson = JsonSerializer.Serialize(carried, info);

        Assert.Equal("{\"entityId\":3,\"name\":\"Anna O\\u0027Neil\",\"start\":10,\"end\":14,\"text\":\"Anna\",\"confidence\":0.25}", saidJson);
        Assert.Equal("{\"name\":\"the mayor\"}", carriedJson);
        Assert.Equal(said, JsonSerializer.Deserialize(saidJson, info));
        Assert.Equal(carried, JsonSerializer.Deserialize(carriedJson, info));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"name\":\"x\",\"start\":1}", info));
    }
}
