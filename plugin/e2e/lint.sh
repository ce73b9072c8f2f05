#!/usr/bin/env bash
# The parent POM's checkers on plugin/, which Maven cannot build here (no Jenkins repository): Checkstyle, PMD and CPD
# on the sources (through plugin/e2e/lint-pom.xml, with the parent's rule files), Error Prone with NullAway on a
# second compile against the class path build-hpi.sh used, and SpotBugs on the classes that compile wrote. Zero
# warnings: any finding fails. usage: plugin/e2e/lint.sh HPI_OUT   (the OUT_DIR build-hpi.sh wrote)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$(cd "$1" && pwd)
[ -f "$out/classpath.txt" ] || { echo "lint: run plugin/e2e/build-hpi.sh first" >&2; exit 2; }
step() { echo "[lint $(date +%T)] $*"; }
cp_=$(cat "$out/classpath.txt")
pom=$repo/plugin/e2e/lint-pom.xml

step "Checkstyle, PMD, CPD on plugin/src/main/java; the tools' class path"
mvn -B -q -Dstyle.color=never -f "$pom" checkstyle:check pmd:check pmd:cpd-check dependency:build-classpath \
  -Dmdep.outputFile="$out/tools-classpath.txt" > "$out/lint-maven.log" 2>&1 || { grep -E "ERROR|WARN" "$out/lint-maven.log"; exit 3; }
tools=$(cat "$out/tools-classpath.txt")

step "Error Prone $(sed -n 's#.*<errorprone.version>\(.*\)</errorprone.version>.*#\1#p' "$repo/pom.xml") with NullAway"
opens=()
while read -r flag value; do [ -n "$flag" ] && opens+=("-J$flag=$value"); done < "$repo/.mvn/jvm.config" # javac's internals
rm -rf "$out/lint-classes" && mkdir -p "$out/lint-classes"
# jsr305's annotation constants (javax.annotation.meta.When), which Jenkins' annotations name but its war lacks
jsr305=$(tr ':' '\n' <<< "$tools" | grep '/jsr305-' | head -1)
if ! javac "${opens[@]}" --release 17 -encoding UTF-8 -parameters -Xlint:-options -proc:none -cp "$cp_:$jsr305" -processorpath "$tools" \
    -d "$out/lint-classes" -XDcompilePolicy=simple --should-stop=ifError=FLOW -Werror \
    "-Xplugin:ErrorProne -XepDisableWarningsInGeneratedCode -Xep:NullAway:ERROR -XepOpt:NullAway:AnnotatedPackages=io.jenkins.plugins.mlexperiment,io.mlexp -Xep:StringSplitter:OFF" \
    $(find "$repo/plugin/src/main/java" -name '*.java') > "$out/lint-errorprone.log" 2>&1; then
  cat "$out/lint-errorprone.log"; echo "lint: Error Prone found the above"; exit 3
fi

step "SpotBugs (effort max, threshold medium, the parent's exclusions)"
if ! java -cp "$tools" edu.umd.cs.findbugs.FindBugs2 -effort:max -medium -exitcode \
    -exclude "$repo/config/spotbugs-exclude.xml" -auxclasspath "$cp_:$jsr305" "$out/lint-classes" > "$out/lint-spotbugs.log" 2>&1; then
  cat "$out/lint-spotbugs.log"; echo "lint: SpotBugs found the above"; exit 3
fi
step "plugin/ passes every checker"
