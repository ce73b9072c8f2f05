#!/usr/bin/env bash
# Compiles plugin/ with javac against the Jenkins 2.479.3 of ../shared/jenkins (its war and bundled plugins) and
# packages ml-experiment.hpi as maven-hpi-plugin lays one out. Where the Jenkins Maven repository is reachable,
# `mvn -Pjenkins -pl plugin -am verify` is the build of record; this is the path for machines without it.
# usage: plugin/e2e/build-hpi.sh JENKINS_DIST OUT_DIR   (JENKINS_DIST: the unpacked jenkins/ folder)
# Derived from ../shared/jenkins/reference/compile-plugin.sh; reads the plugin dependencies from plugin/pom.xml.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dist=$(cd "$1" && pwd)
out=$(mkdir -p "$2" && cd "$2" && pwd)
step() { echo "[build-hpi $(date +%T)] $*"; }
pom=$repo/plugin/pom.xml

step "mlexp-core and its runtime jars"
version=$(sed -n 's#.*<mlexp.version>\(.*\)</mlexp.version>.*#\1#p' "$pom")
(cd "$repo" && mvn -B -q -Dstyle.color=never install -DskipTests -pl core -am)
rm -rf "$out/corelib"
(cd "$repo" && mvn -B -q -Dstyle.color=never -pl core dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out/corelib")
cp "$repo/core/target/mlexp-core-$version.jar" "$out/corelib/"
# the plugin pom's exclusions: Jackson and SnakeYAML come from jackson2-api, SLF4J from Jenkins core
rm -f "$out"/corelib/jackson-*.jar "$out"/corelib/snakeyaml-*.jar "$out"/corelib/slf4j-*.jar

# the plugin dependencies: every non-test <dependency> of the pom but mlexp-core, with its version and optionality
python3 - "$pom" > "$out/dependencies.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
for d in ET.parse(sys.argv[1]).getroot().find("m:dependencies", ns).findall("m:dependency", ns):
    get = lambda tag: (d.findtext(f"m:{tag}", default="", namespaces=ns) or "").strip()
    if get("scope") in ("test", "provided") or get("artifactId") == "mlexp-core":
        continue
    print(get("artifactId"), get("version"), "optional" if get("optional") == "true" else "required")
PY
cut -d' ' -f1 "$out/dependencies.txt" > "$out/roots.txt"

step "class path: the war's jars, the Jetty servlet API, the dependency closure of $(wc -l < "$out/roots.txt") plugins"
rm -rf "$out/plugin-cp" && mkdir -p "$out/plugin-cp"
for p in "$dist"/plugins/*.jpi; do
  n=$(basename "$p" .jpi); mkdir -p "$out/plugin-cp/$n"
  unzip -q -o "$p" 'META-INF/MANIFEST.MF' 'WEB-INF/lib/*' -d "$out/plugin-cp/$n" 2>/dev/null || true
done
python3 "$repo/plugin/e2e/plugin-closure.py" "$out/plugin-cp" "$out/roots.txt" > "$out/compile-plugins.txt"
cp_=$(ls "$dist"/war/WEB-INF/lib/*.jar | tr '\n' ':')$(ls "$dist"/jetty/jetty-jakarta-servlet-api-*.jar)
while read -r n _; do for j in "$out/plugin-cp/$n"/WEB-INF/lib/*.jar; do cp_="$cp_:$j"; done; done < "$out/compile-plugins.txt"
for j in "$out"/corelib/*.jar; do cp_="$cp_:$j"; done
printf '%s\n' "$cp_" > "$out/classpath.txt" # what plugin/e2e/lint.sh gives Error Prone and SpotBugs

step "javac (annotation processors from the class path: the @Extension and @Symbol indexes, Stapler's parameter names)"
rm -rf "$out/classes" && mkdir -p "$out/classes"
if ! javac --release 17 -encoding UTF-8 -parameters -Xlint:-options -cp "$cp_" -d "$out/classes" \
    $(find "$repo/plugin/src/main/java" -name '*.java') > "$out/javac.log" 2>&1; then
  cat "$out/javac.log"; echo "PLUGIN COMPILE FAILED: the errors above are javac's"; exit 3
fi
cat "$out/javac.log"
cp -r "$repo/plugin/src/main/resources/." "$out/classes/"

step "package ml-experiment.hpi"
plugin_version=$(sed -n '0,/<artifactId>ml-experiment<\/artifactId>/d; s#.*<version>\(.*\)</version>.*#\1#p' "$pom" | head -1)
hpi=$out/hpi; rm -rf "$hpi" && mkdir -p "$hpi/WEB-INF/lib" "$hpi/META-INF"
cp "$out"/corelib/*.jar "$hpi/WEB-INF/lib/"
python3 - "$hpi/META-INF/MANIFEST.MF" "$plugin_version" "$out/dependencies.txt" <<'PY'
import sys
path, version, deps = sys.argv[1:4]
dependencies = []
for line in open(deps):
    name, v, kind = line.split()
    dependencies.append(f"{name}:{v}" + (";resolution:=optional" if kind == "optional" else ""))
fields = [("Manifest-Version", "1.0"), ("Group-Id", "io.jenkins.plugins"), ("Artifact-Id", "ml-experiment"),
          ("Short-Name", "ml-experiment"), ("Long-Name", "ML Experiment"), ("Implementation-Title", "ML Experiment"),
          ("Implementation-Version", version), ("Plugin-Version", version), ("Hudson-Version", "2.479.3"),
          ("Jenkins-Version", "2.479.3"), ("Minimum-Java-Version", "17"), ("Plugin-Dependencies", ",".join(dependencies))]
out = []
for key, value in fields:
    line = f"{key}: {value}"
    out.append(line[:72]); rest = line[72:]
    while rest:
        out.append(" " + rest[:71]); rest = rest[71:]
open(path, "w").write("\r\n".join(out) + "\r\n\r\n")
PY
# maven-hpi-plugin gives the plugin's own jar the same manifest: Jenkins' class filter lets XStream store a
# plugin's classes (the build page's action) only when their jar's manifest names Short-Name and Plugin-Version
(cd "$out/classes" && jar cfm "$hpi/WEB-INF/lib/ml-experiment.jar" "$hpi/META-INF/MANIFEST.MF" .)
rm -f "$out/ml-experiment.hpi"
(cd "$hpi" && zip -q -r -X "$out/ml-experiment.hpi" META-INF WEB-INF)
step "done: $out/ml-experiment.hpi ($(du -k "$out/ml-experiment.hpi" | cut -f1) KiB)"
