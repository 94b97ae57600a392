#!/usr/bin/env python3
"""Prints one closing line "N passed, N failed" over every test case meson ran.

Each meson test speaks TAP, so a test executable counts as its individual cases ("ok N - ...",
"not ok N - ..."); a test that crashed before printing its plan counts as one failure.
"""
import json
import re
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        output = entry.get("stdout") or ""
        oks = len(re.findall(r"^ok \d+", output, re.M))
        not_oks = len(re.findall(r"^not ok \d+", output, re.M))
        if oks + not_oks == 0:
            if entry.get("result") in ("OK", "EXPECTEDFAIL"):
                passed += 1
            else:
                failed += 1
        else:
            passed += oks
            failed += not_oks
            if entry.get("result") not in ("OK", "EXPECTEDFAIL") and not_oks == 0:
                failed += 1
print(f"{passed} passed, {failed} failed")
