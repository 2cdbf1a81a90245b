namespace Scrubber.Testing;

/// <summary>One mutated copy of a file and what was done to it.</summary>
public sealed record ByteMutation(string Description, byte[] Bytes);

/// <summary>Seeded byte-level mutations of a file: flip a bit, delete, insert or duplicate a range, truncate.
/// The same seed gives the same mutations, so a failure names its seed and mutation and is reproduced from them.</summary>
public static class ByteMutator
{
    /// <summary>Bytes that change meaning in the files we read: separators of X12, PTP and JSON, a line break, NUL,
    /// a byte that is not UTF-8 on its own.</summary>
    private static readonly byte[] Meaningful = [(byte)'~', (byte)'*', (byte)':', (byte)'\t', (byte)'\n', (byte)'"', (byte)'{', (byte)']', (byte)',', 0, 0xC3, 0xFF];

    public static IEnumerable<ByteMutation> Mutate(byte[] original, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Mutate(original, random);
        }
    }

    private static ByteMutation Mutate(byte[] original, Random random)
    {
        var at = random.Next(0, Math.Max(1, original.Length));
        var length = Math.Min(random.Next(1, 64), original.Length - at);
        switch (random.Next(0, 5))
        {
            case 0 when original.Length > 0:
                var bit = random.Next(0, 8);
                var flipped = (byte[])original.Clone();
                flipped[at] ^= (byte)(1 << bit);
                return new($"bit {bit} of byte {at} flipped", flipped);
            case 1:
                return new($"{length} bytes deleted at {at}", [.. original[..at], .. original[(at + length)..]]);
            case 2:
                var inserted = Enumerable.Range(0, random.Next(1, 16)).Select(_ => random.Next(0, 2) == 0 ? Meaningful[random.Next(Meaningful.Length)] : (byte)random.Next(0, 256)).ToArray();
                return new($"{inserted.Length} bytes inserted at {at}", [.. original[..at], .. inserted, .. original[at..]]);
            case 3:
                return new($"truncated at {at}", original[..at]);
            default:
                var to = random.Next(0, original.Length + 1);
                return new($"{length} bytes at {at} repeated at {to}", [.. original[..to], .. original.AsSpan(at, Math.Max(0, length)), .. original[to..]]);
        }
    }
}
