using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace NewsExtract.Cli.JsonLines;

/// <summary>
/// <c>analyze --input jsonl</c>: streams JSON lines through <see cref="IArticleAnalyzer.AnalyzeManyAsync(IAsyncEnumerable{string}, CancellationToken)"/>.
/// Lines are read as the analyzer asks for texts (it keeps at most twice its parallelism in flight),
/// so memory is bounded by that window and the line limit, not by the input's size. Each result line
/// is the input's <c>id</c>, its other fields (except <c>text</c>) and then the analysis, in input order.
/// A bad line is reported on standard error as a JSON record with its line number and skipped.
/// </summary>
internal sealed class JsonLinesRunner
{
    /// <summary>Room for the other fields of a line and for JSON escapes, beyond the text limit.</summary>
    private const int LineSlack = 1024 * 1024;

    private readonly IArticleAnalyzer _analyzer;
    private readonly int _maxTextBytes;
    private readonly TextWriter _errors;
    private readonly Lock _errorLock = new();
    private readonly bool _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<InputRecord> _pending = new();
    private long _failed;
    private long _analyzed;
    private long _bytesAnalyzed;
    private long _lastProgressTicks;

    public JsonLinesRunner(IArticleAnalyzer analyzer, int maxTextBytes, TextWriter errors, bool progress)
    {
        _analyzer = analyzer;
        _maxTextBytes = maxTextBytes;
        _errors = errors;
        _progress = progress;
    }

    /// <summary>Gets the number of bad lines so far.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets the number of lines analysed so far.</summary>
    public long Analyzed => Interlocked.Read(ref _analyzed);

    /// <summary>The longest line accepted for a text limit: twice the limit (escapes) plus room for other fields.</summary>
    public static int MaxLineBytes(int maxTextBytes) => (int)Math.Min(int.MaxValue - 64L, 2L * maxTextBytes + LineSlack);

    public async Task RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        using var lines = new Utf8LineReader(input, MaxLineBytes(_maxTextBytes));
        var analysisBuffer = new MemoryStream();
        var line = new ArrayBufferWriter<byte>(64 * 1024);
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (ArticleAnalysis analysis in _analyzer.AnalyzeManyAsync(ReadTextsAsync(lines, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            if (!_pending.TryDequeue(out InputRecord? record))
            {
                throw new InvalidOperationException("A result arrived without its input line.");
            }

            analysisBuffer.SetLength(0);
            ArticleAnalysisJson.Serialize(analysisBuffer, analysis);
            line.ResetWrittenCount();
            WriteResultLine(line, record, analysisBuffer.GetBuffer().AsSpan(0, (int)analysisBuffer.Length), names);
            await output.WriteAsync(line.WrittenMemory, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _analyzed);
            Interlocked.Add(ref _bytesAnalyzed, record.TextBytes);
            MaybeShowProgress();
        }

        if (_progress)
        {
            lock (_errorLock)
            {
                ShowProgress();
                _errors.WriteLine();
            }
        }
    }

    /// <summary>The texts of the good lines, each queued with its record just before the analyzer takes it.</summary>
    private async IAsyncEnumerable<string> ReadTextsAsync(Utf8LineReader lines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            LineStatus status = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (status == LineStatus.End)
            {
                yield break;
            }

            if (status == LineStatus.TooLong)
            {
                ReportBadLine(lines.LineNumber, null, $"line is longer than {MaxLineBytes(_maxTextBytes)} bytes (twice --max-text-size plus 1 MiB)");
                continue;
            }

            ReadOnlySpan<byte> bytes = lines.Line.Span;
            if (InputRecord.IsBlank(bytes))
            {
                continue;
            }

            InputRecord? record = InputRecord.Parse(bytes, lines.LineNumber, _maxTextBytes, out string? text, out string? error, out byte[]? rawId);
            if (record is null)
            {
                ReportBadLine(lines.LineNumber, rawId, error!);
                continue;
            }

            _pending.Enqueue(record);
            yield return text!;
        }
    }

    /// <summary>Writes <c>{"id":…,other fields…,analysis fields…}</c> and a newline.</summary>
    private static void WriteResultLine(ArrayBufferWriter<byte> line, InputRecord record, ReadOnlySpan<byte> analysis, HashSet<string> analysisNames)
    {
        CollectTopLevelNames(analysis, analysisNames);
        Append(line, "{\"id\":"u8);
        Append(line, record.RawId);
        foreach ((string name, byte[] rawName, byte[] rawValue) in record.Fields)
        {
            // An input field named like a field of the analysis (say "title") is kept as "input.title".
            Append(line, analysisNames.Contains(name) ? ",\"input."u8 : ",\""u8);
            Append(line, rawName);
            Append(line, "\":"u8);
            Append(line, rawValue);
        }

        ReadOnlySpan<byte> body = analysis[1..].TrimStart(" \t\r\n"u8);
        if (body.Length > 0 && body[0] != (byte)'}')
        {
            Append(line, ","u8);
        }

        Append(line, body);
        Append(line, "\n"u8);
    }

    private static void CollectTopLevelNames(ReadOnlySpan<byte> json, HashSet<string> names)
    {
        names.Clear();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }
    }

    private static void Append(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    private void ReportBadLine(long lineNumber, byte[]? rawId, string error)
    {
        Interlocked.Increment(ref _failed);
        var record = new StringBuilder(128);
        record.Append("{\"line\":").Append(lineNumber);
        if (rawId is not null)
        {
            record.Append(",\"id\":").Append(Encoding.UTF8.GetString(rawId));
        }

        record.Append(",\"error\":\"").Append(JsonEncodedText.Encode(error, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()).Append("\"}");
        lock (_errorLock)
        {
            if (_progress)
            {
                _errors.Write("\r\u001b[K");
            }

            _errors.WriteLine(record.ToString());
        }
    }

    private void MaybeShowProgress()
    {
        if (!_progress)
        {
            return;
        }

        long now = _clock.ElapsedTicks;
        if (now - Interlocked.Read(ref _lastProgressTicks) < Stopwatch.Frequency / 4)
        {
            return;
        }

        Interlocked.Exchange(ref _lastProgressTicks, now);
        lock (_errorLock)
        {
            ShowProgress();
        }
    }

    private void ShowProgress()
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        long done = Analyzed;
        double megabytes = Interlocked.Read(ref _bytesAnalyzed) / 1e6;
        _errors.Write(FormattableString.Invariant(
            $"\r{done} articles, {Failed} bad lines, {done / seconds:F1} articles/s, {megabytes / seconds:F2} MB/s\u001b[K"));
    }
}
