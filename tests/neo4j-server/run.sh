#!/usr/bin/env bash
# Builds the launcher (Maven; the first build downloads Neo4j 5.26 from Maven Central into ~/.m2)
# and starts a local Neo4j 5 Community server on 127.0.0.1: `npm run neo4j:local`.
#
#   NEO4J_PASSWORD=… tests/neo4j-server/run.sh [--data DIR] [--port N]
#
# --data defaults to data/neo4j in the repository, --port to NEO4J_PORT or 7687 (0: a free
# port). It prints `neo4j-server: ready at bolt://127.0.0.1:PORT (…)` when it accepts
# connections. The java process replaces this script (exec), so its PID is this script's:
# SIGTERM to it shuts Neo4j down cleanly. NEO4J_SERVER_NO_BUILD=1 skips the Maven step,
# NEO4J_HEAP (default 1g) sets the JVM's heap; JAVA_HOME picks the JDK (17 or 21).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${NEO4J_SERVER_NO_BUILD:-}" != 1 ]; then
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" package -DskipTests >&2
fi
java_bin=java
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
args=("$@")
case " $* " in
  *" --data "*) ;;
  *) args+=(--data "$here/../../data/neo4j") ;;
esac
heap="${NEO4J_HEAP:-1g}"
exec "$java_bin" -Xms256m "-Xmx$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$here/target/classes:$here/target/lib/*" org.octograph.neo4j.LocalNeo4j "${args[@]}"
