using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Audit;

/// <summary>The keyed hash that stands for a patient in the store: HMAC-SHA256 of the patient id with a secret from
/// settings. The same patient gets the same key, so claims pair across history, and the id cannot be recovered.</summary>
public sealed class PatientKey(string secret)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(secret);

    /// <summary>The key for <paramref name="patientId"/>, or empty when no patient id was sent.</summary>
    public string Of(string patientId) =>
        patientId.Length == 0 ? string.Empty : Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(patientId)));
}
