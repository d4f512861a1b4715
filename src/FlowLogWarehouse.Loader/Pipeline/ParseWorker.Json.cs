using System.Text.Json;
using FlowLogWarehouse.Core.Parsing;

namespace FlowLogWarehouse.Loader.Pipeline;

internal sealed partial class ParseWorker
{
    /// <summary>
    /// A line of JSON: one or more objects, each a CloudWatch Logs subscription payload (every
    /// <c>logEvents[].message</c> is a record) or a <c>{"message": "…"}</c> wrapper. Each record counts as a line read.
    /// </summary>
    private void ProcessJsonLine(SourceState source, ReadOnlySpan<byte> line, long lineNumber, ref LineCounts counts)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        var records = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    counts.LinesRead++;
                    Quarantine(source, line, lineNumber, null, null, null, "is JSON but not an object with 'message' or 'logEvents'", ref counts);
                    reader.Skip();
                    continue;
                }
                records += ProcessJsonObject(source, ref reader, line, lineNumber, ref counts);
            }
        }
        catch (JsonException e)
        {
            counts.LinesRead++;
            Quarantine(source, line, lineNumber, null, null, null, $"is not valid JSON ({e.Message})", ref counts);
            return;
        }
        if (records == 0)
        {
            counts.LinesRead++;
            counts.Skipped++;
        }
    }

    /// <summary>Reads one object; returns how many records (line-read units) it held.</summary>
    private int ProcessJsonObject(SourceState source, ref Utf8JsonReader reader, ReadOnlySpan<byte> line, long lineNumber, ref LineCounts counts)
    {
        var units = 0;
        var control = false;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
                continue;
            if (reader.ValueTextEquals("messageType"u8))
            {
                reader.Read();
                control = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("CONTROL_MESSAGE"u8);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                units++;
                Record(source, ref reader, line, lineNumber, null, control, LineParser.Null, ref counts);
            }
            else if (reader.ValueTextEquals("logEvents"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }
                    var eventDepth = reader.CurrentDepth;
                    var found = false;
                    var eventSeconds = LineParser.Null;
                    while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == eventDepth))
                    {
                        if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == eventDepth + 1 && reader.ValueTextEquals("message"u8))
                        {
                            reader.Read();
                            found = true;
                            units++;
                            Record(source, ref reader, line, lineNumber, index, control, eventSeconds, ref counts);
                        }
                        else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == eventDepth + 1 && reader.ValueTextEquals("timestamp"u8))
                        {
                            // CloudWatch's ingestion time (ms): places records whose format has no start or end.
                            reader.Read();
                            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms) && ms >= 0)
                                eventSeconds = ms / 1000;
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            reader.Skip();
                        }
                    }
                    if (!found)
                    {
                        units++;
                        counts.LinesRead++;
                        Quarantine(source, line, lineNumber, index, null, null, "log event has no 'message'", ref counts);
                    }
                    index++;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return units;
    }

    private void Record(SourceState source, ref Utf8JsonReader reader, ReadOnlySpan<byte> line, long lineNumber, int? eventIndex, bool control, long eventSeconds, ref LineCounts counts)
    {
        counts.LinesRead++;
        if (control)
        {
            counts.Skipped++;
            return;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            Quarantine(source, line, lineNumber, eventIndex, null, null, "'message' is not a string", ref counts);
            return;
        }
        ReadOnlySpan<byte> message;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (_scratch.Length < needed)
                _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
            message = _scratch.AsSpan(0, reader.CopyString(_scratch));
        }
        else
        {
            message = reader.ValueSpan;
        }
        message = message.TrimEnd("\r\n"u8);
        if (IsBlank(message))
            counts.Skipped++;
        else
            ProcessRecord(source, message, lineNumber, eventIndex, ref counts, eventSeconds);
    }
}
