using Bogus;

namespace Scrubber.Generators.Fuzzing;

/// <summary>Element-level mutations of an 835: amounts, dates, codes, counts, separators and loop repetition. Each
/// changes the file in place and says what it did, so a failing case can be read and reproduced.</summary>
internal static class RemittanceMutations
{
    /// <summary>Amount elements of an 835 (R, money): CLP03–05, SVC02–03, CAS amounts, BPR02, PLB amounts.</summary>
    private static readonly (string Id, int[] Positions)[] Amounts =
    [
        ("CLP", [3, 4, 5]), ("SVC", [2, 3]), ("CAS", [3, 6, 9, 12, 15, 18]), ("BPR", [2]), ("PLB", [4, 6]), ("AMT", [2]),
    ];

    private static readonly (string Id, int[] Positions)[] Quantities = [("SVC", [5, 7]), ("CAS", [4, 7, 10])];

    private static readonly (string Id, int[] Positions)[] Dates = [("DTM", [2]), ("BPR", [16])];

    private static readonly (string Id, int[] Positions)[] Codes =
    [
        ("CLP", [1, 2, 6, 7]), ("SVC", [1, 6]), ("CAS", [1, 2, 5]), ("REF", [1, 2]), ("LQ", [1, 2]), ("N1", [1, 3, 4]), ("ST", [1, 2]),
    ];

    private static readonly (string Id, int[] Positions)[] Counts = [("SE", [1]), ("GE", [1]), ("IEA", [1])];

    private static readonly string[] HostileNumbers =
    [
        "100000000000000000000", "-100000000000000000000", "99999999.99", "100000000.00", "-99999999.99", "1e5", "1E-5", "NaN",
        "Infinity", "1,000.00", "0.0000000000000000001", "-0", "+5", ".", "-", "5.", ".5", "ABC", "", " ", "1 000",
        "79228162514264337593543950335", new string('9', 40), new string('9', 10_000), "0x1F", "١٠٠", "12.345678901234567890",
    ];

    private static readonly string[] HostileDates =
    [
        "", "20261399", "00000000", "20260230", "2026-07-01", "99991231", "00010101", "2", "202607011", "NULL", "２０２６０７０１",
    ];

    private static readonly string[] HostileCodes =
    [
        "", " ", "HC", "HC:", ":", "::::::", "HC::::::::::", "XX>99213", "HC>99213>25", "HC:99213:25:59:XS:XU:76:77", "22", "4",
        "97", "B15", "N362", "\u0001\u001F", "é", "漢字", new string('Z', 80), new string('Z', 10_000), "\0", "'; DROP TABLE remit_lines; --",
    ];

    private static readonly string[] HostileCounts = ["", "0", "-1", "abc", "99999999999999999999", "1.5", "2147483648", "00001"];

    private static readonly char[] OtherSeparators = ['>', '<', '|', '!', '\\', '^', '.', '-'];

    private static readonly int[] Repeats = [1, 2, 10, 100, 1000];

    private static readonly string[] ExtraValues = ["", "1", "X"];

    private static readonly string[] Fillers = ["   ", "\t", "\r\n\r\n", "\n\n\n"];

    public static readonly Func<X12Text, Randomizer, string>[] All =
    [
        (x, r) => SetElement(x, r, Amounts, HostileNumbers, "amount"),
        (x, r) => SetElement(x, r, Quantities, HostileNumbers, "quantity"),
        (x, r) => SetElement(x, r, Dates, HostileDates, "date"),
        (x, r) => SetElement(x, r, Codes, HostileCodes, "code"),
        (x, r) => SetElement(x, r, Counts, HostileCounts, "count"),
        RandomElement,
        SeparatorInsideElement,
        OtherComponentSeparator,
        RepeatLoop,
        DropSegment,
        DuplicateSegment,
        SwapSegments,
        TruncateSegments,
        ExtraElements,
        Filler,
    ];

    private static string SetElement(X12Text x, Randomizer r, (string Id, int[] Positions)[] where, string[] values, string what)
    {
        var candidates = where.SelectMany(w => x.IndexesOf(w.Id).SelectMany(i => w.Positions.Select(p => (i, p)))).ToList();
        if (candidates.Count == 0)
        {
            return $"no {what} element to change";
        }

        var (index, position) = r.ListItem(candidates);
        var value = r.ArrayElement(values);
        Set(x.Segments[index], position, value);
        return $"{what} {x.Segments[index][0]}{position:D2} of segment {index} = '{Clip(value)}'";
    }

    private static string RandomElement(X12Text x, Randomizer r)
    {
        var index = r.Int(1, x.Segments.Count - 1);
        var segment = x.Segments[index];
        var position = r.Int(1, Math.Max(1, segment.Count));
        var value = r.Bool() ? r.Utf16String(0, 40, excludeSurrogates: true) : r.ArrayElement(HostileCodes);
        Set(segment, position, value);
        return $"element {segment[0]}{position:D2} of segment {index} = '{Clip(value)}'";
    }

    private static string SeparatorInsideElement(X12Text x, Randomizer r)
    {
        var index = r.Int(1, x.Segments.Count - 1);
        var segment = x.Segments[index];
        var position = r.Int(1, Math.Max(1, segment.Count - 1));
        var separator = r.ArrayElement(new[] { x.Separators.Element, x.Separators.Component, x.Separators.Segment, x.Separators.Repetition ?? '^' });
        var value = position < segment.Count ? segment[position] : string.Empty;
        Set(segment, position, value.Insert(r.Int(0, value.Length), separator.ToString()));
        return $"separator '{separator}' inside {segment[0]}{position:D2} of segment {index}";
    }

    private static string OtherComponentSeparator(X12Text x, Randomizer r)
    {
        var other = r.ArrayElement(OtherSeparators);
        var changed = 0;
        foreach (var index in x.IndexesOf("SVC").Where(_ => r.Bool()))
        {
            x.Segments[index][1] = x.Segments[index][1].Replace(x.Separators.Component, other);
            changed++;
        }

        return $"component separator '{other}' in {changed} SVC01";
    }

    /// <summary>Repeats a claim (CLP to the next CLP, LX or SE) or a line (SVC to the next SVC, CLP, LX or SE).</summary>
    private static string RepeatLoop(X12Text x, Randomizer r)
    {
        var opener = r.Bool() ? "CLP" : "SVC";
        var starts = x.IndexesOf(opener);
        if (starts.Count == 0)
        {
            return $"no {opener} loop to repeat";
        }

        var start = r.ListItem(starts);
        var end = start + 1;
        string[] closers = opener == "CLP" ? ["CLP", "LX", "SE", "PLB"] : ["SVC", "CLP", "LX", "SE", "PLB"];
        while (end < x.Segments.Count && !closers.Contains(x.Segments[end][0]))
        {
            end++;
        }

        // At most some 20,000 added segments and 1 MiB: the file stays under Outcomes:MaxRemittanceBytes and far under
        // the gRPC message limit, so what is tested is the reading of many loops, not the size limits (tested on their own).
        var loop = x.Segments.GetRange(start, end - start);
        var loopBytes = loop.Sum(s => s.Sum(e => e.Length + 1));
        var times = Math.Max(1, Math.Min(r.ArrayElement(Repeats), Math.Min(20_000 / loop.Count, 1024 * 1024 / loopBytes)));
        x.Segments.InsertRange(end, Enumerable.Range(0, times).SelectMany(_ => loop.Select(s => s.ToList())));
        return $"{opener} loop at segment {start} ({loop.Count} segments) repeated {times} more times";
    }

    private static string DropSegment(X12Text x, Randomizer r)
    {
        var index = r.Int(0, x.Segments.Count - 1);
        var id = x.Segments[index][0];
        x.Segments.RemoveAt(index);
        return $"segment {index} ({Clip(id, 3)}) dropped";
    }

    private static string DuplicateSegment(X12Text x, Randomizer r)
    {
        var index = r.Int(0, x.Segments.Count - 1);
        x.Segments.Insert(index, x.Segments[index].ToList());
        return $"segment {index} ({Clip(x.Segments[index][0], 3)}) duplicated";
    }

    private static string SwapSegments(X12Text x, Randomizer r)
    {
        var a = r.Int(0, x.Segments.Count - 1);
        var b = r.Int(0, x.Segments.Count - 1);
        (x.Segments[a], x.Segments[b]) = (x.Segments[b], x.Segments[a]);
        return $"segments {a} and {b} swapped";
    }

    private static string TruncateSegments(X12Text x, Randomizer r)
    {
        var keep = r.Int(1, x.Segments.Count);
        x.Segments.RemoveRange(keep, x.Segments.Count - keep);
        return $"cut after segment {keep}";
    }

    private static string ExtraElements(X12Text x, Randomizer r)
    {
        var index = r.Int(1, x.Segments.Count - 1);
        var extra = r.Int(1, 300);
        x.Segments[index].AddRange(Enumerable.Repeat(r.ArrayElement(ExtraValues), extra));
        return $"{extra} extra elements on segment {index} ({Clip(x.Segments[index][0], 3)})";
    }

    private static string Filler(X12Text x, Randomizer r)
    {
        var index = r.Int(1, x.Segments.Count - 1);
        var segment = x.Segments[index];
        var filler = r.ArrayElement(Fillers);
        segment[^1] += filler;
        return $"filler '{filler.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}' after segment {index}";
    }

    private static void Set(List<string> segment, int position, string value)
    {
        while (segment.Count <= position)
        {
            segment.Add(string.Empty);
        }

        segment[position] = value;
    }

    private static string Clip(string text, int length = 24) =>
        (text.Length > length ? text[..length] + "…" : text).Replace("\0", "\\0", StringComparison.Ordinal);
}
