using System.Collections.Immutable;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs;

/// <summary>A pack's example claim, validated, with the pack edits it must produce.</summary>
public sealed record PackExample(string File, string Description, Claim Claim, ImmutableArray<ExpectedEdit> Expected);
