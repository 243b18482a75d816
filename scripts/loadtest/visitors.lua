-- wrk script: visitors browsing, filtering and searching in three languages.
-- Counts 5xx answers per thread and prints one RESULT line that loadtest.sh checks.
local paths = {
  "/en/", "/ru/", "/tr/",
  "/en/events/", "/ru/events/?category=cultural", "/en/events/?q=treaty",
  "/en/events/?year=1992&sort=date", "/tr/events/?country=turkey&page=1",
  "/en/agreements/", "/en/agreements/?kind=treaty&year=1921", "/ru/agreements/?q=%D0%B4",
  "/en/visits/?person=vladimir-putin", "/tr/visits/?sort=-date",
  "/en/organisations/?kind=council", "/en/offices/?country=turkey",
  "/en/events/diplomatic-relations-established/", "/ru/events/idef-1993/",
  "/en/agreements/treaty-of-brotherhood-1921/", "/tr/visits/vladimir-putin-state-visit-2004/",
  "/en/organisations/rostec/", "/en/offices/rostec-turkey/", "/en/people/boris-yeltsin/",
  "/en/series/idef/", "/en/countries/turkey/", "/static/css/site.css",
}
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  server_errors = 0
  other = 0
end

function request()
  counter = counter + 1
  -- As behind the TLS proxy: production settings redirect plain HTTP to HTTPS. The
  -- balancer names the visitor: many of them, 200 per thread (loadtest.sh).
  local headers = {
    ["X-Forwarded-Proto"] = "https",
    ["X-Forwarded-For"] = string.format("10.1.%d.%d", id, counter % 200 + 1),
  }
  return wrk.format("GET", paths[(counter + id * 7) % #paths + 1], headers)
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    other = other + 1
  end
end

function done(summary, latency, requests)
  local server, client = 0, 0
  for _, thread in ipairs(threads) do
    server = server + thread:get("server_errors")
    client = client + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f "
      .. "status_5xx=%d status_4xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, server, client, e.connect, e.read, e.write, e.timeout))
end
