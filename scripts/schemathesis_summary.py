"""Counts what schemathesis's calls got back, from its NDJSON report.

A fuzzing run in which every call is refused (401, 404, 422) passes the
"no 5xx" check without exercising anything, so `make test` prints how many calls
succeeded and on how many operations, and fails when too few did.

Usage: schemathesis_summary.py REPORT.ndjson MIN_SUCCESS_PERCENT MIN_OPERATIONS
"""
import collections
import json
import sys


def main() -> int:
    path, min_percent, min_operations = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    by_class = collections.Counter()
    operations = set()
    succeeded = set()
    with open(path, encoding="utf-8") as report:
        for line in report:
            event = json.loads(line).get("ScenarioFinished")
            if not event:
                continue
            for interaction in (event["recorder"].get("interactions") or {}).values():
                response = interaction.get("response")
                request = interaction["request"]
                label = f'{request["method"]} {request["uri"].split("?")[0]}'
                operations.add(event["recorder"]["label"])
                if not response:
                    by_class["no response"] += 1
                    continue
                status = response["status_code"]
                by_class[f"{status // 100}xx"] += 1
                if 200 <= status < 300:
                    succeeded.add(event["recorder"]["label"])
    total = sum(by_class.values())
    ok = by_class["2xx"]
    percent = 100.0 * ok / total if total else 0.0
    classes = ", ".join(f"{k}: {v}" for k, v in sorted(by_class.items()))
    print(f"schemathesis: {total} calls, {ok} got 2xx ({percent:.0f} %); {classes}")
    print(f"schemathesis: {len(succeeded)} of {len(operations)} operations answered 2xx at least once")
    never = sorted(operations - succeeded)
    if never:
        print("  never 2xx: " + "; ".join(never))
    if percent < min_percent or len(succeeded) < min_operations:
        print(f"too few successful calls: want at least {min_percent:.0f} % and {min_operations} operations")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
