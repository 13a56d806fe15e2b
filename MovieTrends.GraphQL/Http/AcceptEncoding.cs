using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace MovieTrends.GraphQL.Http;

/// <summary>
/// Reads a request's Accept-Encoding (RFC 9110, section 12.5.3) for the one coding the service sends: gzip is
/// acceptable when it is listed with a weight above zero, or when it is not listed and "*" is.
/// </summary>
public static class AcceptEncoding
{
    public static bool AcceptsGzip(StringValues headerValues)
    {
        double? gzip = null, any = null;
        foreach (var headerValue in headerValues)
        {
            var value = headerValue.AsSpan();
            foreach (var range in value.Split(','))
            {
                var item = value[range];
                var parameters = item.IndexOf(';');
                var coding = (parameters < 0 ? item : item[..parameters]).Trim();
                var weight = parameters < 0 ? 1 : WeightOf(item[(parameters + 1)..]);
                if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = weight;
                }
                else if (coding is "*")
                {
                    any = weight;
                }
            }
        }

        return (gzip ?? any ?? 0) > 0;
    }

    /// <summary>The "q" parameter's value; 1 without one; 0 (not acceptable) when it is not a number from 0 to 1.</summary>
    private static double WeightOf(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length >= 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '=')
            {
                return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight <= 1
                    ? weight
                    : 0;
            }
        }

        return 1;
    }
}
