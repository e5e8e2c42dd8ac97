#!/usr/bin/env bash
# Runs every test of the repository: builds the solution once (warnings are errors), then runs each test project
# under tests/ one after the other, and ends with one line: "N passed, N failed, N skipped" (totals over all
# projects). Exits non-zero when the build fails, a test fails, or a test project cannot run.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

echo "== build (NextLevel.sln, warnings as errors)"
if ! dotnet build NextLevel.sln -warnaserror -nologo -clp:NoSummary -v:minimal; then
    echo "The build failed: no test was run."
    echo "0 passed, 0 failed"
    exit 1
fi

# Test projects are those referencing the test SDK; console tools under tests/ (the conformance runner) are not.
mapfile -t projects < <(grep -l '<PackageReference Include="Microsoft.NET.Test.Sdk"' tests/*/*.csproj | sort)

passed=0 failed=0 skipped=0 broken=()
for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    echo "== $name"
    # A test stuck for 10 minutes is a hang: blame kills the test host (and, through it, any system it started).
    dotnet test "$project" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results" \
        --blame-hang-timeout 10m --blame-hang-dump-type none
    exit_code=$?
    trx="$results/$name.trx"
    if [[ ! -f "$trx" ]]; then
        broken+=("$name")
        continue
    fi
    counters="$(grep -o '<Counters [^>]*>' "$trx")"
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    project_passed=$(count passed) project_failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
    project_skipped=$(( $(count total) - $(count executed) ))
    passed=$(( passed + project_passed )) failed=$(( failed + project_failed )) skipped=$(( skipped + project_skipped ))
    # A test host that crashed can leave a report without failures: the exit code still tells.
    (( exit_code != 0 && project_failed == 0 )) && broken+=("$name")
done

status=0
if (( ${#broken[@]} > 0 )); then
    echo "These test projects did not run to the end: ${broken[*]}"
    status=1
fi
(( failed > 0 )) && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
