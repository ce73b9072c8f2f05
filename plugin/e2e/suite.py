#!/usr/bin/env python3
"""The plugin's end-to-end suite: drives a real Jenkins over HTTP as a platform team would and checks what they
would look at. run.sh starts Jenkins (with the freshly built ml-experiment.hpi) and a private dockerd, then runs:

    suite.py URL WORK_DIR REPO_ROOT

Every build runs on an inbound agent connected over remoting (the built-in node has no executor), so the step's
two halves cross a real channel. Prints one line per check ("ok - ..." / "not ok - ...") and a closing
"N passed, N failed" line; exits 1 when any check failed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from xml.sax.saxutils import escape

URL, WORK, REPO = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
AGENT = "e2e-agent"
LABEL = "mlexp-e2e"
IMAGE = os.environ.get("E2E_IMAGE", "mlexp-e2e/busybox:1.36")
DOCKER = os.environ.get("E2E_DOCKER", "docker")
results = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    if condition:
        results["passed"] += 1
        print(f"ok - {name}", flush=True)
    else:
        results["failed"] += 1
        print(f"not ok - {name}" + (f"\n    {detail}" if detail else ""), flush=True)
    return condition


# ---------------------------------------------------------------- HTTP


def http(method, path, data=None, content_type=None, ok=(200, 201, 302)):
    body = data.encode("utf-8") if isinstance(data, str) else data
    request = urllib.request.Request(URL + path, data=body, method=method)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        if e.code in ok:
            return e.code, text, dict(e.headers)
        raise RuntimeError(f"{method} {path}: HTTP {e.code}\n{text[:2000]}") from None


def get(path):
    return http("GET", path)[1]


def groovy(script):
    text = http("POST", "/scriptText", urllib.parse.urlencode({"script": script}),
                "application/x-www-form-urlencoded")[1]
    if "Exception" in text and "\tat " in text:
        raise RuntimeError("script console:\n" + text[:3000])
    return text.strip()


def job_path(full_name):
    return "".join("/job/" + urllib.parse.quote(part, safe="") for part in full_name.split("/"))


def pipeline_job(name, script):
    config = f"""<?xml version='1.1' encoding='UTF-8'?>
<flow-definition plugin="workflow-job">
  <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps">
    <script>{escape(script)}</script><sandbox>true</sandbox>
  </definition>
</flow-definition>"""
    http("POST", "/createItem?name=" + urllib.parse.quote(name), config, "application/xml")


def build(full_name, timeout=300):
    """Starts a build of the job and waits for it; returns (number, result, console)."""
    path = job_path(full_name)
    before = json.loads(get(path + "/api/json?tree=nextBuildNumber"))["nextBuildNumber"]
    http("POST", path + "/build?delay=0sec")
    return wait_for(full_name, before, timeout)


def wait_for(full_name, number, timeout=300):
    path = job_path(full_name)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            state = json.loads(get(f"{path}/{number}/api/json?tree=building,result"))
            if not state["building"] and state["result"]:
                return number, state["result"], get(f"{path}/{number}/consoleText")
        except RuntimeError:
            pass  # not started yet
        time.sleep(1)
    raise RuntimeError(f"{full_name} #{number} did not end within {timeout} s")


def git(cwd, *args, env=None):
    full = dict(os.environ, GIT_AUTHOR_NAME="Ada", GIT_AUTHOR_EMAIL="ada@example.org", GIT_COMMITTER_NAME="Ada",
                GIT_COMMITTER_EMAIL="ada@example.org", **(env or {}))
    return subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args], cwd=cwd,
                          env=full, check=True, capture_output=True, text=True).stdout.strip()


def no_stack_trace(text):
    return not re.search(r"^\s+at [\w$.]+\(", text, re.M) and "Caused by:" not in text


# ---------------------------------------------------------------- the agent


def start_agent():
    groovy("""
import hudson.model.*; import hudson.slaves.*; import jenkins.model.Jenkins
def j = Jenkins.get()
j.setNumExecutors(0)
j.setSlaveAgentPort(0)
def agent = new DumbSlave('%s', '%s', new JNLPLauncher(false))
agent.setNumExecutors(2); agent.setLabelString('%s'); agent.setMode(Node.Mode.EXCLUSIVE)
j.addNode(agent); j.save()
""" % (AGENT, os.path.join(WORK, "agent"), LABEL))
    secret = groovy(f"print(jenkins.slaves.JnlpAgentReceiver.SLAVE_SECRET.mac('{AGENT}'))")
    remoting = [f for f in os.listdir(os.path.join(WORK, "jenkins/war/WEB-INF/lib")) if f.startswith("remoting-")][0]
    environment = dict(os.environ)
    # the agent finds Debian's python3 (with torch) first, and the private dockerd through DOCKER_HOST
    environment["PATH"] = "/usr/bin:/bin:" + environment.get("PATH", "")
    log = open(os.path.join(WORK, "agent.log"), "w")
    process = subprocess.Popen(["java", "-jar", os.path.join(WORK, "jenkins/war/WEB-INF/lib", remoting), "-url", URL + "/",
                                "-secret", secret, "-name", AGENT, "-workDir", os.path.join(WORK, "agent")],
                               stdout=log, stderr=subprocess.STDOUT, env=environment)
    open(os.path.join(WORK, "agent.pid"), "w").write(str(process.pid))
    for _ in range(120):
        if groovy(f"print(Jenkins.get().getComputer('{AGENT}').isOnline())") == "true":
            return True
        time.sleep(1)
    return False


# ---------------------------------------------------------------- the repository


E2E_CONFIG = """\
version: 1
on-violation: unstable
commits:
  convention: [conventional, exp-tag]
  types: [feat, fix, exp, data, model, perf, docs, refactor, test, chore, ci]
  experiment-id-required-for: [exp]
configs:
  required: ["configs/*.yaml"]
  required-keys: [seed, lr, batch_size, model.hidden]
files:
  allowed: ["/model.pt"]
  max-size: 5MB
record:
  dir: experiments
  id-pattern: "EXP-\\\\d{3,}"
  required-sections: [goal, hypothesis, hyperparameters, results, conclusion]
  trigger-paths: ["**/*.py", "configs/**"]
smoke:
  engine: local
  command: "python3 train.py --config configs/smoke.yaml --max-steps 30"
  timeout: 5m
  expect:
    finite: true
    loss-decrease: 0.05
publish:
  history: .mlexp/history
  gates:
    eval_accuracy: { max-drop: 0.02 }
"""

JENKINSFILE = """\
// What Jenkinsfile.example does, on the e2e agent. A branch named PR-N stands for pull request N: it gets the
// variables a pull-request job of a multibranch project gets (CHANGE_ID, CHANGE_TARGET, CHANGE_BRANCH).
pipeline {
  agent { label '%s' }
  stages {
    stage('mlexp') {
      steps {
        script {
          def pr = env.BRANCH_NAME.startsWith('PR-')
          def extra = pr ? ["CHANGE_ID=${env.BRANCH_NAME.substring(3)}", 'CHANGE_TARGET=main', "CHANGE_BRANCH=${env.BRANCH_NAME}"] : []
          withEnv(extra) {
            def r = mlExperiment()
            echo "e2e-result verdict=${r.verdict} eval_accuracy=${r.metrics.eval_accuracy}"
          }
        }
      }
    }
  }
}
""" % LABEL

RECORD = """\
# EXP-004: a slightly smaller learning rate for the smoke configuration

## Goal
Check whether lr 0.0008 keeps the smoke run's eval accuracy.

## Hypothesis
A fifth less learning rate still converges within 30 steps.

## Method
Same data and model; only lr changes.

## Hyperparameters
| Parameter | Value |
|---|---|
| Config | configs/smoke.yaml |
| lr | 0.0008 |

## Results
| Metric | Value |
|---|---|
| eval_accuracy | 0.45 |

## Conclusion
Pending the smoke run.
"""


def make_repository():
    repository = os.path.join(WORK, "digits")
    shutil.copytree(os.path.join(REPO, "examples/digits"), repository,
                    ignore=shutil.ignore_patterns("__pycache__", ".mlexp", "model-trained.pt"))
    open(os.path.join(repository, ".mlexp.yml"), "w").write(E2E_CONFIG)
    open(os.path.join(repository, "Jenkinsfile"), "w").write(JENKINSFILE)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "feat: digits classifier with mlexp checks")
    git(repository, "tag", "-a", "v1.0", "-m", "baseline")
    write(repository, "README.md", open(os.path.join(repository, "README.md")).read() + "\nSee experiments/.\n")
    git(repository, "commit", "-q", "-am", "docs: point at the experiment records")
    git(repository, "tag", "-a", "v1.1", "-m", "same model, docs")
    # the third tag trains with half the learning rate: the loss still falls (the smoke run passes), but eval_accuracy
    # falls from about 0.51 to 0.31, past the gate's 0.02
    smoke = os.path.join(repository, "configs/smoke.yaml")
    write(repository, "configs/smoke.yaml", open(smoke).read().replace("lr: 0.001", "lr: 0.0005"))
    git(repository, "commit", "-q", "-am", "perf: a smaller learning rate for the smoke run")
    git(repository, "tag", "-a", "v1.2", "-m", "smaller learning rate")
    write(repository, "configs/smoke.yaml", open(smoke).read().replace("lr: 0.0005", "lr: 0.001"))
    git(repository, "commit", "-q", "-am", "fix: restore the learning rate")
    # a branch push with a bad commit message
    git(repository, "checkout", "-q", "-b", "feature/wip")
    write(repository, "notes.txt", "scratch\n")
    git(repository, "add", "notes.txt")
    git(repository, "commit", "-q", "-m", "WIP stuff")
    # a pull request that changes a training config and carries its record
    git(repository, "checkout", "-q", "main")
    git(repository, "checkout", "-q", "-b", "PR-7")
    write(repository, "configs/smoke.yaml", open(smoke).read().replace("lr: 0.001", "lr: 0.0008"))
    write(repository, "experiments/EXP-004.md", RECORD)
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "exp: EXP-004 a smaller learning rate for the smoke run")
    git(repository, "checkout", "-q", "main")
    return repository


def write(repository, name, text):
    path = os.path.join(repository, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)


def multibranch_project(name, repository):
    config = f"""<?xml version='1.1' encoding='UTF-8'?>
<org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject plugin="workflow-multibranch">
  <sources class="jenkins.branch.MultiBranchProject$BranchSourceList" plugin="branch-api">
    <data>
      <jenkins.branch.BranchSource>
        <source class="jenkins.plugins.git.GitSCMSource" plugin="git">
          <id>e2e-digits</id>
          <remote>file://{escape(repository)}</remote>
          <credentialsId></credentialsId>
          <traits>
            <jenkins.plugins.git.traits.BranchDiscoveryTrait/>
            <jenkins.plugins.git.traits.TagDiscoveryTrait/>
          </traits>
        </source>
        <strategy class="jenkins.branch.DefaultBranchPropertyStrategy"><properties class="empty-list"/></strategy>
      </jenkins.branch.BranchSource>
    </data>
    <owner class="org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject" reference="../.."/>
  </sources>
  <factory class="org.jenkinsci.plugins.workflow.multibranch.WorkflowBranchProjectFactory">
    <owner class="org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject" reference="../.."/>
    <scriptPath>Jenkinsfile</scriptPath>
  </factory>
</org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject>"""
    http("POST", "/createItem?name=" + name, config, "application/xml")
    http("POST", f"/job/{name}/build?delay=0sec")


def wait_for_jobs(project, names, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        jobs = {j["name"] for j in json.loads(get(f"/job/{project}/api/json?tree=jobs[name]"))["jobs"]}
        if set(names) <= jobs:
            return True
        time.sleep(1)
    return False


def last_build_number(full_name, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = json.loads(get(job_path(full_name) + "/api/json?tree=lastBuild[number]"))
        if state.get("lastBuild"):
            return state["lastBuild"]["number"]
        time.sleep(1)
    raise RuntimeError(f"{full_name} never built")


# ---------------------------------------------------------------- container jobs


def container_repository(name, smoke):
    repository = os.path.join(WORK, name)
    os.makedirs(repository)
    write(repository, ".mlexp.yml", "version: 1\nsmoke:\n" + smoke)
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "feat: a smoke run in a container")
    return repository


def checkout_job(name, repository, call, environment="[]"):
    pipeline_job(name, f"""
node('{LABEL}') {{
  dir('ws') {{
    checkout([$class: 'GitSCM', branches: [[name: 'main']], userRemoteConfigs: [[url: 'file://{repository}']]])
    withEnv({environment}) {{
      def r = {call}
      echo "e2e-result verdict=${{r.verdict}} loss=${{r.metrics.loss}}"
    }}
  }}
}}""")


def containers():
    out = subprocess.run([DOCKER, "ps", "-a", "--format", "{{.Names}}"], capture_output=True, text=True)
    return [line for line in out.stdout.splitlines() if line.strip()]


# ---------------------------------------------------------------- headless Chromium

PROBE_PAGE = """<!DOCTYPE html><html><body><pre id="out">waiting</pre>
<iframe id="f" style="width:1400px;height:1200px" src="%s"></iframe>
<script>
function report() {
  var d = document.getElementById('f').contentDocument, w = document.getElementById('f').contentWindow;
  var out = {};
  var panel = d.getElementById('side-panel'), main = d.getElementById('main-panel'), header = d.getElementById('page-header');
  out.sidePanelWidth = panel ? panel.getBoundingClientRect().width : -1;
  out.mainPanelWidth = main ? main.getBoundingClientRect().width : -1;
  out.headerWidth = header ? header.getBoundingClientRect().width : -1;
  out.bodyMaxWidth = w.getComputedStyle(d.body).maxWidth;
  // charts that ECharts drew: initialised containers holding a canvas or an SVG
  out.canvases = Array.prototype.filter.call(d.querySelectorAll('[_echarts_instance_]'),
      function (el) { return el.querySelector('canvas, svg') !== null; }).length;
  out.text = d.body.innerText.slice(0, 20000);
  document.getElementById('out').textContent = JSON.stringify(out);
}
document.getElementById('f').onload = function () { setTimeout(report, 4000); };
</script></body></html>"""


def browser(page_path, name):
    """Opens a Jenkins page in headless Chromium inside a same-origin frame; returns what the probe measured."""
    probe = os.path.join(WORK, "jenkins-home-probe")
    user_content = os.path.join(WORK, "home/userContent")
    os.makedirs(user_content, exist_ok=True)
    open(os.path.join(user_content, f"probe-{name}.html"), "w").write(PROBE_PAGE % (URL + page_path))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise RuntimeError("no chromium (Debian: apt-get install chromium)")
    common = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1300",
              f"--user-data-dir={probe}-{name}", "--virtual-time-budget=15000"]
    dom = subprocess.run(common + ["--dump-dom", f"{URL}/userContent/probe-{name}.html"], capture_output=True,
                         text=True, timeout=120).stdout
    subprocess.run(common + [f"--screenshot={os.path.join(WORK, 'screenshots', name + '.png')}", URL + page_path],
                   capture_output=True, timeout=120)
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    if not found or found.group(1) == "waiting":
        raise RuntimeError(f"the probe of {page_path} reported nothing:\n{dom[:2000]}")
    import html
    return json.loads(html.unescape(found.group(1)))


# ---------------------------------------------------------------- the suite


def main():
    os.makedirs(os.path.join(WORK, "screenshots"), exist_ok=True)
    print(f"# Jenkins {get('/api/json?tree=nodeName') and http('GET', '/api/json')[2].get('X-Jenkins')} at {URL}")
    plugins = groovy("""def pm = Jenkins.get().pluginManager
print(pm.getPlugin('ml-experiment')?.version + ' failed=' + pm.failedPlugins.collect { it.name })""")
    check("ml-experiment is loaded and no plugin failed to load", plugins.endswith("failed=[]") and not plugins.startswith("null"),
          plugins)
    # the report's charts load a script from the plugin; userContent probes need scripts too
    groovy("System.setProperty('hudson.model.DirectoryBrowserSupport.CSP', '')")
    check("an inbound agent connects over remoting; the built-in node has no executor", start_agent(),
          open(os.path.join(WORK, "agent.log")).read()[-2000:])

    repository = make_repository()
    multibranch_project("digits", repository)
    check("the multibranch project finds main, feature/wip, PR-7 and the tags v1.0, v1.1, v1.2",
          wait_for_jobs("digits", ["main", "feature%2Fwip", "PR-7", "v1.0", "v1.1", "v1.2"]),
          get("/job/digits/api/json?tree=jobs[name]"))

    # branch builds start by themselves after the scan
    _, main_result, main_log = wait_for("digits/main", last_build_number("digits/main"))
    check("branch main: SUCCESS, verdict passed, on the agent", main_result == "SUCCESS"
          and "e2e-result verdict=passed" in main_log and f"Running on {AGENT}" in main_log, main_log[-3000:])
    _, wip_result, wip_log = wait_for("digits/feature%2Fwip", last_build_number("digits/feature%2Fwip"))
    check("branch feature/wip: a WIP commit makes it UNSTABLE with the finding (on-violation: unstable)",
          wip_result == "UNSTABLE" and "commit-wip" in wip_log, wip_log[-3000:])
    wait_for("digits/PR-7", last_build_number("digits/PR-7"))

    verdicts = {}
    for tag in ("v1.0", "v1.1", "v1.2"):
        number, result, log = build(f"digits/{tag}")
        verdicts[tag] = (number, result, log)
    check("tag v1.0: SUCCESS and appended to the history", verdicts["v1.0"][1] == "SUCCESS"
          and "appended v1.0" in verdicts["v1.0"][2], verdicts["v1.0"][2][-3000:])
    check("tag v1.1: SUCCESS, compared with v1.0 (the history is the project's, not the tag job's)",
          verdicts["v1.1"][1] == "SUCCESS" and "compared with v1.0" in verdicts["v1.1"][2], verdicts["v1.1"][2][-3000:])
    check("tag v1.2 breaks the eval_accuracy gate against v1.1: UNSTABLE with the gate finding",
          verdicts["v1.2"][1] == "UNSTABLE" and "gate-max-drop" in verdicts["v1.2"][2]
          and "compared with v1.1" in verdicts["v1.2"][2] and "smoke: passed" in verdicts["v1.2"][2], verdicts["v1.2"][2][-3000:])

    number, pr_result, pr_log = build("digits/PR-7")
    check("pull request PR-7: SUCCESS, record found, compared with the tags' history",
          pr_result == "SUCCESS" and "e2e-result verdict=passed" in pr_log and "compared with v1.2" in pr_log
          and "EXP-004" in pr_log, pr_log[-3000:])

    trend = groovy("""def p = Jenkins.get().getItemByFullName('digits')
def a = p.getAction(io.jenkins.plugins.mlexperiment.MlExperimentJobAction)
print(a == null ? 'none' : a.trends.find { it.metric == 'eval_accuracy' }?.buildTrendModel)""")
    check("the multibranch project's eval_accuracy trend has the three tags", all(t in trend for t in ("v1.0", "v1.1", "v1.2")),
          trend[:2000])
    tag_trend = groovy("""def j = Jenkins.get().getItemByFullName('digits/v1.2')
def a = j.getAction(io.jenkins.plugins.mlexperiment.MlExperimentJobAction)
print(a == null ? 'none' : a.trends.find { it.metric == 'eval_accuracy' }?.buildTrendModel)""")
    check("the tag job v1.2 shows the same three-point trend", all(t in tag_trend for t in ("v1.0", "v1.1", "v1.2")),
          tag_trend[:2000])
    build_xml = open(os.path.join(WORK, "home/jobs/digits/branches/v1.2/builds", str(verdicts["v1.2"][0]), "build.xml"),
                     encoding="utf-8").read() if os.path.isdir(os.path.join(WORK, "home/jobs/digits/branches/v1.2")) else ""
    if not build_xml:
        found = subprocess.run(["sh", "-c", f"ls -d {WORK}/home/jobs/digits/branches/*/builds/{verdicts['v1.2'][0]}"],
                               capture_output=True, text=True).stdout.split()
        for candidate in found:
            if "v1.2" in open(os.path.join(candidate, "build.xml"), encoding="utf-8").read():
                build_xml = open(os.path.join(candidate, "build.xml"), encoding="utf-8").read()
    action = re.search(r"<io.jenkins.plugins.mlexperiment.MlExperimentAction.*?</io.jenkins.plugins.mlexperiment.MlExperimentAction>",
                       build_xml, re.S)
    check("build.xml keeps a small summary of the run (under 4 KiB), not the report",
          action is not None and len(action.group(0)) < 4096 and "<svg" not in action.group(0) and "&lt;div" not in action.group(0),
          (action.group(0)[:600] if action else build_xml[:600]))

    # the build page and the trend, as a person opens them
    tag_url = f"/job/digits/job/v1.2/{verdicts['v1.2'][0]}/mlExperiment/"
    page = browser(tag_url, "build-page")
    check("build page: the report's charts are drawn", page["canvases"] >= 1, str(page)[:500])
    check("build page: Jenkins' layout intact (side panel and header not restyled, body not narrowed)",
          page["sidePanelWidth"] > 100 and page["headerWidth"] >= 1300 and page["bodyMaxWidth"] == "none", str(page)[:500])
    check("build page: the gate finding is shown, no stack trace", "gate-max-drop" in page["text"] and no_stack_trace(page["text"])
          and "Oops" not in page["text"], page["text"][:1500])
    trend_page = browser("/job/digits/", "project-page")
    check("multibranch project page: the trend chart is drawn, no stack trace", trend_page["canvases"] >= 1
          and no_stack_trace(trend_page["text"]), str(trend_page)[:800])
    check("multibranch project page: the experiment table of the last tag lists the records", "Experiments" in trend_page["text"]
          and "EXP-001" in trend_page["text"], trend_page["text"][-1500:])
    tag_page = browser("/job/digits/job/v1.2/", "tag-job-page")
    check("tag job page: the trend chart is drawn, no stack trace", tag_page["canvases"] >= 1
          and no_stack_trace(tag_page["text"]), str(tag_page)[:800])

    # containers through Docker Workflow, on the agent's private dockerd
    data = os.path.join(WORK, "team-data")
    os.makedirs(data, exist_ok=True)
    write(data, "labels.txt", "mounted-read-only-data\n")
    ok_repo = container_repository("container-ok", f"""  engine: container
  image: "{IMAGE}"
  pin: tag
  gpus: none
  network: none
  mounts: ["{data}:/workspace/data"]
  shm-size: 64MiB
  command: "cat /workspace/data/labels.txt; printf '{{\\"step\\": 1, \\"loss\\": 2.0}}\\\\n{{\\"step\\": 2, \\"loss\\": 0.5}}\\\\n' > $MLEXP_METRICS"
  expect:
    loss-decrease: 0.1
""")
    checkout_job("container-ok", ok_repo, "mlExperiment(stages: ['config', 'smoke'])")
    _, result, log = build("container-ok")
    check("container smoke through Docker Workflow: SUCCESS with the run's loss, the team's data mounted, no container left",
          result == "SUCCESS" and "e2e-result verdict=passed loss=0.5" in log and "mounted-read-only-data" in log
          and "--shm-size 67108864b" in log and containers() == [],
          log[-3000:] + f"\ncontainers: {containers()}")

    printed_repo = container_repository("container-printed", f"""  engine: container
  image: "{IMAGE}"
  pin: tag
  gpus: none
  network: none
  command: "for i in 1 2 3 4; do echo \\"| epoch 1 | step $i | loss $((10 / i)).0 | ppl 9.9\\"; done"
  stdout-metrics:
    loss: 'step\\s+(?P<step>[0-9]+)\\s*\\|\\s*loss\\s+(?P<value>[0-9.eE+-]+)'
  expect:
    loss-decrease: 0.5
""")
    checkout_job("container-printed", printed_repo, "mlExperiment(stages: ['config', 'smoke'])")
    _, result, log = build("container-printed")
    check("a container script that only prints its loss: read from the output with smoke.stdout-metrics, passed",
          result == "SUCCESS" and "e2e-result verdict=passed loss=2.0" in log and "smoke.stdout-metrics" in log
          and containers() == [], log[-3000:])

    gpu_repo = container_repository("container-gpu", f"""  engine: container
  image: "{IMAGE}"
  pin: tag
  gpus: all
  network: none
  command: "echo never"
""")
    checkout_job("container-gpu", gpu_repo, "mlExperiment(stages: ['config', 'smoke'])")
    number, result, log = build("container-gpu")
    page = get(f"/job/container-gpu/{number}/mlExperiment/")
    check("a failing docker run (gpus: all, no GPU runtime): FAILURE, a failed smoke stage in one line, no stack trace",
          result == "FAILURE" and re.search(r"\[mlExperiment\] smoke: failed", log) is not None and no_stack_trace(log),
          log[-3000:])
    check("... and no container is left behind, and the build page records the stages", containers() == []
          and "smoke" in page and "config" in page, f"containers: {containers()}")

    embedded_repo = container_repository("embedded", """  engine: embedded
""")
    checkout_job("embedded", embedded_repo, "mlExperiment(stages: ['config', 'smoke', 'publish'])", "['TAG_NAME=v9']")
    _, result, log = build("embedded")
    check("an engine Jenkins cannot run (embedded): not green, not 'violations', one line that says why",
          result not in ("SUCCESS", "UNSTABLE") and "violations found" not in log and "not available" in log
          and "embedded engine" in log and no_stack_trace(log), log[-3000:])

    print(f"# screenshots in {os.path.join(WORK, 'screenshots')}")
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as e:  # noqa: BLE001 - the suite reports any failure of its own as one failed check
        check(f"the suite ran to its end ({type(e).__name__})", False, str(e)[:3000])
        print(f"{results['passed']} passed, {results['failed']} failed")
        sys.exit(1)
