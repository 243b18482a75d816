"""Server time of every cold page, without the load: the benchmark's "server ms" column alone.

    DATABASE_URL=sqlite:///... scripts/server_time.py              # every page: server ms, CPU ms
    DATABASE_URL=sqlite:///... scripts/server_time.py --profile home    # cProfile of one page
    DATABASE_URL=sqlite:///... scripts/server_time.py --pages '^(home|timeline)'  # some pages

Requests each page of scripts/bench.py through Django's test client in this process, the
page cache off and the cache emptied before each request, 20 times (--requests), and prints
the medians of wall time and of CPU time (time.process_time, which other programs on a
shared machine do not inflate). It reads the database DATABASE_URL names as it is: build
it first (`generate_content`, or `load_content seed`) and collect static files.
"""

import argparse
import cProfile
import pstats
import re
import sys

import bench  # scripts/ is not a package: beside this file


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=bench.SERVER_REQUESTS)
    parser.add_argument("--profile", metavar="PAGE", help="Profile the pages whose name starts so.")
    parser.add_argument("--pages", help="Only the pages whose names match this regex.")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key for --profile.")
    parser.add_argument("--lines", type=int, default=40, help="Lines of the profile shown.")
    args = parser.parse_args()

    bench.setup_django()
    cookie = bench.editor_cookie()
    rows = []
    for name, path in bench.pages():
        page_cookie = cookie if name.startswith("admin") else ""
        if args.profile and not name.startswith(args.profile):
            continue
        if args.pages and not re.search(args.pages, name):
            continue
        status, queries = bench.count_queries(path, page_cookie)
        if status != 200:
            sys.exit(f"{name}: {path} answered {status}")
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            bench.server_time(path, page_cookie, args.requests)
            profile.disable()
            print(f"\n{name}: {path}, {args.requests} requests")
            pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
            continue
        server_ms, cpu_ms = bench.server_time(path, page_cookie, args.requests)
        rows.append((name, queries, server_ms, cpu_ms))
        print(f"{name:<30} {queries:>4} {server_ms:>9.1f} {cpu_ms:>7.1f}", flush=True)
    if rows:
        print(f"\n{bench.database_kind()}: median of {args.requests} cold requests")
        print("| page | SQL | server ms | CPU ms |\n| --- | --- | --- | --- |")
        for name, queries, server_ms, cpu_ms in rows:
            print(f"| {name} | {queries} | {server_ms:.1f} | {cpu_ms:.1f} |")


if __name__ == "__main__":
    main()
