// `npm test` (after `pretest` provisioned the system packages — scripts/provision.mjs — and
// compiled and built everything): runs every suite in order, keeps
// going after a failure, and ends with one line, `tests: N passed, M failed`, and a non-zero exit
// if any test or suite failed. Each suite's output streams through; mocha's own summary lines
// ("N passing", "N failing", "N pending") are read from it to count tests.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { setTimeout, clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const minutes = (n) => n * 60_000;

/** The suites, cheapest first. */
const suites = [
  { name: 'unit', args: [mocha, '--config', 'test/unit/.mocharc.json'], timeoutMs: minutes(5) },
  { name: 'webview', args: [mocha, '--config', 'test/webview/.mocharc.json'], timeoutMs: minutes(10) },
  // First run installs code-server into .vscode-test/ (~3 min), hence the generous limit.
  { name: 'extension host', args: ['out/test/host/runExtensionTests.js'], timeoutMs: minutes(20) },
  { name: 'e2e', args: ['out/test/e2e/runE2E.js'], timeoutMs: minutes(20) },
];

let running;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    if (!running) process.exit(130);
    killGroup(running.pid);
    // Give the runner its moment to stop what it started, then leave.
    setTimeout(() => process.exit(130), 6000);
  });
}

const results = [];
for (const suite of suites) {
  if (interrupted) break;
  console.log(`\n━━ ${suite.name} ━━ node ${suite.args.join(' ')}\n`);
  results.push(await runSuite(suite));
}

console.log('\n━━ summary ━━');
for (const r of results) {
  const counts = `${r.passed} passed, ${r.failed} failed, ${r.pending} pending`;
  const note = r.note ? ` — ${r.note}` : '';
  console.log(
    `${r.status.padEnd(8)} ${r.name.padEnd(15)} ${counts.padEnd(36)} ${(r.ms / 1000).toFixed(1).padStart(6)} s${note}`,
  );
  for (const failure of r.failures) console.log(`         ✗ ${failure}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = results.some((r) => r.status === 'FAILED') || failed > 0 ? 1 : 0;

/** Runs one suite in its own process group, streaming and parsing its output. */
function runSuite(suite) {
  const started = Date.now();
  const counts = { passing: 0, failing: 0, pending: 0, summaries: 0 };
  // Mocha's spec reporter lists each failure after "N failing" as "  1) suite", then its nested
  // titles, the last one ending in ":". Those lines are kept so the summary can name the test.
  const failures = [];
  let inFailures = false;
  let title;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, suite.args, {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[test] ${suite.name} exceeded ${suite.timeoutMs / 60_000} min; stopping it`);
      killGroup(child.pid);
    }, suite.timeoutMs);
    let partial = '';
    const parse = (line) => {
      // eslint-disable-next-line no-control-regex
      const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
      const match = /^\s*(\d+) (passing|failing|pending)\b/.exec(plain);
      if (!match) {
        collectFailure(plain);
        return;
      }
      if (match[2] === 'failing') inFailures = true;
      counts[match[2]] += Number(match[1]);
      if (match[2] === 'passing') counts.summaries++;
    };
    const collectFailure = (plain) => {
      if (!inFailures) return;
      const start = /^\s*\d+\) (.*)$/.exec(plain);
      if (start) {
        title = [start[1].trim()];
      } else if (title && plain.trim()) {
        title.push(plain.trim());
      } else {
        return;
      }
      if (title.at(-1).endsWith(':')) {
        failures.push(title.join(' › ').replace(/:$/, ''));
        title = undefined;
      }
    };
    const onData = (stream) => (chunk) => {
      stream.write(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(parse);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    let done = false;
    const finish = (code, error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      running = undefined;
      if (partial) parse(partial);
      // Leave nothing of the suite behind, even if it exited without cleaning up.
      killGroup(child.pid);
      const result = {
        name: suite.name,
        passed: counts.passing,
        failed: counts.failing,
        pending: counts.pending,
        failures,
      };
      result.ms = Date.now() - started;
      const problems = [];
      if (error) problems.push(error.message);
      if (timedOut) problems.push('timed out');
      if (code !== 0) problems.push(`exit code ${code}`);
      if (counts.summaries === 0) problems.push('no mocha summary in its output');
      if (problems.length > 0 || counts.failing > 0) {
        result.status = 'FAILED';
        result.note = problems.join(', ');
        // A suite that died before reporting failures still counts as one failed test in the total.
        if (counts.failing === 0) result.failed = 1;
      } else {
        result.status = 'ok';
      }
      resolve(result);
    };
    child.once('error', (error) => finish(-1, error));
    child.once('close', (code, signal) => finish(code ?? signal, undefined));
  });
}

/**
 * SIGTERM first so a runner can stop the servers and browsers it started in groups of their own,
 * then SIGKILL whatever of the suite's group is left.
 */
function killGroup(pid) {
  if (pid === undefined) return;
  signalGroup(pid, 'SIGTERM');
  setTimeout(() => signalGroup(pid, 'SIGKILL'), 5000).unref();
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
