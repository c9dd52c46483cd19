using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsExtract.Worker;

// NewsExtract.Worker             run the worker (settings: appsettings.json, NewsExtract__* environment variables, --NewsExtract:Key=value)
// NewsExtract.Worker publish F   publish the JSON lines of file F ('-': standard input) to the queue, then exit
if (args.Length > 0 && args[0] == "publish")
{
    IConfiguration configuration = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args[1..].Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
        .Build();
    var options = new WorkerOptions();
    configuration.GetSection(WorkerOptions.Section).Bind(options);
    string path = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "-";
    using Stream input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
    await using ArticlePublisher publisher = await ArticlePublisher.ConnectAsync(options, CancellationToken.None);
    int published = await publisher.PublishAsync(ArticlePublisher.ReadLines(input), CancellationToken.None);
    Console.Error.WriteLine($"published {published} messages to {options.Queue}");
    return 0;
}

// appsettings.json beside the binary, wherever the worker is started from.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.Configure<WorkerOptions>(builder.Configuration.GetSection(WorkerOptions.Section));
builder.Services.Configure<HostOptions>(host =>
{
    var worker = new WorkerOptions();
    builder.Configuration.GetSection(WorkerOptions.Section).Bind(worker);
    host.ShutdownTimeout = worker.ShutdownTimeout;
    host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
});
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss.fff ";
    console.UseUtcTimestamp = true;
});

// Concurrency is the worker's (one analysis per processor task); each analysis runs on one thread.
builder.Services.AddNewsExtract(new NewsExtract.ArticleAnalyzerOptions { MaxDegreeOfParallelism = 1 });
builder.Services.AddSingleton(services => new ArticleStore(services.GetRequiredService<IOptions<WorkerOptions>>().Value.Postgres));
builder.Services.AddHostedService<ArticleConsumer>();

using IHost host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
