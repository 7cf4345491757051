# Sourced by benchmarks that need tools from Maven Central or Debian. Needs OUT (jars go to $OUT/jars).
# fetch_jar COORDS FILE: groupId:artifactId:version[:packaging:classifier], unless $OUT/jars/FILE is there already.
fetch_jar() {
  local coords=$1 file=$2
  mkdir -p "$OUT/jars"
  [ -s "$OUT/jars/$file" ] && return
  mvn -B -q dependency:copy -Dartifact="$coords" -DoutputDirectory="$OUT/jars" -Dmdep.overWriteReleases=true >&2
}

# ensure_debian_packages PACKAGE...: installs those the machine lacks.
ensure_debian_packages() {
  local missing="" p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    echo "installing$missing ..." >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null
  fi
}
