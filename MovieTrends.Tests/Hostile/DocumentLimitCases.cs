using System.Net;
using static MovieTrends.Tests.Hostile.HostileDocuments;

namespace MovieTrends.Tests.Hostile;

/// <summary>A hostile request and the refusal it must get.</summary>
public sealed record RefusalCase(Func<HttpRequestMessage> Request, string Code, HttpStatusCode Status = HttpStatusCode.BadRequest);

/// <summary>
/// Documents built to crash the service or keep it busy: fragment chains, cycles and fan-out, deep and
/// wide documents of every kind, each as large as the 64 KiB body allows, with the code each must get.
/// </summary>
public static class DocumentLimitCases
{
    private const string TooDeep = "QUERY_TOO_DEEP";
    private const string TooLong = "QUERY_TOO_LONG";
    private const string TooComplex = "QUERY_TOO_COMPLEX";
    private const string Cycle = "FRAGMENT_CYCLE";
    private const string SelectionLimit = "SELECTION_LIMIT_EXCEEDED";
    private const string NotSupported = "OPERATION_NOT_SUPPORTED";

    public static readonly IReadOnlyDictionary<string, RefusalCase> All = new Dictionary<string, RefusalCase>
    {
        // Fragments: chains, fan-out, cycles.
        ["chain of 900 named fragments"] = new(() => Post(FragmentChain(900)), TooDeep),
        ["chain of named fragments filling 64 KiB"] = new(() => Post(Repeat(
            "{ ...F0 } ", i => $"fragment F{i} on Query {{ ...F{i + 1} }} ", n => $"fragment F{n} on Query {{ __typename }}")), TooLong),
        ["chain of 16 fragments"] = new(() => Post(FragmentChain(16)), TooDeep),
        ["fragments fanning out 2^40 in 1 KB"] = new(() => Post(FanOut(width: 2, levels: 40)), TooDeep),
        ["fragments fanning out 4^8 within the depth limit"] = new(() => Post(FanOut(width: 4, levels: 8)), TooComplex),
        ["fragment of 100 fields spread 300 times"] = new(() => Post(
            "{ " + string.Concat(Enumerable.Repeat("...F ", 300)) + "} fragment F on Query { "
            + string.Concat(Enumerable.Repeat("__typename ", 100)) + "}"), TooComplex),
        ["150 fields of one name with different arguments"] = new(() => Post(
            "{ " + string.Concat(Enumerable.Range(0, 150).Select(i => $"__type(name: \"T{i}\") {{ name }} ")) + "}"), TooComplex),
        ["10 fragments of 14 same-named fields spread together"] = new(() => Post(
            "{ " + string.Concat(Enumerable.Range(0, 10).Select(j => $"...F{j} ")) + "} "
            + string.Concat(Enumerable.Range(0, 10).Select(j =>
                $"fragment F{j} on Query {{ {string.Concat(Enumerable.Range(0, 14).Select(i => $"__type(name: \"T{i}\") {{ name }} "))}}} "))), TooComplex),
        ["27 same-named fields whose sub-selections merge to 270"] = new(() => Post(
            "{ " + string.Concat(Enumerable.Repeat("__type(name: \"Query\") { " + string.Concat(Enumerable.Repeat("name ", 10)) + "} ", 27)) + "}"), TooComplex),
        ["two fragments spreading each other"] = new(() => Post(
            "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { __typename ...A }"), Cycle),
        ["fragment spreading itself"] = new(() => Post("{ ...A } fragment A on Query { __typename ...A }"), Cycle),
        ["cycle no operation reaches"] = new(() => Post(
            "{ __typename } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }"), Cycle),

        // Selections nested too deep, directly, through fragments and through inline fragments.
        ["16 nested fields"] = new(() => Post(Nest("{ __type(name: \"Query\") { ", "ofType { ", "name", " }", " } }", levels: 14)), TooDeep),
        ["16 levels through two fragments of 15"] = new(() => Post(
            "{ ...A } fragment A on Query { __type(name: \"Query\") { ...B } } fragment B on __Type { "
            + Nest("", "ofType { ", "name", " }", "", levels: 14) + " }"), TooDeep),
        ["40 nested fields"] = new(() => Post(Nest("{ ", "a { ", "b", " }", " }", levels: 40)), TooDeep),
        ["64 nested fields"] = new(() => Post(Nest("{ ", "a { ", "b", " }", " }", levels: 64)), TooDeep),
        ["deepest fields filling 64 KiB"] = new(() => Post(Nest("{ ", "a{", "b", "}", " }")), TooDeep),
        ["20 nested inline fragments"] = new(() => Post(Nest("{ ", "... on Query { ", "__typename", " }", " }", levels: 20)), TooDeep),
        ["deepest inline fragments filling 64 KiB"] = new(() => Post(Nest("{ ", "...{", "__typename", "}", " }")), TooDeep),
        ["deepest selections over GET"] = new(() => Get(Nest("{ ", "a{", "b", "}", " }", levels: 500)), TooDeep),

        // List and object values nested too deep: in arguments, variable defaults, variable types, over GET.
        ["20 nested lists in an argument"] = new(() => Post(Nest("{ __type(name: ", "[", "1", "]", ") { name } }", levels: 20)), TooDeep),
        ["deepest list argument filling 64 KiB"] = new(() => Post(Nest("{ __type(name: ", "[", "1", "]", ") { name } }")), TooDeep),
        ["20 nested objects in an argument"] = new(() => Post(Nest("{ __type(name: ", "{a:", "1", "}", ") { name } }", levels: 20)), TooDeep),
        ["deepest object argument filling 64 KiB"] = new(() => Post(Nest("{ __type(name: ", "{a:", "1", "}", ") { name } }")), TooDeep),
        ["20 nested lists in a variable default"] = new(() => Post(
            Nest("query($g: [String!] = ", "[", "\"Drama\"", "]", ") { genreTrends(from: 2000, to: 2001, genres: $g) { years } }", levels: 20)), TooDeep),
        ["20 nested list types of a variable"] = new(() => Post(
            Nest("query($g: ", "[", "String", "]", ") { __typename }", levels: 20)), TooDeep),
        ["deepest list argument over GET"] = new(() => Get(Nest("{ __type(name: ", "[", "1", "]", ") { name } }", levels: 500)), TooDeep),

        // Wide documents: each as long as 64 KiB allows.
        ["aliases filling 64 KiB"] = new(() => Post(Repeat("{ ", i => $"a{i}: __typename ", _ => "}")), TooLong),
        ["1,700 identical aliases"] = new(() => Post("{ " + string.Concat(Enumerable.Repeat("a: __typename ", 1_700)) + "}"), SelectionLimit),
        ["31 aliases"] = new(() => Post("{ " + string.Concat(Enumerable.Range(0, 31).Select(i => $"a{i}: __typename ")) + "}"), SelectionLimit),
        ["unknown fields filling 64 KiB"] = new(() => Post(Repeat("{ ", i => $"x{i} ", _ => "}")), TooLong),
        ["one unknown field named with 64 KiB"] = new(() => Post(Repeat("{ ", "a", " }")), "FIELDS_ON_CORRECT_TYPE"),
        ["301 unknown fields"] = new(() => Post("{ " + string.Concat(Enumerable.Range(0, 301).Select(i => $"x{i} ")) + "}"), SelectionLimit),
        ["directives filling 64 KiB"] = new(() => Post(Repeat("{ __typename ", "@a ", "}")), TooLong),
        ["@include filling 64 KiB"] = new(() => Post(Repeat("{ __typename ", "@include(if: true) ", "}")), TooLong),
        ["arguments filling 64 KiB"] = new(() => Post(Repeat("{ __typename(", "a: 1 ", ") }")), TooLong),
        ["list items filling 64 KiB"] = new(() => Post(Repeat("{ __type(name: [", "1 ", "]) { name } }")), TooLong),
        ["operations filling 64 KiB"] = new(() => Post(Repeat("", i => $"query Q{i} {{ __typename }} ")), TooLong),
        ["unused fragments filling 64 KiB"] = new(() => Post(Repeat("{ __typename } ", i => $"fragment F{i} on Query {{ __typename }} ")), TooLong),
        ["variable definitions filling 64 KiB"] = new(() => Post(Repeat("query(", i => $"$v{i}: Int ", _ => ") { __typename }")), TooLong),

        // Operation types the service does not serve.
        ["a subscription"] = new(() => Post("subscription { __typename }"), NotSupported),
        ["a subscription chosen by operationName"] = new(() => Post(
            "query Q { __typename } subscription S { __typename }", operationName: "S"), NotSupported),
        ["a subscription over GET"] = new(() => Get("subscription { __typename }"), NotSupported),
    };

    /// <summary>{ ...F1 } with F1 spreading F2 ... down to F<paramref name="length"/>.</summary>
    public static string FragmentChain(int length) =>
        "{ ...F1 } "
        + string.Concat(Enumerable.Range(1, length - 1).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} "))
        + $"fragment F{length} on Query {{ __typename }}";

    /// <summary>Each fragment spreads the next <paramref name="width"/> times: width^levels selections once expanded.</summary>
    private static string FanOut(int width, int levels) =>
        "{ ...F0 } "
        + string.Concat(Enumerable.Range(0, levels).Select(i =>
            $"fragment F{i} on Query {{ {string.Concat(Enumerable.Repeat($"...F{i + 1} ", width))}}} "))
        + $"fragment F{levels} on Query {{ __typename }}";
}
