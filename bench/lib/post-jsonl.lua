-- wrk script: POSTs the bodies of a .jsonl file, with a bearer token unless TOKEN is empty. Each of the T threads
-- sends its own slice of the file, so no body is sent twice until a slice runs out; the bodies sent again after
-- that are counted as "reused" (with distinct inputs, reused > 0 means some answers may have come from a cache:
-- make more bodies). A file of one line is the repeated-input (cache-path) run.
--   wrk -tT ... -s post-jsonl.lua URL -- BODIES_JSONL TOKEN T
-- The last line printed is:
--   rps=... p50_ms=... p90_ms=... p99_ms=... max_ms=... requests=... non2xx=... errors=... reused=...

local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path, token, count = args[1], args[2], tonumber(args[3]) or 1
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then lines[#lines + 1] = line end
  end
  if #lines == 0 then error("no request bodies in " .. path) end
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  if token ~= nil and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  -- A single body (the cache-hit run) is shared by every thread; otherwise each thread takes its own slice.
  local first, last = 1, #lines
  if #lines >= count then
    first = math.floor(index * #lines / count) + 1
    last = math.floor((index + 1) * #lines / count)
  end
  reqs = {}
  for i = first, last do reqs[#reqs + 1] = wrk.format("POST", nil, headers, lines[i]) end
  counter = 0
  reused = 0
end

function request()
  counter = counter + 1
  if counter > #reqs then
    reused = reused + 1
    return reqs[(counter - 1) % #reqs + 1]
  end
  return reqs[counter]
end

function done(summary, latency, requests)
  local again = 0
  for _, thread in ipairs(threads) do again = again + (thread:get("reused") or 0) end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d errors=%d reused=%d\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, e.status,
    e.connect + e.read + e.write + e.timeout, again))
end
