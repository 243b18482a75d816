-- wrk script: one page, asked for in the way BYPASS_MODE says (scripts/cache_bypass.py).
--   plain    no cookie, the canonical address
--   cookie   a made-up sessionid (and csrftoken, _ga) new on every request
--   marker   the same plus the signed-in marker cookie (an attacker who read the VCL)
--   params   an unknown query parameter, name and value new on every request, and trackers
-- and new values of the parameters the page does read (issue 16), new on every request:
--   year     ?year=<letters>       (invalid: a redirect to the list without it)
--   sort     ?sort=<letters>       (invalid: the same)
--   page     ?page=<letters>       (invalid: the same)
--   q        ?q=<new word>         (valid: a search the site renders)
-- Prints one BYPASS line: requests per second, and how many answers Varnish gave from its
-- cache (X-Cache: hit) and the site from its own (X-Page-Cache: hit).
local mode = os.getenv("BYPASS_MODE") or "plain"
local page = os.getenv("BYPASS_PATH") or "/en/events/"
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  varnish_hits, page_hits, answers, errors, redirects, limited = 0, 0, 0, 0, 0, 0
  math.randomseed(os.time() + id * 7919)
end

local function token()
  return string.format("%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
end

function request()
  local headers = {["X-Forwarded-Proto"] = "https"}
  local path = page
  if mode == "cookie" or mode == "marker" then
    headers["Cookie"] = "sessionid=" .. token() .. token() .. "; csrftoken=" .. token() .. "; _ga=GA1.1." .. token()
    if mode == "marker" then headers["Cookie"] = headers["Cookie"] .. "; signedin=1" end
  elseif mode == "params" then
    path = page .. "?utm_source=" .. token() .. "&" .. token() .. "=" .. token() .. "&fbclid=" .. token()
  elseif mode == "year" or mode == "sort" or mode == "page" then
    path = page .. "?" .. mode .. "=x" .. token()
  elseif mode == "q" then
    path = page .. "?q=w" .. token()
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  answers = answers + 1
  if status == 429 then
    limited = limited + 1
  elseif status >= 400 then
    errors = errors + 1
  elseif status >= 300 then
    redirects = redirects + 1
  end
  if headers["X-Cache"] == "hit" then varnish_hits = varnish_hits + 1 end
  if headers["X-Page-Cache"] == "hit" then page_hits = page_hits + 1 end
end

function done(summary, latency, requests)
  local v, p, a, e, r, l = 0, 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    v = v + thread:get("varnish_hits")
    p = p + thread:get("page_hits")
    a = a + thread:get("answers")
    e = e + thread:get("errors")
    r = r + thread:get("redirects")
    l = l + thread:get("limited")
  end
  io.write(string.format(
    "BYPASS mode=%s requests=%d rps=%.0f p99_ms=%.1f varnish_hits=%d page_cache_hits=%d "
      .. "redirects=%d status_429=%d errors=%d\n",
    mode, summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, v, p, r, l, e))
end
