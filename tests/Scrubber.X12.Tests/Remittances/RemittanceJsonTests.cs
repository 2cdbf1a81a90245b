using System.Text.Json;
using Scrubber.Testing;
using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Remittances;

public sealed class RemittanceJsonTests
{
    [Fact]
    public void Write_UnitedHealthcare_MatchesTheGoldenFile()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes("835/keironstoddart__835_united_healthcare_legacy_sample.txt"));
        var golden = Path.Combine(RepositoryPaths.Root, "tests", "Scrubber.X12.Tests", "Remittances", "Golden", "united_healthcare_legacy_sample.json");

        var json = RemittanceJson.Write(file);

        Assert.Equal(File.ReadAllText(golden).ReplaceLineEndings("\n").TrimEnd(), json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_BlueCrossFragment_UsesTheDocumentedNamesOrderAndTypes()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes("835/keironstoddart__835_blue_cross_nc_sample.txt"));

        using var json = JsonDocument.Parse(RemittanceJson.Write(file));

        var root = json.RootElement;
        Assert.Equal<string>(["transactions", "claims"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("transactions").GetInt32());
        var claim = Assert.Single(root.GetProperty("claims").EnumerateArray());
        Assert.Equal<string>(["claimId", "status", "charge", "paid", "payerClaimNumber", "adjustments", "lines"], claim.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1922.86m, claim.GetProperty("paid").GetDecimal());
        var lines = claim.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal<string>(
            ["lineControlNumber", "procedureCode", "modifiers", "serviceDate", "charge", "paid", "originalProcedureCode", "adjustments", "remarkCodes"],
            lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("0001", "59430", "2010-12-31", "59410"), (
            lines[0].GetProperty("lineControlNumber").GetString(),
            lines[0].GetProperty("procedureCode").GetString(),
            lines[0].GetProperty("serviceDate").GetString(),
            lines[0].GetProperty("originalProcedureCode").GetString()));
        Assert.Equal(JsonValueKind.Number, lines[0].GetProperty("charge").ValueKind);
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("originalProcedureCode").ValueKind);
        var adjustment = lines[0].GetProperty("adjustments")[0];
        Assert.Equal<string>(["group", "reason", "amount", "quantity"], adjustment.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("CO", "42", 34.6m, JsonValueKind.Null), (
            adjustment.GetProperty("group").GetString(),
            adjustment.GetProperty("reason").GetString(),
            adjustment.GetProperty("amount").GetDecimal(),
            adjustment.GetProperty("quantity").ValueKind));
    }

    [Fact]
    public void Write_ManyTransactions_ListsClaimsOfAllTransactionsInFileOrder()
    {
        var file = Remittance835Parser.Read(X12Fixtures.Bytes("835/tastypackets__835_profee-multiple.edi"));

        using var json = JsonDocument.Parse(RemittanceJson.Write(file));

        Assert.Equal(156, json.RootElement.GetProperty("transactions").GetInt32());
        var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(468, claims.Count);
        Assert.Equal<string>(["1", "2", "2", "1"], claims.Take(4).Select(c => c.GetProperty("status").GetString()!));
        Assert.Equal<string>(["RB"], claims[0].GetProperty("lines")[0].GetProperty("modifiers").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal<string>(["N206"], claims[2].GetProperty("lines")[3].GetProperty("remarkCodes").EnumerateArray().Select(m => m.GetString()!));
    }
}
