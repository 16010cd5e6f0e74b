#!/usr/bin/env python3
"""What single PromQL queries cost a Prometheus, by its own account: each query asked N times in turn
(N from $N, 20 by default), the engine seconds it spent (prometheus_engine_query_duration_seconds_sum, every
slice) read from its /metrics around each answer; prints the median and 10th percentile per query, and the
answer's size. Nothing else should query that Prometheus meanwhile.
Usage: scripts/query-cost.py http://127.0.0.1:9090 'up{}' 'last_over_time(up{}[2m])' ..."""
import os, re, statistics, sys, time, urllib.parse, urllib.request

SLICE = re.compile(r'^prometheus_engine_query_duration_seconds_sum\{[^}]*\} (\S+)$', re.M)


def engine_seconds(url):
    text = urllib.request.urlopen(url + '/metrics').read().decode()
    return sum(float(v) for v in SLICE.findall(text))


def answer_bytes(url, query):
    return len(urllib.request.urlopen(url + '/api/v1/query?' + urllib.parse.urlencode({'query': query})).read())


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    url, queries = sys.argv[1].rstrip('/'), sys.argv[2:]
    costs = {q: [] for q in queries}
    size = {}
    for _ in range(int(os.environ.get('N', '20'))):
        for q in queries:
            before = engine_seconds(url)
            size[q] = answer_bytes(url, q)
            costs[q].append(engine_seconds(url) - before)
        time.sleep(0.2)
    for q in queries:
        c = sorted(costs[q])
        print('median %.3f ms  p10 %.3f ms  %d B  %s' % (statistics.median(c) * 1e3, c[len(c) // 10] * 1e3, size[q], q))


if __name__ == '__main__':
    main()
