using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Sentences;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Tests.Text.Sentences;

/// <summary>The first stage of the sentence-boundary model: its features, its threshold and its file form.</summary>
public sealed class SentenceGateTests
{
    private static string[] Split(SentenceModel model, string text)
    {
        SentenceInfo[] sentences = new SentenceSplitter(model).Split(text, TextTokenizer.Tokenize(text), PlainTextLayout.Create(text));
        return Array.ConvertAll(sentences, s => text[s.Start..s.End]);
    }

    private static byte[] Bytes(SentenceModel model)
    {
        using var buffer = new MemoryStream();
        model.Write(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Default_HasATrainedGate()
    {
        Assert.True(SentenceModel.Default.HasGate);
        Assert.Equal(SentenceGate.TableSize, SentenceModel.Default.Gate.Length);
        Assert.True(SentenceModel.Default.GateThreshold > int.MinValue);
        Assert.InRange(SentenceModel.Default.GateHighThreshold, SentenceModel.Default.GateThreshold + 1, int.MaxValue - 1);
    }

    [Fact]
    public void Gate_HighThresholdAtTheLowOne_EndsAtEveryCandidateItPasses()
    {
        // With both thresholds equal no candidate reaches the full model: every one the gate passes is an end,
        // so the splitter finds more ends than with the shipped high threshold, none of them fewer than the
        // gate alone allows.
        SentenceModel model = SentenceModel.Default;
        SentenceModel gateOnly = model.WithGate(model.Gate.ToArray(), model.GateThreshold, model.GateThreshold);
        Assert.Equal(model.GateThreshold, gateOnly.GateHighThreshold);
        string text = ArticleAnalyzer.GetSampleArticle();
        Assert.True(Split(gateOnly, text).Length > Split(model, text).Length);
    }

    [Fact]
    public void Gate_WithoutHighThreshold_SameEndsOnPlainSentences()
    {
        // Without a high threshold every candidate the gate passes is scored in full (the format-2 behaviour);
        // on plain sentence ends both agree.
        SentenceModel model = SentenceModel.Default;
        SentenceModel low = model.WithGate(model.Gate.ToArray(), model.GateThreshold);
        Assert.Equal(int.MaxValue, low.GateHighThreshold);
        const string Text = "Officials met on Monday. They agreed on a plan. Talks resume in May.";
        Assert.Equal(Split(model, Text), Split(low, Text));
    }

    [Fact]
    public void Read_FormatVersion2_HasNoHighThreshold()
    {
        // A version 2 file is the version 3 layout without the int32 high threshold after the gate threshold.
        byte[] v3 = Bytes(SentenceModel.Default);
        SentenceModel low = SentenceModel.Default.WithGate(SentenceModel.Default.Gate.ToArray(), SentenceModel.Default.GateThreshold);
        byte[] payload = Bytes(low)[..^8];
        int gateAt = IndexOfGate(payload);
        Assert.Equal(int.MaxValue, BitConverter.ToInt32(payload, gateAt + 8));
        byte[] v2 = [.. payload[..(gateAt + 8)], .. payload[(gateAt + 12)..]];
        BitConverter.GetBytes(2).CopyTo(v2, 8);
        ulong h = 14695981039346656037UL;
        foreach (byte b in v2)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        SentenceModel read = SentenceModel.Read([.. v2, .. BitConverter.GetBytes(h)]);
        Assert.Equal(int.MaxValue, read.GateHighThreshold);
        Assert.Equal(SentenceModel.Default.GateThreshold, read.GateThreshold);
        Assert.True(SentenceModel.Default.Gate.SequenceEqual(read.Gate));
        Assert.Equal(v3.Length, v2.Length + 12);
    }

    /// <summary>Where the gate section starts: after the header and the full model's sparse weights.</summary>
    private static int IndexOfGate(byte[] payload)
    {
        int count = BitConverter.ToInt32(payload, 20);
        int pos = 24;
        for (int k = 0; k < count; k++)
        {
            while (payload[pos++] >= 0x80)
            {
            }

            pos += 2;
        }

        Assert.Equal(SentenceGate.TableSize, BitConverter.ToInt32(payload, pos));
        return pos;
    }

    [Fact]
    public void Gate_RejectingEverything_LeavesOnlyTheHardConstraints()
    {
        // A threshold no score reaches: no candidate gets to the full model, so only the paragraph and the
        // forced line-item end remain.
        SentenceModel closed = SentenceModel.Default.WithGate(SentenceModel.Default.Gate.ToArray(), int.MaxValue);
        string text = "The talks failed. Why? Nobody knows.\n- first item\n- second item";
        Assert.Equal(["The talks failed. Why? Nobody knows.", "- first item", "- second item"], Split(closed, text));
        Assert.Equal(["The talks failed.", "Why?", "Nobody knows.", "- first item", "- second item"], Split(SentenceModel.Default, text));
    }

    [Fact]
    public void Gate_Removed_ScoresEveryCandidateInFull()
    {
        // Without the gate the full model decides alone; on plain sentence ends both agree.
        SentenceModel ungated = SentenceModel.Default.WithGate([], 0);
        Assert.False(ungated.HasGate);
        const string Text = "Officials met on Monday. They agreed on a plan. Talks resume in May.";
        Assert.Equal(Split(SentenceModel.Default, Text), Split(ungated, Text));
    }

    [Fact]
    public void WriteRead_RoundTrip_KeepsTheGate()
    {
        SentenceModel read = SentenceModel.Read(Bytes(SentenceModel.Default));
        Assert.Equal(SentenceModel.Default.GateThreshold, read.GateThreshold);
        Assert.Equal(SentenceModel.Default.GateHighThreshold, read.GateHighThreshold);
        Assert.True(SentenceModel.Default.Gate.SequenceEqual(read.Gate));
        Assert.Equal(SentenceModel.Default.Quantized, read.Quantized);
        Assert.Equal(Bytes(SentenceModel.Default), Bytes(read));
    }

    [Fact]
    public void Read_GateOfTheWrongSize_ThrowsInvalidData()
        => Assert.Throws<InvalidDataException>(() => SentenceModel.Default.WithGate(new short[10], 0));

    [Fact]
    public void Extract_WritesIndicesInsideTheTable()
    {
        const string Text = "\u201CWe won,\u201D she said (twice). Dr. Smith left at 5 p.m. Then: nothing\u2026 ok";
        Token[] tokens = TextTokenizer.Tokenize(Text);
        var state = new SentenceFeatures.State(0);
        Span<int> features = stackalloc int[SentenceGate.FeatureCount];
        for (int i = 0; i < tokens.Length - 1; i++)
        {
            state.Observe(Text, tokens[i]);
            SentenceGate.Extract(Text, tokens, i, 0, tokens.Length, ruleSplit: i % 2 == 0, ref state, features);
            Assert.Equal(0, features[0]);
            for (int k = 1; k < features.Length; k++)
            {
                Assert.InRange(features[k], features[k - 1] + 1, SentenceGate.TableSize - 1);
            }
        }
    }
}
