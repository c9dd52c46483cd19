using System.Text.Json.Serialization;

namespace NewsExtract.Cli.Commands;

[JsonSerializable(typeof(string))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
