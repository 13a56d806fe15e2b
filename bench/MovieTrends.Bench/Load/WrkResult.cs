using System.Text.Json.Serialization;

namespace MovieTrends.Bench.Load;

/// <summary>The JSON line wrk/graphql.lua prints when a run is done. Latencies in microseconds.</summary>
public sealed record WrkResult(
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("duration_us")] long DurationMicroseconds,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("connect_errors")] long ConnectErrors,
    [property: JsonPropertyName("read_errors")] long ReadErrors,
    [property: JsonPropertyName("write_errors")] long WriteErrors,
    [property: JsonPropertyName("timeouts")] long Timeouts,
    [property: JsonPropertyName("status_errors")] long StatusErrors,
    [property: JsonPropertyName("non_2xx")] long Non2xx,
    [property: JsonPropertyName("graphql_errors")] long GraphQLErrors,
    [property: JsonPropertyName("p50_us")] long P50Microseconds,
    [property: JsonPropertyName("p90_us")] long P90Microseconds,
    [property: JsonPropertyName("p99_us")] long P99Microseconds,
    [property: JsonPropertyName("max_us")] long MaxMicroseconds,
    [property: JsonPropertyName("mean_us")] double MeanMicroseconds)
{
    /// <summary>5xx answers (soak.lua only).</summary>
    [JsonPropertyName("server_errors")]
    public long ServerErrors { get; init; }

    /// <summary>Answers outside the soak stream's rule: not 200 without errors, or not a 4xx refusal (soak.lua only).</summary>
    [JsonPropertyName("unexpected")]
    public long Unexpected { get; init; }

    public double RequestsPerSecond => Requests / (DurationMicroseconds / 1e6);

    public double BytesPerResponse => Requests == 0 ? 0 : (double)Bytes / Requests;

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

    /// <summary>Everything a client would count as a failed request.</summary>
    public long Errors => SocketErrors + Non2xx + GraphQLErrors;
}
