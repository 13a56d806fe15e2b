-- wrk script for every benchmark scenario. The harness picks the request shape with environment variables:
--   BENCH_MODE=fixed          the same body on every request (BENCH_BODY)
--   BENCH_MODE=genre-window   genreTrends over an 11-year window that slides one year per request
--   BENCH_MODE=genre-full     genreTrends over the full range, widened by a different margin per request
--   BENCH_MODE=popularity     popularity of a different year on every request
--   BENCH_MODE=genre-measure  genreTrends over a sliding 11-year window by a measure other than MOVIES, with a
--                             filter whose minVotes changes too (issue 13)
--   BENCH_MODE=movies         a first page of the movies drill-down: window, genre, order and filter all changing
-- BENCH_FIRST_YEAR and BENCH_LAST_YEAR give the catalog's dated range for the changing modes.
-- BENCH_METHOD=GET sends each request as the web page does, a GET with the query and variables in the URL;
-- otherwise it is a POST with the JSON body. BENCH_ACCEPT_ENCODING, when set, is sent as Accept-Encoding.
-- done() prints one JSON line that the harness parses; response() counts what wrk itself does not:
-- non-2xx statuses and GraphQL errors inside 200 responses.

local mode = os.getenv("BENCH_MODE") or "fixed"
local first_year = tonumber(os.getenv("BENCH_FIRST_YEAR") or "1916")
local last_year = tonumber(os.getenv("BENCH_LAST_YEAR") or "2017")
local fixed_body = os.getenv("BENCH_BODY") or ""
local as_get = os.getenv("BENCH_METHOD") == "GET"
local accept_encoding = os.getenv("BENCH_ACCEPT_ENCODING") or ""

local genre_trends = '{"query":"query($from:Int!,$to:Int!){genreTrends(from:$from,to:$to){from to years series{genre counts total} totals}}","variables":{"from":%d,"to":%d}}'
local popularity = '{"query":"query($year:Int!,$limit:Int!){popularity(year:$year,limit:$limit){year movieCount top{id title releaseDate popularity genres} bottom{id title releaseDate popularity genres}}}","variables":{"year":%d,"limit":5}}'

local genre_measure = '{"query":"query($from:Int!,$to:Int!,$measure:TrendMeasure!,$filter:MovieFilter){genreTrends(from:$from,to:$to,measure:$measure,filter:$filter){from to years measure series{genre counts known values total} totals}}","variables":{"from":%d,"to":%d,"measure":"%s","filter":{"minVotes":%d,"releasedOnly":true}}}'
local movies = '{"query":"query($from:Int!,$to:Int!,$genre:String,$orderBy:MovieOrder!,$filter:MovieFilter){movies(from:$from,to:$to,genre:$genre,orderBy:$orderBy,first:20,filter:$filter){totalCount pageInfo{hasNextPage endCursor} nodes{id title releaseDate popularity voteAverage revenue genres}}}","variables":{"from":%d,"to":%d,"genre":%s,"orderBy":"%s","filter":{"minVotes":%d}}}'
local measures = { "SHARE", "AVERAGE_RATING", "MEDIAN_RUNTIME", "MEDIAN_BUDGET", "MEDIAN_REVENUE", "TOTAL_REVENUE", "MEDIAN_ROI" }
local genres = { "null", '"Drama"', '"Comedy"', '"Action"', '"Thriller"' }
local orders = { "POPULARITY_DESC", "RATING_DESC", "REVENUE_DESC", "TITLE_ASC" }

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
if accept_encoding ~= "" then
   wrk.headers["Accept-Encoding"] = accept_encoding
end
if not as_get then
   wrk.body = fixed_body
end

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("thread_index", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

local counter = 0
-- Globals, not locals: done() reads them from each thread with thread:get.
non_2xx = 0
graphql_errors = 0

local function body_for(i)
   if mode == "genre-window" then
      local from = first_year + i % (last_year - first_year - 9)
      return string.format(genre_trends, from, from + 10)
   elseif mode == "genre-full" then
      -- 49 x 49 margins keep the span within the API's 200-year limit for a ~100-year catalog.
      return string.format(genre_trends, first_year - i % 49, last_year + math.floor(i / 49) % 49)
   elseif mode == "popularity" then
      return string.format(popularity, first_year + i % (last_year - first_year + 1))
   elseif mode == "genre-measure" then
      local from = first_year + i % (last_year - first_year - 9)
      return string.format(genre_measure, from, from + 10, measures[i % #measures + 1], i % 50)
   elseif mode == "movies" then
      local from = first_year + i % (last_year - first_year - 9)
      return string.format(movies, from, from + 10, genres[i % #genres + 1], orders[math.floor(i / #genres) % #orders + 1], i % 50)
   end
   return nil
end

local function url_encode(text)
   return (string.gsub(text, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The GET form of a body built above, {"query":"...","variables":{...}}; no query here holds a quote or escape.
local function get_path(body)
   local query, variables = string.match(body, '^{"query":"(.-)","variables":(.*)}$')
   return wrk.path .. "?query=" .. url_encode(query) .. "&variables=" .. url_encode(variables)
end

local function format(body)
   if as_get then
      local headers = { Host = wrk.headers["Host"], Accept = wrk.headers["Accept"], ["Accept-Encoding"] = wrk.headers["Accept-Encoding"] }
      return wrk.format("GET", get_path(body), headers)
   end
   return wrk.format(nil, nil, nil, body)
end

-- The fixed request is built once: building (and for GET, URL-encoding) it on every request would cost the client,
-- which shares the machine's cores with the servers, as much as a server's own work.
local fixed_request = nil

function init(args)
   -- Threads start far apart so two of them never send the same arguments at the same moment.
   counter = (thread_index or 0) * 7919
   if mode == "fixed" then
      fixed_request = format(fixed_body)
   end
end

function request()
   if fixed_request then
      return fixed_request
   end
   local body = body_for(counter)
   counter = counter + 1
   return format(body)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non_2xx = non_2xx + 1
   -- A compressed body is a cached answer, and only clean answers are cached; Lua here cannot inflate it to look.
   elseif headers["Content-Encoding"] == nil and string.find(body, '"errors"', 1, true) then
      graphql_errors = graphql_errors + 1
   end
end

function done(summary, latency, requests)
   local total_non_2xx, total_graphql_errors = 0, 0
   for _, thread in ipairs(threads) do
      total_non_2xx = total_non_2xx + (thread:get("non_2xx") or 0)
      total_graphql_errors = total_graphql_errors + (thread:get("graphql_errors") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      '\nBENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
      '"write_errors":%d,"timeouts":%d,"status_errors":%d,"non_2xx":%d,"graphql_errors":%d,' ..
      '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
      total_non_2xx, total_graphql_errors,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
