using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Generators;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Mue;

/// <summary>Medicaid MUE files: their own names (<c>MCD_MUE_…</c>), columns found by the header's names in whatever order,
/// and the Medicare loader's guarantees (a broken row refuses the file naming the line).</summary>
public sealed class MedicaidMueLoaderTests : IDisposable
{
    private const string Key = "Mue:MedicaidPractitioner";
    private const string Name = "MCD_MUE_PractitionerServices_Eff_07-01-2026.csv";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_BundledSample_IsAMedicaidReleaseWithItsOwnValues()
    {
        var release = Assert.Single(Load(RepositoryPaths.MedicaidMuePractitionerSample).Releases);

        Assert.Equal(("medicaid-mue-practitioner-2026-07-01", NcciProgram.Medicaid, 5), (release.Info.Version, release.Info.Program, release.Info.Codes));
        Assert.True(release.TryGet(HcpcsCode.Parse("0009U"), out var entry));
        Assert.Equal((4, MueAdjudicationIndicator.DateOfServiceClinical), (entry.Value, entry.Indicator));
    }

    [Fact]
    public void Load_ColumnsInAnotherOrder_AreFoundByTheHeadersNames()
    {
        var path = Write(Name,
            "\"Notice\",,,\r\nMUE Rationale,MUE Adjudication Indicator,\"HCPCS/\r\nCPT Code\",Medicaid Practitioner Services MUE Values\r\n" +
            "Nature of Analyte,3 Date of Service Edit: Clinical,0009U,4\r\nCode Descriptor / CPT Instruction,2,59425,1\r\n");

        var release = Assert.Single(Load(path).Releases);

        Assert.True(release.TryGet(HcpcsCode.Parse("0009U"), out var analyte));
        Assert.Equal((4, MueAdjudicationIndicator.DateOfServiceClinical, "Nature of Analyte"), (analyte.Value, analyte.Indicator, analyte.Rationale));
        Assert.True(release.TryGet(HcpcsCode.Parse("59425"), out var antepartum));
        Assert.Equal((1, MueAdjudicationIndicator.DateOfServicePolicy), (antepartum.Value, antepartum.Indicator));
    }

    [Fact]
    public void Load_HeaderWithoutAnIndicatorColumn_IsRefusedNamingTheLine()
    {
        var path = Write(Name, "\"Notice\",,,\r\nHCPCS,Practitioner Services MUE Values,Rationale\r\n0009U,4,x\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{path}:2: the header 'HCPCS,Practitioner Services MUE Values,R…' has no '… Adjudication Indicator' column", ex.Message);
    }

    [Fact]
    public void Load_BrokenRowInReorderedColumns_RefusesTheFileNamingLineAndField()
    {
        var path = Write(Name, "MUE Adjudication Indicator,HCPCS/CPT Code,Practitioner Services MUE Values\r\n3,0009U,4\r\n2,59425,lots\r\n");

        var ex = Assert.Throws<NcciLoadException>(() => Load(path));

        Assert.Equal($"{path}:3: the MUE value 'lots' of 59425 is not a whole number from 0 to 99999", ex.Message);
    }

    [Fact]
    public void Load_MedicareFileInAMedicaidSetting_IsRefusedNamingWhereItBelongs()
    {
        var ex = Assert.Throws<NcciLoadException>(() => Load(RepositoryPaths.MueExcerpt));

        Assert.Equal($"{Key}: '{RepositoryPaths.MueExcerpt}' is a Medicare MUE table, not Medicaid (list it under Mue:Practitioner).", ex.Message);
    }

    [Fact]
    public void Load_MedicaidFileInAMedicareSetting_IsRefusedNamingWhereItBelongs()
    {
        var path = MueTableGenerator.WriteRows(_temp.Path, NcciProgram.Medicaid, MueTableKind.OutpatientHospital, new DateOnly(2026, 7, 1), [new MueRow("0009U", 3, 3)]);

        var ex = Assert.Throws<NcciLoadException>(() => MueLoader.Load(MueTableKind.OutpatientHospital, "Mue:OutpatientHospital", [path], new RecordingLoadReport()));

        Assert.Equal($"Mue:OutpatientHospital: '{path}' is a Medicaid MUE table, not Medicare (list it under Mue:MedicaidOutpatientHospital).", ex.Message);
    }

    private static MueTableSet Load(string path) => MueLoader.Load(NcciProgram.Medicaid, MueTableKind.Practitioner, Key, [path], new RecordingLoadReport());

    private string Write(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text, Encoding.Latin1);
        return path;
    }
}
