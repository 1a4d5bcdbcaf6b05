#!/usr/bin/env bash
# Packs Opper.Traces, Opper.OpenApi.Generator, Opper.Traces.Cli and the host packages into a temporary folder feed
# and uses them the way a consumer does: fresh projects outside the solution, a nuget.config that
# adds only that folder, and a fake server on 127.0.0.1. Prints one line per check:
#   consumer: PASS <name>      or      consumer: FAIL <name>: <why>
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
feed="$work/feed"
version="${CONSUMER_VERSION:-0.1.0-consumer.$(date +%s)}"
pids=()
cleanup() {
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

pass() { echo "consumer: PASS $1"; }
fail() { echo "consumer: FAIL $1: $2"; }

log() { echo "== $*" >&2; }

mkdir -p "$feed"
log "packing $version into a temporary feed"
for project in src/Opper.Traces generator/Opper.OpenApi.Generator src/Opper.Traces.Cli src/Opper.Traces.DependencyInjection src/Opper.Traces.OpenTelemetry; do
  ls "$project"/*.csproj >/dev/null 2>&1 || continue
  if ! dotnet pack "$project" -c Release -o "$feed" -p:Version="$version" -p:ContinuousIntegrationBuild=true >"$work/pack.log" 2>&1; then
    cat "$work/pack.log" >&2
    fail "pack $(basename "$project")" "dotnet pack failed"
  fi
done
ls "$feed" >&2

log "building the fake server"
if ! dotnet build tests/Opper.FakeServer -c Release -o "$work/fake" >"$work/fake.log" 2>&1; then
  cat "$work/fake.log" >&2
  fail "fake server" "build failed"
  exit 0
fi

# Starts the fake server on a routes file; sets $url to its address.
start_fake() {
  local routes="$1"
  local out
  out="$work/fake-$(basename "$(dirname "$routes")").out"
  mkfifo "$out.in"
  dotnet "$work/fake/Opper.FakeServer.dll" "$routes" <"$out.in" >"$out" 2>&1 &
  pids+=($!)
  exec {holder}>"$out.in"   # keeps the server's stdin open until the script ends
  url=""
  for _ in $(seq 1 100); do
    url=$(sed -n 's/^listening on //p' "$out" | head -n 1)
    [ -n "$url" ] && return 0
    sleep 0.2
  done
  cat "$out" >&2
  return 1
}

new_project() {
  local name="$1"
  mkdir -p "$work/consumers"
  cp -r "tests/Consumers/$name" "$work/consumers/$name"
  cat >"$work/consumers/$name/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="opper-local" value="$feed" />
  </packageSources>
</configuration>
XML
  echo "$work/consumers/$name"
}

expect() {
  # expect <name> <output file> <pattern>...
  local name="$1" output="$2"
  shift 2
  for pattern in "$@"; do
    if ! grep -qE -- "$pattern" "$output"; then
      cat "$output" >&2
      fail "$name" "output lacks /$pattern/"
      return 1
    fi
  done
  pass "$name"
}

# 1. A net8.0 app installs Opper.Traces and runs the reference page's example against the fake.
if start_fake "$root/tests/Consumers/routes/opper/routes.json"; then
  opper_url="$url"
  dir=$(new_project OpperConsumer)
  if OPPER_API_KEY=consumer-key dotnet run --project "$dir" -c Release -p:OpperVersion="$version" -- "$opper_url/v2" >"$work/opper.out" 2>&1; then
    expect "Opper.Traces seed example (net8.0)" "$work/opper.out" \
      '^Created function: research_assistant' \
      '^Function call completed\. Span ID: [0-9a-f-]{36}' \
      '^Trace Analysis: research_assistant' \
      '^Total Tokens: 12,931' \
      'GENERATION spans \(7\)' \
      '└─ ' \
      '^LLM Generation Time: [0-9]+ms' \
      '^Missing trace: 404 NotFoundError'
    # WaitForTraceAsync: the trace is read until its span count held over two polls.
    trace_id=$(sed -n 's/^Generated trace ID: //p' "$work/opper.out" | head -n 1)
    polls=$(grep -c "^GET /v2/traces/$trace_id\$" "$work/fake-opper.out" || true)
    if [ -n "$trace_id" ] && [ "$polls" -ge 2 ]; then
      pass "Opper.Traces WaitForTraceAsync polls until the trace settles"
    else
      fail "Opper.Traces WaitForTraceAsync polls until the trace settles" "the fake server saw $polls GET /v2/traces/$trace_id, not 2 or more"
    fi
  else
    cat "$work/opper.out" >&2
    fail "Opper.Traces seed example (net8.0)" "the consumer did not build or run"
  fi

  # 2. A netstandard2.0 library compiles against the package.
  dir=$(new_project NetStandardConsumer)
  if dotnet build "$dir" -c Release -p:OpperVersion="$version" >"$work/ns.out" 2>&1; then
    pass "Opper.Traces netstandard2.0 library consumer"
  else
    cat "$work/ns.out" >&2
    fail "Opper.Traces netstandard2.0 library consumer" "build failed"
  fi
else
  fail "Opper.Traces seed example (net8.0)" "the fake server did not start"
fi

# 3. The generator package: another API's spec becomes a working typed client.
if start_fake "$root/tests/Consumers/routes/petstore/routes.json"; then
  dir=$(new_project PetStoreConsumer)
  if dotnet run --project "$dir" -c Release -p:OpperVersion="$version" -- "$url/v1" >"$work/pet.out" 2>&1; then
    expect "Opper.OpenApi.Generator pet store consumer" "$work/pet.out" \
      '^pet 1: Fido status=available known=True tag=\(null\)' \
      '^pet 2: Tom status=adopted known=False tag=cat' \
      '^one: Fido born 2019-04-01' \
      '^created: 3 Rex' \
      '^not found: 404 code=404 message=No pet with id 404' \
      '^yaml: A-1 count=3 on=True'
  else
    cat "$work/pet.out" >&2
    fail "Opper.OpenApi.Generator pet store consumer" "the consumer did not build or run"
  fi
else
  fail "Opper.OpenApi.Generator pet store consumer" "the fake server did not start"
fi

# 4. The tool package installs and runs.
if ls src/Opper.Traces.Cli/*.csproj >/dev/null 2>&1; then
  if dotnet tool install Opper.Traces.Cli --version "$version" --tool-path "$work/tools" --add-source "$feed" >"$work/tool-install.out" 2>&1 \
     && "$work/tools/opper-traces" show spec/examples/GetTraceResponse.research-assistant.json >"$work/tool.out" 2>&1; then
    expect "Opper.Traces.Cli tool install and show" "$work/tool.out" 'research_assistant' '12,931'
  else
    cat "$work/tool-install.out" "$work/tool.out" >&2 2>/dev/null
    fail "Opper.Traces.Cli tool install and show" "install or run failed"
  fi
fi

# 5. The host packages: AddOpperClient and AddOpperExporter in a generic host, spans posted to the fake.
if start_fake "$root/tests/Consumers/routes/hosting/routes.json"; then
  hosting_log="$work/fake-hosting.out"
  dir=$(new_project HostingConsumer)
  if OPPER_API_KEY=consumer-key dotnet run --project "$dir" -c Release -p:OpperVersion="$version" -- "$url/v2/" >"$work/hosting.out" 2>&1; then
    posts=$(grep -c '^POST /v2/spans' "$hosting_log" || true)
    if [ "$posts" = "2" ]; then
      expect "Opper.Traces.DependencyInjection and Opper.Traces.OpenTelemetry in a host" "$work/hosting.out" \
        '^spans sent: 2, lost: 0$' \
        '^one client: True$' \
        '^trace: research_assistant_[0-9]+, 12,931 tokens$'
    else
      cat "$work/hosting.out" "$hosting_log" >&2
      fail "Opper.Traces.DependencyInjection and Opper.Traces.OpenTelemetry in a host" "the fake server saw $posts POST /v2/spans, not 2"
    fi
  else
    cat "$work/hosting.out" >&2
    fail "Opper.Traces.DependencyInjection and Opper.Traces.OpenTelemetry in a host" "the consumer did not build or run"
  fi
  # Invalid options stop the host at start-up with a message naming the key.
  if OPPER_API_KEY=consumer-key dotnet run --project "$dir" -c Release --no-build -p:OpperVersion="$version" -- "$url/v2/" bad-config >"$work/hosting-bad.out" 2>&1; then
    cat "$work/hosting-bad.out" >&2
    fail "Opper.Traces.DependencyInjection start-up validation" "the host started with Timeout 0"
  else
    expect "Opper.Traces.DependencyInjection start-up validation" "$work/hosting-bad.out" "^start-up refused: Opper:Timeout is '0'"
  fi
else
  fail "Opper.Traces.DependencyInjection and Opper.Traces.OpenTelemetry in a host" "the fake server did not start"
fi
