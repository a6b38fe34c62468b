#!/usr/bin/env node
// npm run bench [-- --quick] [-- --notes 2000 --runs 3 --no-peers --no-scale --keep]
//
// Generates a seeded corpus of invented notes (scripts/corpus.mjs), runs the
// whole command on it (node bin/recordlint.js, the recommended preset found
// through a config file, JSON report to a file) and reports notes/s, MB/s,
// ms/note, peak memory (RSS) and the cold start for one note. With alex and
// write-good installed (devDependencies) it runs them on the same corpus in
// the same run and prints the ratios. It also runs 5x the corpus, a 10 MB
// note and a 1 MB single line (each against one of a quarter the size), to show
// that time grows in proportion to size. Prints PASS or FAIL for each budget
// (README, "Performance").
//
// Times are wall-clock times of whole processes (start-up included), the
// median of --runs runs, runs of different commands interleaved so that a
// change in the machine's load hits them alike. A script, not a test: shared
// machines are too noisy for a timed unit test.
//
// --quick: 400 notes, one run each, a 2 MB note and a 256 KB line (a minute
// or two). Budgets are checked at any size, but only the default size is
// the benchmark of record (about 3 minutes on an idle 2-core machine, 5 on a
// busy one: alex alone takes 45-80 s).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus, totalmem, loadavg, platform, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, rng, makeNote } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'recordlint.js');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
  return n;
};
const quick = flag('quick');
const notes = value('notes', quick ? 400 : 2000);
const runs = value('runs', quick ? 1 : 3);
const hugeSize = value('huge-mb', quick ? 2 : 10) * 2 ** 20;
const lineSize = value('line-kb', quick ? 256 : 1024) * 2 ** 10;
const seed = 20261121;

if (!existsSync(join(root, 'dist', 'src', 'cli.js'))) {
  console.error('bench: run npm run build first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'recordlint-bench-'));
process.on('exit', () => flag('keep') || rmSync(work, { recursive: true, force: true }));
const rssFile = join(work, 'rss');
// Preloaded into each measured process: writes its peak RSS (KB) on exit.
const preload = join(work, 'rss.mjs');
writeFileSync(preload, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);

/** A folder of `count` notes with a config file that extends the recommended preset. */
function writeCorpus(dir, count) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.recordlintrc.json'), '{ "extends": ["recordlint:recommended"] }\n');
  let bytes = 0;
  let i = 0;
  for (const note of corpus(count, seed)) {
    writeFileSync(join(dir, `note-${String(i++).padStart(5, '0')}.md`), note);
    bytes += Buffer.byteLength(note);
  }
  return bytes;
}

/** Run a command once: wall seconds and peak RSS (MB, when the preload could report it). */
function once(command, commandArgs, okCodes) {
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, cwd: work });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!okCodes.includes(result.status)) {
    throw new Error(`${[command, ...commandArgs].join(' ')} exited ${result.status ?? result.signal}: ${String(result.stderr).slice(0, 500)}`);
  }
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  return { seconds, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Measure several jobs `times` times each, interleaved (a b c a b c ...).
 * Each result: median seconds, every run's seconds, largest peak RSS.
 */
function measure(jobs, times = runs) {
  const samples = jobs.map(() => ({ all: [], rss: 0 }));
  for (let i = 0; i < times; i++) {
    jobs.forEach((job, k) => {
      const r = once(job.command, job.args, job.okCodes ?? [0, 1]);
      samples[k].all.push(r.seconds);
      samples[k].rss = Math.max(samples[k].rss, r.rss || 0);
    });
  }
  return samples.map((s) => ({ seconds: median(s.all), all: s.all, rss: s.rss }));
}

const node = process.execPath;
const recordlint = (target, { preloadRss = true } = {}) => ({
  command: node,
  args: [...(preloadRss ? ['--import', preload] : []), bin, '--format', 'json', '--output-file', join(work, 'out.json'), target],
});
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const spread = (m) => (m.all.length > 1 ? ` (runs: ${m.all.map((s) => fmt(s)).join(', ')} s)` : '');
const rows = [];
const checks = [];
const check = (name, ok, detail) => checks.push({ name, ok, detail });
const row = (name, n, bytes, m) =>
  rows.push(
    `${name.padEnd(24)} ${String(n).padStart(6)} notes ${fmt(bytes / 2 ** 20).padStart(7)} MB ${fmt(m.seconds).padStart(8)} s ${fmt(n / m.seconds, 0).padStart(7)} notes/s ${fmt(bytes / 2 ** 20 / m.seconds).padStart(6)} MB/s ${fmt((m.seconds * 1000) / n, n > 1 ? 2 : 0).padStart(8)} ms/note ${fmt(m.rss, 0).padStart(6)} MB peak`,
  );
const versionOf = (name) => {
  try {
    return createRequire(join(root, 'package.json'))(`${name}/package.json`).version;
  } catch {
    return undefined;
  }
};

const cpu = cpus();
console.log(`recordlint benchmark${quick ? ' (--quick)' : ''}: ${notes} notes, median of ${runs} run${runs === 1 ? '' : 's'}`);
console.log(`machine: ${cpu.length} cores (${cpu[0]?.model?.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, ${platform()} ${release()}, node ${process.version}`);
console.log(`load average at start: ${loadavg().map((l) => fmt(l)).join(' ')} (more than ${cpu.length} means other work shares the machine)`);

// ---------------------------------------------------------------- cold start
const oneDir = join(work, 'one');
writeCorpus(oneDir, 1);
const oneNote = join(oneDir, 'note-00000.md');
// A start-up takes a fifth of a second, and a shared machine's speed drifts more than that between runs:
// 21 runs, interleaved with node -e 0 (which shows the drift), give a median that holds still.
const coldRuns = Math.max(21, runs * 7);
const [cold, bare] = measure(
  [
    { command: node, args: [bin, '--format', 'json', oneNote] },
    { command: node, args: ['-e', '0'], okCodes: [0] },
  ],
  coldRuns,
);
console.log(`cold start, one note, all recommended rules: ${fmt(cold.seconds * 1000, 0)} ms median of ${coldRuns} (min ${fmt(Math.min(...cold.all) * 1000, 0)}, max ${fmt(Math.max(...cold.all) * 1000, 0)}); bare node -e 0: ${fmt(bare.seconds * 1000, 0)} ms`);
check('cold start, one note <= 200 ms', cold.seconds <= 0.2, `${fmt(cold.seconds * 1000, 0)} ms`);

// ---------------------------------------------------------------- the corpus and its peers
const dir = join(work, 'corpus');
const bytes = writeCorpus(dir, notes);
console.log(`corpus: ${notes} notes, ${fmt(bytes / 2 ** 20)} MB (${fmt(bytes / notes / 1024, 1)} KB a note), seed ${seed}`);

const jobs = [recordlint(dir)];
const peers = [];
if (!flag('no-peers')) {
  const alexCli = join(root, 'node_modules', 'alex', 'cli.js');
  if (existsSync(alexCli)) peers.push({ name: `alex ${versionOf('alex') ?? ''}`.trim(), job: { command: node, args: ['--import', preload, alexCli, dir] }, ratio: true });
  else console.log('alex is not installed (npm ci installs it): skipped');
  const wgCli = join(root, 'node_modules', 'write-good', 'bin', 'write-good.js');
  if (existsSync(wgCli)) {
    const files = Array.from({ length: notes }, (_, i) => join(dir, `note-${String(i).padStart(5, '0')}.md`));
    peers.push({ name: `write-good ${versionOf('write-good') ?? ''}`.trim(), job: { command: node, args: ['--import', preload, wgCli, ...files], okCodes: [...Array(256).keys()] } });
  } else console.log('write-good is not installed: skipped');
}
// recordlint `runs` times; each peer once, between recordlint's first and second run.
const [first] = measure(jobs, 1);
const peerResults = peers.map((p) => measure([p.job], 1)[0]);
const rest = runs > 1 ? measure(jobs, runs - 1)[0] : { all: [], rss: 0 };
const main = { all: [...first.all, ...rest.all], rss: Math.max(first.rss, rest.rss) };
main.seconds = median(main.all);
console.log(`recordlint on ${notes} notes: ${fmt(main.seconds)} s${spread(main)}`);
row('recordlint', notes, bytes, main);
check('peak memory, corpus < 250 MB', main.rss < 250, `${fmt(main.rss, 0)} MB`);
peers.forEach((peer, i) => {
  const m = peerResults[i];
  row(peer.name, notes, bytes, m);
  const ratio = m.seconds / main.seconds;
  console.log(`recordlint's throughput is ${fmt(ratio, 1)}x ${peer.name}'s${peer.ratio ? '' : ' (write-good runs one set of string checks and no Markdown parse)'}`);
  if (peer.ratio) check(`throughput >= 5x ${peer.name}`, ratio >= 5, `${fmt(ratio, 1)}x`);
});

// ---------------------------------------------------------------- growth with size
if (!flag('no-scale')) {
  const big = join(work, 'big');
  const bigBytes = writeCorpus(big, notes * 5);
  const [five] = measure([recordlint(big)], 1);
  row(`recordlint 5x corpus`, notes * 5, bigBytes, five);
  const fiveGrowth = five.seconds / main.seconds;
  console.log(`5x the notes (${notes * 5}) took ${fmt(fiveGrowth)}x the time${spread(five)}`);
  check(`${notes * 5} notes <= 5.5x the time of ${notes}`, fiveGrowth <= 5.5, `${fmt(fiveGrowth)}x`);

  // One long note and one long line, each against one of a quarter the size:
  // time after start-up should grow 4x, not 16x, when the size does.
  const prose = (size) => {
    const r = rng(99);
    let text = '';
    while (text.length < size) text += `${makeNote(r, 4000).replace(/^---[\s\S]*?---\n/, '')}\n`;
    return text.slice(0, size);
  };
  const write = (name, text) => {
    const file = join(work, name);
    writeFileSync(file, text);
    return { file, bytes: Buffer.byteLength(text) };
  };
  const huge = write('huge.md', prose(hugeSize));
  const quarter = write('quarter.md', prose(hugeSize / 4));
  const line = write('line.md', prose(lineSize).replace(/[\r\n]+/g, ' '));
  const quarterLine = write('quarter-line.md', prose(lineSize / 4).replace(/[\r\n]+/g, ' '));
  const [hugeRun, quarterRun, lineRun, quarterLineRun] = measure([recordlint(huge.file), recordlint(quarter.file), recordlint(line.file), recordlint(quarterLine.file)], 1);
  row(`one ${fmt(huge.bytes / 2 ** 20, 0)} MB note`, 1, huge.bytes, hugeRun);
  row(`one ${fmt(quarter.bytes / 2 ** 20, 1)} MB note`, 1, quarter.bytes, quarterRun);
  row(`one ${fmt(line.bytes / 2 ** 10, 0)} KB line`, 1, line.bytes, lineRun);
  row(`one ${fmt(quarterLine.bytes / 2 ** 10, 0)} KB line`, 1, quarterLine.bytes, quarterLineRun);
  const startup = cold.seconds;
  const perMb = (m, b) => Math.max(m.seconds - startup, 1e-3) / (b / 2 ** 20);
  const corpusPerMb = perMb(main, bytes);
  const growth = (a, b) => Math.max(a.seconds - startup, 1e-3) / Math.max(b.seconds - startup, 1e-3);
  console.log(
    `seconds per MB after start-up: corpus ${fmt(corpusPerMb)}, long note ${fmt(perMb(hugeRun, huge.bytes))} (quarter: ${fmt(perMb(quarterRun, quarter.bytes))}), long line ${fmt(perMb(lineRun, line.bytes))} (quarter: ${fmt(perMb(quarterLineRun, quarterLine.bytes))})`,
  );
  const noteGrowth = growth(hugeRun, quarterRun);
  const lineGrowth = growth(lineRun, quarterLineRun);
  console.log(`4x the size took ${fmt(noteGrowth)}x the time for the long note and ${fmt(lineGrowth)}x for the long line (4x is linear, 16x quadratic)`);
  check('long note: 4x the size <= 5x the time', noteGrowth <= 5, `${fmt(noteGrowth)}x`);
  check('long line: 4x the size <= 5x the time', lineGrowth <= 5, `${fmt(lineGrowth)}x`);
  check('long note: time per MB <= 3x the corpus', perMb(hugeRun, huge.bytes) <= corpusPerMb * 3, `${fmt(perMb(hugeRun, huge.bytes) / corpusPerMb, 1)}x`);
  check('long line: time per MB <= 3x the corpus', perMb(lineRun, line.bytes) <= corpusPerMb * 3, `${fmt(perMb(lineRun, line.bytes) / corpusPerMb, 1)}x`);
}

console.log('');
for (const r of rows) console.log(r);
console.log('');
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
console.log(`load average at end: ${loadavg().map((l) => fmt(l)).join(' ')}`);
if (flag('keep')) console.log(`kept ${work}`);
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
