#!/usr/bin/env python3
"""Reports how many of OpenCC's JSON test cases pass through `reader convert --config`.

Usage: scripts/opencc-cases-report.py [CASES.json] [READER]
Defaults: Tests/Fixtures/opencc/testcases-1.4.2.json, .build/debug/reader.
A measurement (the test is Tests/EndToEndTests/OpenCCConformanceTests.swift): with the OpenCC
1.4.2 dictionaries `make build` compiles beside the binary all 243 cases (556 checks) pass; with
READER_OPENCC_DATA=/usr/share/opencc (Debian's 2022 dictionaries) 79 cases (254 checks) do.
"""
import json
import pathlib
import subprocess
import sys

repository = pathlib.Path(__file__).resolve().parent.parent
cases_path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else (
    repository / "Tests/Fixtures/opencc/testcases-1.4.2.json")
reader = sys.argv[2] if len(sys.argv) > 2 else str(repository / ".build/debug/reader")

cases = json.loads(cases_path.read_text(encoding="utf-8"))["cases"]
configs = sorted({config for case in cases for config in case["expected"]})
results = {}  # (case id, config) -> passed
for config in configs:
    selected = [case for case in cases if config in case["expected"]]
    if any("\n" in case["input"] for case in selected):
        sys.exit(f"{config}: an input spans lines; this report converts one case per line")
    run = subprocess.run(
        [reader, "convert", "--config", config],
        input="\n".join(case["input"] for case in selected) + "\n",
        capture_output=True, text=True)
    outputs = run.stdout.split("\n")[:-1] if run.returncode == 0 else [None] * len(selected)
    passed = 0
    for case, output in zip(selected, outputs):
        ok = output == case["expected"][config]
        results[(case["id"], config)] = ok
        passed += ok
    note = "" if run.returncode == 0 else f"  ({run.stderr.strip()})"
    print(f"{config:6} {passed:3}/{len(selected):3}{note}")

whole = sum(all(results[(case["id"], config)] for config in case["expected"]) for case in cases)
checks = sum(results.values())
print(f"cases whose every expectation passes: {whole}/{len(cases)}; expectations: {checks}/{len(results)}")
