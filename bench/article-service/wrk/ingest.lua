-- wrk script: POST /api/v1/articles (JSON), a different article on every request.
-- The pool file (after `--`) holds NDJSON articles the benchmark database does not contain; each request takes the
-- next one and makes it unique (externalId and a first sentence carrying run nonce, thread and counter), so no
-- request is answered as a duplicate and every request stores a new article, its version and its feed event.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  pool = {}
  for line in io.lines(args[1]) do
    if #line > 0 then pool[#pool + 1] = line end
  end
  nonce = args[2] or tostring(os.time())
  counter = 0
  created = 0
  other = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local line = pool[((tid or 0) * 7919 + counter) % #pool + 1]
  local tag = string.format("%s-%d-%d", nonce, tid or 0, counter)
  line = line:gsub('"externalId":"', '"externalId":"bench-' .. tag .. '-', 1)
  line = line:gsub('"body":"', '"body":"Update ' .. tag .. ': ', 1)
  return wrk.format(nil, "/api/v1/articles", nil, line)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + (t:get("created") or 0)
    o = o + (t:get("other") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.2f rps=%.1f created=%d not_created=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f " ..
    "non2xx=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, c / (summary.duration / 1e6), c, o,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect, e.read, e.write, e.timeout))
end
