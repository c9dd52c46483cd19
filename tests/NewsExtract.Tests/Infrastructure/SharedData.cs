namespace NewsExtract.Tests.Infrastructure;

/// <summary>
/// Locates <c>../shared</c> (data, fixtures) beside the repository. Tests that need it skip with a
/// clear reason when it is absent (a user's clone) and fail when it is absent under <c>CI=true</c>.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root (the folder holding NewsExtract.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "NewsExtract.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("NewsExtract.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Returns the full path of a file under ../shared, or skips (fails under CI) when it is absent.</summary>
    public static string Require(string relativePath)
    {
        string? root = s_root.Value;
        string? full = root is null ? null : Path.Combine(root, relativePath);
        if (full is not null && (File.Exists(full) || Directory.Exists(full)))
        {
            return full;
        }

        string reason = $"../shared/{relativePath} is not available (it sits beside the repository in the project's workspace and CI).";
        if (IsCi)
        {
            Assert.Fail(reason + " CI=true, so this is a failure.");
        }

        Assert.Skip(reason);
        return null!;
    }

    private static string? FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("NEWSEXTRACT_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        string candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
