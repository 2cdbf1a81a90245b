using Microsoft.Extensions.Options;

namespace Scrubber.Server.Ncci;

/// <summary>Checks at start that at least one Medicare PTP table is configured (claims without a Medicaid pack are edited
/// with Medicare's) and that every path of the PTP, MUE, add-on code and fee schedule settings, Medicaid's too, exists.</summary>
internal sealed class NcciOptionsValidator(IHostEnvironment environment)
    : IValidateOptions<NcciOptions>, IValidateOptions<MueOptions>, IValidateOptions<AddOnCodeOptions>, IValidateOptions<PfsOptions>
{
    public ValidateOptionsResult Validate(string? name, PfsOptions options)
    {
        var failures = new List<string>();
        Check("Pfs:Files", options.Files, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, AddOnCodeOptions options)
    {
        var failures = new List<string>();
        Check("AddOnCodes:Files", options.Files, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, MueOptions options)
    {
        var failures = new List<string>();
        Check("Mue:Practitioner", options.Practitioner, failures);
        Check("Mue:OutpatientHospital", options.OutpatientHospital, failures);
        Check("Mue:Dme", options.Dme, failures);
        Check("Mue:MedicaidPractitioner", options.MedicaidPractitioner, failures);
        Check("Mue:MedicaidOutpatientHospital", options.MedicaidOutpatientHospital, failures);
        Check("Mue:MedicaidDme", options.MedicaidDme, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, NcciOptions options)
    {
        if (options.Practitioner.Count == 0 && options.OutpatientHospital.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "Ncci: no table is configured. Set Ncci:Practitioner and/or Ncci:OutpatientHospital to the CMS PTP files, folders or zips.");
        }

        var failures = new List<string>();
        Check("Ncci:Practitioner", options.Practitioner, failures);
        Check("Ncci:OutpatientHospital", options.OutpatientHospital, failures);
        Check("Ncci:MedicaidPractitioner", options.MedicaidPractitioner, failures);
        Check("Ncci:MedicaidOutpatientHospital", options.MedicaidOutpatientHospital, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Check(string key, List<string> paths, List<string> failures)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(paths[i]))
            {
                failures.Add($"{key}:{i}: the path is empty.");
                continue;
            }

            var full = Resolve(environment, paths[i]);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                failures.Add($"{key}:{i}: '{full}' does not exist.");
            }
        }
    }

    /// <summary>Resolves a configured path against the content root.</summary>
    public static string Resolve(IHostEnvironment environment, string path) =>
        Path.GetFullPath(path, environment.ContentRootPath);
}
