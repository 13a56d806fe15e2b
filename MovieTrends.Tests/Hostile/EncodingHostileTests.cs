using System.Net;
using System.Text;
using MovieTrends.Tests.Infrastructure;

namespace MovieTrends.Tests.Hostile;

/// <summary>
/// Bodies that are not UTF-8 JSON text, directly and through the web's proxy: each is a 400 (415 for a charset
/// that is not UTF-8) with its code, never a 500 or the JSON reader's exception.
/// </summary>
[Collection("in-process app")]
[Trait("Layer", "Fast")]
public sealed class EncodingHostileTests(InProcessApp app)
{
    private const string Query = "{ __typename }";

    /// <summary>A name, the body's bytes, the Content-Type, and the refusal it must get.</summary>
    private static readonly Dictionary<string, (byte[] Body, string ContentType, HttpStatusCode Status, string Code)> Cases = new()
    {
        ["an invalid UTF-8 byte in the query"] = (Json("{\"query\":\"{ __typename ", [0xFF], " }\"}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["an overlong encoding of '/' in an ignored key"] = (Json($"{{\"query\":\"{Query}\",\"x\":\"", [0xC0, 0xAF], "\"}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a multi-byte sequence cut off at the end of a string"] = (Json($"{{\"query\":\"{Query} #", [0xE2, 0x82], "\"}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a surrogate encoded as UTF-8 bytes (CESU-8)"] = (Json($"{{\"query\":\"{Query} #", [0xED, 0xA0, 0x80], "\"}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a lone high surrogate escape in the query"] = (Utf8($"{{\"query\":\"{Query} #\\uD800\"}}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a lone low surrogate escape in a variable"] = (Utf8($"{{\"query\":\"{Query}\",\"variables\":{{\"a\":\"\\uDC00x\"}}}}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a reversed surrogate pair in operationName"] = (Utf8($"{{\"query\":\"{Query}\",\"operationName\":\"\\uDC00\\uD800\"}}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a UTF-8 byte order mark"] = ([0xEF, 0xBB, 0xBF, .. Utf8($"{{\"query\":\"{Query}\"}}")], "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["UTF-16 with a byte order mark"] = (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes($"{{\"query\":\"{Query}\"}}")).ToArray(), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["big-endian UTF-16 without a byte order mark"] = (Encoding.BigEndianUnicode.GetBytes($"{{\"query\":\"{Query}\"}}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["UTF-32"] = (new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes($"{{\"query\":\"{Query}\"}}"), "application/json", HttpStatusCode.BadRequest, "INVALID_ENCODING"),
        ["a raw NUL byte inside a string"] = (Json($"{{\"query\":\"{Query}", [0x00], "\"}"), "application/json", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ["charset=iso-8859-1"] = (Encoding.Latin1.GetBytes($"{{\"query\":\"{Query} #\u00e9\"}}"), "application/json; charset=iso-8859-1", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
        ["charset=utf-16 with a UTF-16 body"] = (Encoding.Unicode.GetBytes($"{{\"query\":\"{Query}\"}}"), "application/json; charset=utf-16", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
        ["an empty charset parameter"] = (Utf8($"{{\"query\":\"{Query}\"}}"), "application/json; charset=", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
    };

    public static TheoryData<string, string> BodyCases => HostileCases.Across(Cases.Keys);

    [Theory]
    [MemberData(nameof(BodyCases))]
    public async Task A_body_that_is_not_UTF8_JSON_text_is_refused_with_its_code(string target, string name)
    {
        var (body, contentType, status, code) = Cases[name];
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };

        await HostileProbe.AssertRefusedAsync(app.CreateHttpClient(target), request, status, code);
    }

    public static TheoryData<string, string, string> QueryStringCases => new()
    {
        // The URL's own percent-decoding keeps bytes that are not UTF-8 as escapes, so the document fails to parse.
        { "graphql", "query=%7B__typename%20%FF%C0%AF%7D", "SYNTAX_ERROR" },
        { "web", "query=%7B__typename%20%FF%C0%AF%7D", "SYNTAX_ERROR" },
        { "graphql", "query=%7B__typename%7D&variables=%7B%22a%22%3A%22%5CuD800%22%7D", "INVALID_REQUEST" },
        { "web", "query=%7B__typename%7D&variables=%7B%22a%22%3A%22%5CuD800%22%7D", "INVALID_REQUEST" },
    };

    [Theory]
    [MemberData(nameof(QueryStringCases))]
    public async Task A_GET_with_bytes_or_escapes_that_are_not_text_is_400(string target, string queryString, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?{queryString}");

        await HostileProbe.AssertRefusedAsync(app.CreateHttpClient(target), request, HttpStatusCode.BadRequest, code);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Json(string before, byte[] bytes, string after) => [.. Utf8(before), .. bytes, .. Utf8(after)];
}
