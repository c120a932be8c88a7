# Sourced by ./scforge and scripts/test.sh: which JDKs this machine has.
#
#   java_feature_release JAVA   17 for 'openjdk version "17.0.15"', 8 for '"1.8.0_392"'; empty if unknown
#   newest_java                 the java binary of the newest JDK >= 17 among `java` on the PATH and the
#                               JDKs under /usr/lib/jvm; empty when there is none
#   java_home_of JAVA           the JDK folder of a java binary (for JAVA_HOME)
#   maven_opts_for RELEASE      the MAVEN_OPTS that keep Maven's own libraries (jansi, guava) from warning on
#                               JDK 24 and later; empty before

java_feature_release() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9._]*\).*/\1/p' | head -n1 \
    | sed 's/^1\.\([0-9]*\).*/\1/; s/[^0-9].*//'
}

newest_java() {
  local best="" best_release=0 candidate release
  for candidate in "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    release="$(java_feature_release "$candidate")"
    if [ -n "$release" ] && [ "$release" -ge 17 ] && [ "$release" -gt "$best_release" ]; then
      best="$candidate"
      best_release="$release"
    fi
  done
  echo "$best"
}

java_home_of() {
  dirname "$(dirname "$(readlink -f "$(command -v "$1")")")"
}

maven_opts_for() {
  if [ "$1" -ge 24 ]; then
    echo "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  fi
}
