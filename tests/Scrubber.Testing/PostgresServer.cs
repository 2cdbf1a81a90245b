namespace Scrubber.Testing;

/// <summary>The PostgreSQL server the tests may use: <c>SCRUBBER_POSTGRES</c>, a connection string to a server where
/// the test may create databases (<c>.ci/test</c> starts a throwaway one and sets it).</summary>
/// <remarks>Tests that need it use <see cref="PostgresFactAttribute"/> or <see cref="PostgresTheoryAttribute"/>, so they are
/// skipped with <see cref="SkipReason"/> where no server is set, unless <c>SCRUBBER_REQUIRE_POSTGRES=1</c> says one must
/// be there: then they run, and fail loudly when they cannot connect.</remarks>
public static class PostgresServer
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string ConnectionVariable = "SCRUBBER_POSTGRES";

    /// <summary>The environment variable that, set to <c>1</c>, makes the PostgreSQL tests run (and fail) without a server.</summary>
    public const string RequireVariable = "SCRUBBER_REQUIRE_POSTGRES";

    /// <summary>Why the PostgreSQL tests are skipped when no server is set.</summary>
    public const string NotConfigured =
        "PostgreSQL tests need SCRUBBER_POSTGRES, a connection string to a server where the test may create databases; .ci/test starts one";

    /// <summary>The connection string from <c>SCRUBBER_POSTGRES</c>, or null when it is unset or empty.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether <c>SCRUBBER_REQUIRE_POSTGRES=1</c>: the PostgreSQL tests must run, never be skipped.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why a PostgreSQL test is skipped here, or null when it runs.</summary>
    public static string? SkipReason => ConnectionString is null && !Required ? NotConfigured : null;

    /// <summary>The connection string, or an exception that says how to set it.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{ConnectionVariable} is not set ({RequireVariable}={Environment.GetEnvironmentVariable(RequireVariable)}). " +
            $"Set it to a connection string to a PostgreSQL server where the test may create databases, e.g. " +
            $"\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\", or run the tests with .ci/test, which starts one.");
}
