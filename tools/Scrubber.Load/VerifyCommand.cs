using System.CommandLine;

namespace Scrubber.Load;

/// <summary><c>scrubber-load verify</c>: checks that every acknowledged scrub id is in the audit store.</summary>
internal sealed class VerifyCommand : Command
{
    private readonly Option<string> _db = new("--db") { Description = "the audit store (SQLite file)", HelpName = "FILE", Required = true };
    private readonly Option<string> _acks = new("--acks") { Description = "the file run --acks wrote", HelpName = "FILE", Required = true };

    public VerifyCommand()
        : base("verify", "Check that every scrub id in the acks file is in the audit store: print found/missing, exit 1 if any is missing.")
    {
        Options.Add(_db);
        Options.Add(_acks);
        SetAction(parse => AckVerifier.Run(parse.GetRequiredValue(_db), parse.GetRequiredValue(_acks)));
    }
}
