namespace Scrubber.Core.Claims;

/// <summary>National Provider Identifier checks.</summary>
public static class Npi
{
    /// <summary>Whether <paramref name="npi"/> is ten digits whose last is the Luhn check digit over the prefix 80840.</summary>
    /// <remarks>CMS NPI standard: the check digit is computed as for an ISO 7812 card number with issuer prefix
    /// 80840, which adds a constant 24 to the Luhn sum of the first nine digits.</remarks>
    public static bool IsValid(ReadOnlySpan<char> npi)
    {
        if (npi.Length != 10 || npi.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return npi[9] - '0' == CheckDigit(npi[..9]);
    }

    /// <summary>The check digit for the first nine digits of an NPI.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 24;
        for (var i = 0; i < 9; i++)
        {
            var digit = firstNine[8 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
