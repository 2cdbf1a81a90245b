namespace Scrubber.Server.Security;

/// <summary>How the dashboard's sign-in form is protected from guessing; <c>Security:SignIn</c>.</summary>
internal sealed class SignInOptions
{
    /// <summary>The most sign-in attempts one client address, and one presented key (by its SHA-256), may make in a
    /// minute; more get 429 with <c>Retry-After</c>. Default 10; 1 to 1,000.</summary>
    public int MaxAttemptsPerMinute { get; init; } = 10;
}
