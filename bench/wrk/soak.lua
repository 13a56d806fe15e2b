-- wrk script of the soak: a mix of what real clients send, or a mix of what attackers send, chosen by
--   SOAK_KIND=valid    every GraphQL field with changing arguments, POST and GET: each must be 200 without errors
--   SOAK_KIND=hostile  malformed, oversized, too deep, too complex and unsupported requests: each must be a 4xx
-- BENCH_FIRST_YEAR and BENCH_LAST_YEAR give the catalog's dated range.
-- done() prints the same JSON line as graphql.lua, plus "unexpected" (any answer outside the kind's rule) and
-- "server_errors" (5xx), which the harness requires to be 0.

local kind = os.getenv("SOAK_KIND") or "valid"
local first_year = tonumber(os.getenv("BENCH_FIRST_YEAR") or "1916")
local last_year = tonumber(os.getenv("BENCH_LAST_YEAR") or "2017")
local span = last_year - first_year + 1

local json = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json" }

local function post(body, headers)
   return { method = "POST", path = "/graphql", headers = headers or json, body = body }
end

local function get(query)
   return { method = "GET", path = "/graphql?query=" .. query, headers = json }
end

local genres = { '"Drama"', '"Comedy","Horror"', '"Action","Adventure","Science Fiction"', '"Western"', '"Documentary","Music"' }

local valid = {
   function(i)
      local from = first_year + i % (span - 10)
      return post(string.format('{"query":"query($f:Int!,$t:Int!){genreTrends(from:$f,to:$t){years series{genre counts total} totals}}","variables":{"f":%d,"t":%d}}', from, from + 10))
   end,
   function(i)
      return post(string.format('{"query":"query($g:[String!]){genreTrends(from:%d,to:%d,genres:$g){years series{genre counts}}}","variables":{"g":[%s]}}',
         first_year, last_year, genres[i % #genres + 1]))
   end,
   function(i)
      return post(string.format('{"query":"query($y:Int!,$l:Int!){popularity(year:$y,limit:$l){year movieCount top{id title popularity genres} bottom{id title popularity}}}","variables":{"y":%d,"l":%d}}',
         first_year + i % span, 1 + i % 50))
   end,
   function(i) return post('{"query":"{catalog{movieCount undatedCount genreCount firstYear lastYear sources lastImportAt}}"}') end,
   function(i) return post('{"query":"{genres{name movieCount}}"}') end,
   function(i) return get(string.format("%%7BgenreTrends(from:%d,to:%d)%%7Btotals%%7D%%7D", 2000 + i % 10, 2010 + i % 7)) end,
}

local function nested(open, close, depth)
   return string.rep(open, depth) .. string.rep(close, depth)
end

local function fan_out(levels)
   local parts = {}
   for n = 0, levels - 1 do
      parts[#parts + 1] = string.format("fragment F%d on Query { ...F%d ...F%d }", n, n + 1, n + 1)
   end
   parts[#parts + 1] = string.format("fragment F%d on Query { __typename }", levels)
   return '{"query":"{ ...F0 } ' .. table.concat(parts, " ") .. '"}'
end

-- Two fragments per level that both spread both of the next level: 2^levels paths through distinct fragments.
local function twin_fan_out(levels)
   local parts = {}
   for n = 0, levels - 1 do
      parts[#parts + 1] = string.format("fragment F%d on Query { f%d: __typename ...F%d ...G%d } fragment G%d on Query { g%d: __typename ...F%d ...G%d }",
         n, n, n + 1, n + 1, n, n, n + 1, n + 1)
   end
   parts[#parts + 1] = string.format("fragment F%d on Query { __typename } fragment G%d on Query { __typename }", levels, levels)
   return '{"query":"{ ...F0 ...G0 } ' .. table.concat(parts, " ") .. '"}'
end

-- A chain of fragments, each spreading the next: deep recursion for a naive validator.
local function chain(length)
   local parts = {}
   for n = 0, length - 1 do
      parts[#parts + 1] = string.format("fragment F%d on Query { ...F%d }", n, n + 1)
   end
   parts[#parts + 1] = string.format("fragment F%d on Query { __typename }", length)
   return '{"query":"{ ...F0 } ' .. table.concat(parts, " ") .. '"}'
end

local hostile = {
   post('{"query": "{ catalog { movieCount } }"'),                                         -- JSON cut short
   post('{"query":"{ catalog { movieCount } }"}', { ["Content-Type"] = "text/plain" }),     -- not JSON
   post('{}'),                                                                               -- no query
   post('[{"query":"{ catalog { movieCount } }"}]'),                                        -- a batch
   post('{"query":"{ genreTrends( }"}'),                                                     -- syntax error
   post('{"query":"{ noSuchField }"}'),                                                      -- unknown field
   post('{"query":"{ catalog ' .. nested("{ catalog ", "}", 300) .. ' }"}'),                -- selections too deep
   post('{"query":"{ genreTrends(from: 2000, to: 2010, genres: ' .. nested("[", "]", 300) .. ') { years } }"}'), -- list literal too deep
   post('{"query":"' .. nested("{ a ", "}", 100) .. '"}'),                                  -- selections 100 deep
   post('{"query":"{ ' .. nested("... on Query { ", "}", 100) .. ' }"}'),                -- inline fragments 100 deep
   post('{"query":"{ genreTrends(from: 2000, to: 2010, genres: ' .. nested("[", "]", 100) .. ') { years } }"}'), -- list literal 100 deep
   post('{"query":"{ genreTrends(from: 2000, to: 2010, genres: ' .. string.rep("{a:", 100) .. "1" .. string.rep("}", 100) .. ') { years } }"}'), -- object literal 100 deep
   post('{"query":"{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"}'),  -- fragment cycle
   post(fan_out(40)),                                                                        -- 2^40 expansion
   post(twin_fan_out(30)),
   post(chain(1000)),                                                                        -- 1,000 fragments in a chain                                                                   -- 2^30 distinct paths
   post('{"query":"{ ' .. string.rep("a:__typename ", 1500) .. '}"}'),                     -- aliases
   post('{"query":"{ ' .. string.rep("nope ", 12000) .. '}"}'),                            -- thousands of errors
   post('{"query":"subscription { catalog { movieCount } }"}'),                              -- unsupported operation
   get("mutation%7Bchat(input:%7Bmessage:%22hi%22%7D)%7Breply%7D%7D"),                       -- mutation over GET
   post('{"query":"{ catalog { movieCount \xff\xfe } }"}'),                                   -- invalid UTF-8
   post('{"query":"{ catalog { movieCount } } # \\ud800"}'),                                 -- lone surrogate
   post('{"query":"{ catalog { movieCount } }","padding":"' .. string.rep("x", 70000) .. '"}'), -- over 64 KiB
   post('{"query":"query($y:Int!){popularity(year:$y){year}}","variables":{"y":"soon"}}'),   -- variable of the wrong type
   post('{"query":"{ catalog { movieCount } }","variables":{"v":' .. nested("[", "]", 200) .. '}}'), -- JSON too deep
   { method = "PUT", path = "/graphql", headers = json, body = '{"query":"{ catalog { movieCount } }"}' },
}

-- Built once per thread: the hostile bodies are large and fixed.
local formatted = {}
for index, request in ipairs(hostile) do
   formatted[index] = wrk.format(request.method, request.path, request.headers, request.body)
end

local threads = {}
local thread_count = 0

function setup(thread)
   thread:set("thread_index", thread_count)
   thread_count = thread_count + 1
   table.insert(threads, thread)
end

local counter = 0
non_2xx = 0
graphql_errors = 0
server_errors = 0
unexpected = 0

function init(args)
   counter = (thread_index or 0) * 7919
end

function request()
   counter = counter + 1
   if kind == "hostile" then
      return formatted[counter % #formatted + 1]
   end
   local r = valid[counter % #valid + 1](counter)
   return wrk.format(r.method, r.path, r.headers, r.body)
end

function response(status, headers, body)
   if status >= 500 then
      server_errors = server_errors + 1
   end
   if status < 200 or status > 299 then
      non_2xx = non_2xx + 1
   elseif string.find(body, '"errors"', 1, true) then
      graphql_errors = graphql_errors + 1
   end
   if kind == "hostile" then
      if status < 400 or status > 499 then
         unexpected = unexpected + 1
      end
   elseif status ~= 200 or string.find(body, '"errors"', 1, true) then
      unexpected = unexpected + 1
   end
end

function done(summary, latency, requests)
   local totals = { non_2xx = 0, graphql_errors = 0, server_errors = 0, unexpected = 0 }
   for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do
         totals[name] = totals[name] + (thread:get(name) or 0)
      end
   end
   local e = summary.errors
   io.write(string.format(
      '\nBENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
      '"write_errors":%d,"timeouts":%d,"status_errors":%d,"non_2xx":%d,"graphql_errors":%d,' ..
      '"server_errors":%d,"unexpected":%d,' ..
      '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
      totals.non_2xx, totals.graphql_errors, totals.server_errors, totals.unexpected,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
