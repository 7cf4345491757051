# Sourced by benchmarks that post to a running suggestion-service. Needs ROOT, OUT, PG_PORT, KAFKA_PORT, HTTP_PORT.
# start_suggestion_service NAME: builds (unless SKIP_BUILD), starts a real PostgreSQL + Kafka (local-infra) and the
# packaged suggestion-service with the launcher's JVM flags, makes a ci token NAME; sets SERVICE_URL, SERVICE_PID,
# CI_TOKEN. Everything started is stopped when the calling script exits.
start_suggestion_service() {
  local name=$1
  if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building suggestion-service and local-infra ..." >&2
    (cd "$ROOT" && mvn -q -B package -DskipTests -pl local-infra,suggestion-service -am)
  fi
  mkdir -p "$OUT/logs"
  WORK=$(mktemp -d)
  PIDS=()
  trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
  echo "starting PostgreSQL and Kafka ..." >&2
  java -Xmx768m -XX:+UseSerialGC \
    -cp "$ROOT/local-infra/target/greengate-local-infra-0.1.0-SNAPSHOT.jar:$ROOT/local-infra/target/lib/*" \
    io.greengate.infra.LocalInfra "$WORK/data" "$PG_PORT" "$KAFKA_PORT" > "$OUT/logs/infra.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q '^READY' "$OUT/logs/infra.log" && break; sleep 0.5; done
  grep -q '^READY' "$OUT/logs/infra.log" || { tail -20 "$OUT/logs/infra.log"; exit 1; }
  local lib="$ROOT/suggestion-service/target/quarkus-app/lib" token_lines
  token_lines=$(java -cp "$lib/main/*:$lib/boot/*" io.greengate.platform.security.AccountsTool token "$name" ci)
  echo "$token_lines" | sed -n 2p > "$WORK/accounts"
  CI_TOKEN=$(echo "$token_lines" | sed -n 1p)
  echo "starting suggestion-service (the launcher's JVM flags) ..." >&2
  GREENGATE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" GREENGATE_KAFKA="127.0.0.1:$KAFKA_PORT" \
  GREENGATE_ACCOUNTS_FILE="$WORK/accounts" \
    java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port="$HTTP_PORT" \
      -jar "$ROOT/suggestion-service/target/quarkus-app/quarkus-run.jar" > "$OUT/logs/suggestion-service.log" 2>&1 &
  SERVICE_PID=$!
  PIDS+=($SERVICE_PID)
  SERVICE_URL=http://127.0.0.1:$HTTP_PORT
  for _ in $(seq 1 240); do curl -fs -o /dev/null --max-time 2 "$SERVICE_URL/q/health/ready" && break; sleep 0.5; done
  curl -fs -o /dev/null "$SERVICE_URL/q/health/ready" || { tail -30 "$OUT/logs/suggestion-service.log"; exit 1; }
}
