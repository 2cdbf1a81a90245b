using Xunit;

namespace Scrubber.Testing;

/// <summary>A fact that needs a PostgreSQL server: skipped, with the reason, when <c>SCRUBBER_POSTGRES</c> is unset,
/// unless <c>SCRUBBER_REQUIRE_POSTGRES=1</c> (see <see cref="PostgresServer"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public override string Skip
    {
        get => base.Skip ?? PostgresServer.SkipReason!;
        set => base.Skip = value;
    }
}
