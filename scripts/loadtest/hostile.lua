-- wrk script: the hostile mix of the load test (issue 16), beside the visitors.
-- Every request is one a stranger can send for free: a made-up session cookie (and other
-- cookies) on every page, unknown query parameters that differ on every request (as a
-- cache-buster would), searches for words never asked before, and the largest downloads
-- (whole lists as CSV and JSON, the API's largest page). None may answer 5xx; a 4xx is
-- counted but allowed (a download past its last page is a 404).
-- Prints one HOSTILE line that loadtest.sh checks.
local pages = {
  "/en/", "/ru/", "/tr/events/", "/en/agreements/", "/ru/visits/", "/en/organisations/",
  "/en/offices/", "/en/timeline/", "/en/countries/turkey/", "/en/events/idef-1993/",
  "/ru/agreements/treaty-of-brotherhood-1921/", "/en/people/boris-yeltsin/",
}
local downloads = {
  "/en/events/?format=csv", "/ru/events/?format=json", "/en/agreements/?format=csv",
  "/tr/agreements/?format=json", "/en/visits/?format=csv", "/en/organisations/?format=json",
  "/en/offices/?format=csv", "/api/events/?page_size=100", "/api/agreements/?page_size=100",
  "/en/calendar.ics", "/en/feeds/atom/", "/sitemap-event.xml",
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
  math.randomseed(os.time() + id * 1000)
end

local function token()
  return string.format("%x%x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  -- One stranger behind the balancer (loadtest.sh): nginx limits what its misses cost.
  local headers = {["X-Forwarded-Proto"] = "https", ["X-Forwarded-For"] = "198.51.100.66"}
  local path
  local pick = counter % 4
  if pick == 0 then
    -- A session cookie nobody was given, and the cookies analytics scripts set.
    path = pages[counter % #pages + 1]
    headers["Cookie"] = "sessionid=" .. token() .. "; csrftoken=" .. token() .. "; _ga=GA1.1." .. token()
  elseif pick == 1 then
    -- Unknown parameters, new on every request.
    local page = pages[(counter + 5) % #pages + 1]
    path = page .. "?utm_source=" .. token() .. "&fbclid=" .. token() .. "&" .. token() .. "=1"
  elseif pick == 2 then
    path = downloads[counter % #downloads + 1]
    if counter % 3 == 0 then path = path .. "&nocache=" .. token() end
  else
    path = "/en/search/?q=" .. token()
  end
  return wrk.format("GET", path, headers)
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
    "HOSTILE requests=%d seconds=%.1f rps=%.1f bytes=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f "
      .. "max_ms=%.1f status_5xx=%d status_4xx=%d connect_errors=%d read_errors=%d "
      .. "write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.bytes, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, server, client, e.connect, e.read,
    e.write, e.timeout))
end
