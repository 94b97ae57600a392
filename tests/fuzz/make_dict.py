#!/usr/bin/env python3
"""Writes a libFuzzer dictionary made from scenario files: every key, every short string value and
the punctuation of expressions and templates, so that mutations speak the scenario format.

usage: make_dict.py OUT.dict SCENARIO.json...
"""
import json
import re
import sys

tokens = set()
for extra in ["{", "}", "[", "]", ":", ",", "true", "false", "null", "//", "/*", "*/", "{{", "}}",
              "&&", "||", "<<", ">>", "<=", ">=", "==", "!=", "0x", "-9223372036854775808",
              "9223372036854775807", "1e9", "\\\\"]:
    tokens.add(extra)


def walk(value):
    if isinstance(value, dict):
        for key, item in value.items():
            tokens.add('"%s"' % key)
            walk(item)
    elif isinstance(value, list):
        for item in value:
            walk(item)
    elif isinstance(value, str) and len(value) <= 40:
        tokens.add(json.dumps(value))
        for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", value):
            tokens.add(word)


for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8") as f:
            text = re.sub(r"^\s*//.*$", "", f.read(), flags=re.M)
        walk(json.loads(text))
    except (ValueError, UnicodeDecodeError):
        pass  # malformed on purpose, or with comments the crude filter above missed

with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i, token in enumerate(sorted(tokens)):
        escaped = token.replace("\\", "\\\\").replace('"', '\\"')
        out.write('t%d="%s"\n' % (i, escaped))
