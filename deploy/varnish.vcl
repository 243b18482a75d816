# Varnish in front of gunicorn (docs/production.md, "The HTTP cache").
#
# The site says what may be shared: anonymous pages come with
# "Cache-Control: public, max-age=0, s-maxage=N" and a Surrogate-Key header naming every
# entry and list they show. Varnish keeps exactly those responses for s-maxage seconds, and
# the site bans them by key the moment an editor publishes, changes, unpublishes or deletes
# an entry (PURGE requests from relations/cache.py, from the addresses in acl purgers).
# Everything else (signed-in editors, the admin, forms, downloads) passes straight through.
vcl 4.1;

import cookie;
import std;

# nginx's second server (deploy/nginx.conf), which limits what reaches gunicorn per visitor
# address and passes the rest on; `make smoke` and the load test write their own port here.
backend default {
    .host = "127.0.0.1";
    .port = "8081";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# Who may ban pages: the app machines (VARNISH_URLS points them here).
acl purgers {
    "127.0.0.1";
    "::1";
}

# Where nginx runs: its X-Forwarded-For already ends with the visitor's address.
acl front {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Said by Varnish alone, below, for a real signed-in editor (nginx does not limit them).
    unset req.http.X-Signed-In-Editor;
    # Varnish appends the address it sees (nginx's); Django reads the last one as the
    # visitor's (config/proxy.py), so that hop is taken off again.
    if (client.ip ~ front && req.http.X-Forwarded-For ~ ",") {
        set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, ",[^,]*$", "");
    }
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Keys are the site's own ("event-12 event-list"): letters, digits, dashes, spaces.
        if (req.http.Surrogate-Key !~ "^[a-z0-9-]+( [a-z0-9-]+)*$") {
            return (synth(400, "Bad Surrogate-Key"));
        }
        ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.Surrogate-Key, " ", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    unset req.http.X-Session-Cookie;
    # Only a real signed-in editor skips the cache: Django's session cookie *and* the
    # "signedin" cookie the site sets at login (relations/front_pass.py), whose value is
    # a secret Varnish reads from the file below (`manage.py front_pass_token` writes it).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        cookie.parse(req.http.Cookie);
        # front: pass token
        set req.http.X-Pass-Token = regsub(std.fileread("/etc/varnish/cooperation-pass-token"), "\s+$", "");
        if (req.http.X-Pass-Token ~ "^[0-9a-f]{64}$" && cookie.get("signedin") == req.http.X-Pass-Token) {
            unset req.http.X-Pass-Token;
            set req.http.X-Signed-In-Editor = "1";
            return (pass);
        }
        unset req.http.X-Pass-Token;
        # A made-up or expired session, or a real one from before the marker: looked up
        # in the cache like any visitor's request, so a made-up cookie buys nothing. Only
        # on a miss does Django see the cookies (vcl_backend_fetch): it forgets a session
        # that names nobody and answers a shareable page, and answers a real editor's
        # page (the admin too) "private", which is never stored.
        set req.http.X-Session-Cookie = req.http.Cookie;
    }
    # No other cookie changes what an anonymous page shows (language, analytics, CSRF
    # left over from a form): without them the page can be shared.
    unset req.http.Cookie;
    unset req.http.Authorization;
    if (req.url ~ "\?") {
        # The query string alone, so a "&" in the path is never touched.
        set req.http.X-Query = regsub(req.url, "^[^?]*", "");
        if (req.url ~ "^/((en|ru|tr)/|api/|sitemap)") {
            # front: parameters
            # The visitor pages, the API and the sitemaps read only these parameters
            # (tests/test_cache_bypass.py keeps the list whole): every other one, and any
            # without a value, is dropped before the cache key and the request to Django.
            set req.http.X-Query = regsuball(req.http.X-Query, "([?&])(?!(action|action_year|body|category|country|decade|format|host|kind|level|organisation|origin|p|page|page_size|person|q|role|series|sort|sphere|status|year)=[^&])[^&]*", "\1");
        } else {
            # Elsewhere (the admin, static files): only the usual trackers.
            set req.http.X-Query = regsuball(req.http.X-Query, "([?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*", "\1");
        }
        set req.http.X-Query = regsuball(req.http.X-Query, "&&+", "&");
        set req.http.X-Query = regsub(regsub(req.http.X-Query, "^\?&", "?"), "[?&]$", "");
        set req.url = regsub(req.url, "\?.*$", "") + req.http.X-Query;
        unset req.http.X-Query;
        # The same page however the parameters are ordered.
        set req.url = std.querysort(req.url);
    }
    return (hash);
}

sub vcl_hash {
    # Plain HTTP answers with a redirect to HTTPS: never the same object as the page.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_fetch {
    # Only the fetch carries the session cookie: never the cache key (vcl_hash).
    if (bereq.http.X-Session-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Session-Cookie;
        unset bereq.http.X-Session-Cookie;
    }
}

sub vcl_backend_response {
    # nginx's limit on what reaches the workers (deploy/nginx.conf): passed on, never kept,
    # and no hit-for-miss either, so the next visitor's request for the page is fetched.
    if (beresp.status == 429) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Only what the site marks as shareable is kept; the builtin rules still refuse
    # anything that sets a cookie or says private/no-store.
    if (beresp.http.Cache-Control !~ "(s-maxage|public)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a just-expired page while one request fetches the new one.
    set beresp.grace = 30s;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # Browsers and other proxies get the page, not the site's internal keys.
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
