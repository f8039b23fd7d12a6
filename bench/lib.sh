# Shared by the bench/run-* scripts (sourced, not run): building what is missing and starting a benchmark.
# Expects $root (the repository root, the working directory) and the flags $rebuild and $no_build.

mvn_cmd=(${MVN:-mvn -B -q})

# Offline first: everything is usually in ~/.m2 already; online only if something is missing.
build() { "${mvn_cmd[@]}" -o "$@" || "${mvn_cmd[@]}" "$@"; }

# True when $1 is missing or older than any file under the directories that follow.
stale() {
  local target="$1"; shift
  [[ ! -e "$target" ]] && return 0
  [[ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]]
}

# ensure_connector_zip MODULE: builds the module's plugin ZIP when it is missing or out of date.
ensure_connector_zip() {
  local module="$1" zip
  zip="$(ls -t "$module"/target/components/packages/sluice-"$module"-*.zip 2>/dev/null | head -n 1 || true)"
  if ! $no_build && { $rebuild || [[ -z "$zip" ]] || stale "$zip" "$module/src/main" "$module/pom.xml" connect-common/src/main pom.xml; }; then
    echo "Building the $module plugin ZIP..."
    build -pl "$module" -am package -DskipTests
  fi
}

# ensure_baseline NAME: resolves a baseline plugin (bench/baselines/NAME) into its target/plugin directory.
ensure_baseline() {
  local name="$1"
  if ! $no_build && { $rebuild || [[ ! -d "bench/baselines/$name/target/plugin/$name" ]]; }; then
    echo "Resolving the $name baseline plugin..."
    build -f "bench/baselines/$name/pom.xml" package
  fi
}

# ensure_bench STAMPNAME: builds the bench module when its sources changed since the stamp.
ensure_bench() {
  local stamp="bench/target/.$1-built"
  if ! $no_build && { $rebuild || stale "$stamp" bench/src/main bench/pom.xml pom.xml || [[ ! -d bench/target/plugins/connect-file ]]; }; then
    echo "Building the bench module..."
    build -f bench/pom.xml package -DskipTests
    touch "$stamp"
  fi
}

# run_bench MAINCLASS ARGS...: the benchmark JVM (broker and worker inside it).
run_bench() {
  local main="$1"; shift
  exec java -XX:+UseG1GC -Xmx2g ${BENCH_JAVA_OPTS:-} \
    -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
    "$main" --root "$root" "$@"
}

# parse_build_flags ARGS...: sets rebuild/no_build and leaves the other arguments in $args.
parse_build_flags() {
  rebuild=false
  no_build=false
  args=()
  local arg
  for arg in "$@"; do
    case "$arg" in
      --rebuild) rebuild=true ;;
      --no-build) no_build=true ;;
      *) args+=("$arg") ;;
    esac
  done
}
