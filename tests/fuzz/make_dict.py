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
            tokens.add(json.dumps(key))
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


def dict_escape(token):
    """A dictionary entry's text: printable ASCII as is (quote and backslash escaped), every other
    byte of its UTF-8 as \\xNN, so that each entry is one line libFuzzer can parse."""
    out = []
    for byte in token.encode("utf-8"):
        char = chr(byte)
        if char in '\\"':
            out.append("\\" + char)
        elif 0x20 <= byte < 0x7F:
            out.append(char)
        else:
            out.append("\\x%02X" % byte)
    return "".join(out)


with open(sys.argv[1], "w", encoding="ascii") as out:
    for i, token in enumerate(sorted(tokens)):
        out.write('t%d="%s"\n' % (i, dict_escape(token)))
