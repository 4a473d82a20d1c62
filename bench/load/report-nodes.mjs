#!/usr/bin/env node
// The markdown of a scale-out run: reads the JSON lines that run-nodes.sh collected (one per run of load.mjs with
// --documents/--urls) and prints ready-to-paste markdown: the machine; for ramps, per run what it sustained and a
// table of its steps; for single rates, one row per run; then per target the throughput of two nodes against one.
//   node report-nodes.mjs RESULTS.jsonl
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

// The issue's latency target.
const inTimeMs = 50
// A step whose generator main process (one thread) was this busy, or whose machine was this little idle, measured
// the generator or the machine as much as the nodes: the steps table says so.
const busyGenerator = 80
const idleMachine = 5

const file = process.argv[2]
if (!file) throw new Error('usage: node report-nodes.mjs RESULTS.jsonl')
const runs = readFileSync(file, 'utf8').split('\n').filter(line => line.trim().startsWith('{')).map(line => JSON.parse(line))

const number = (value) => value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-US')
const ms = (value) => value === null || value === undefined ? '-' : value < 10 ? value.toFixed(1) : number(value)
const topologyName = (run) => run.nodes === 2 ? `two nodes + Redis (${run.spread === 'document' ? 'by document' : 'round robin'})`
  : run.topology === 'lite' ? 'one node (LiteDB)' : 'one node'
const targetName = (run) => run.target === 'hub' ? 'hub (MessagePack)' : '`/ws`'
const perNode = (values, unit) => values.map(value => `${number(value)}${unit}`).join(' + ')
const infra = (run) => Object.entries(run.infraCpuPercent ?? {}).map(([name, cpu]) => `${name} ${number(cpu)} %`).join(', ') || '-'
// The generator's main process (typists and probes, one thread) and its sink workers.
const generator = (run) => `${number(run.generatorCpuPercent)} % + ${number(run.sinkWorkersCpuPercent)} %`
const delivered = (run) => run.allDelivered ? 'yes'
  : `**no** (${number(run.delivered)} of ${number(run.expected)} frames, ${number(run.missingAtProbesAndTypists)} updates missing at probes/typists)`
const sum = (values) => values.reduce((total, value) => total + value, 0)

// What a ramp sustained: the step that kept up with the most deliveries/s (counted as at most what it asked for: a
// step may also deliver the backlog of the one before), the same among steps with p99 in time, and the step that
// delivered the most.
function sustained (run) {
  const kept = run.steps.filter(step => step.keptUp)
    .map(step => ({ ...step, deliveriesPerSecond: Math.min(step.deliveriesPerSecond, step.offeredDeliveriesPerSecond) }))
  const inTime = kept.filter(step => step.latencyMs.p99 !== null && step.latencyMs.p99 < inTimeMs)
  const best = (steps) => steps.reduce((top, step) => top === null || step.deliveriesPerSecond > top.deliveriesPerSecond ? step : top, null)
  return { kept: best(kept), inTime: best(inTime), peak: best(run.steps) }
}

const lines = []
const model = cpus()[0]?.model?.trim() ?? 'unknown CPU'
const quotas = [...new Set(runs.map(run => run.nodeCpus))]
lines.push(`Machine: ${cpus().length} cores (${model}), node ${process.version}; ` +
  `load average (1 min) ${process.env.LOAD_AT_START ?? '?'} at the start, ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} at the end. ` +
  (quotas.every(q => q === null) ? 'Nodes pinned to a core each, no CPU quota.' : `Each node: ${quotas.filter(q => q !== null).join(' / ')} core(s) of CPU quota (cgroup), pinned to its own core.`))

const ramps = runs.filter(run => Array.isArray(run.steps))
if (ramps.length > 0) {
  lines.push('')
  lines.push('Ramps: a step "kept up" when, at its end, typists and probes lacked no more updates than they are sent in 0.25 s; ' +
    `"in time" when its p99 was also under ${inTimeMs} ms. Sustained: the kept-up step with the most deliveries/s (at most those asked for).`)
  lines.push('')
  lines.push('| target | topology | clients / documents / typists | sustained deliveries/s (kept up) | p50 / p95 / p99 ms there | in time (p99 < 50 ms) | peak deliveries/s | node CPU at peak | CPU per delivery at peak | peak memory | duplicates | Redis, PostgreSQL CPU | generator CPU (main + sinks) | machine idle | all delivered |')
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const run of ramps) {
    const { kept, inTime, peak } = sustained(run)
    const at = (step) => step === null ? 'none' : `${number(step.deliveriesPerSecond)} (${step.rate}/s, p99 ${ms(step.latencyMs.p99)} ms)`
    lines.push(`| ${targetName(run)} | ${topologyName(run)} | ${run.clients} / ${run.documents} / ${run.typists} | ${at(kept)} ` +
      `| ${kept === null ? '-' : `${ms(kept.latencyMs.p50)} / ${ms(kept.latencyMs.p95)} / ${ms(kept.latencyMs.p99)}`} | ${at(inTime)} ` +
      `| ${at(peak)} | ${perNode(peak.nodeCpuPercent, ' %')} | ${round(1e4 * sum(peak.nodeCpuPercent) / peak.deliveriesPerSecond)} us ` +
      `| ${perNode(run.perNode.map(node => node.peakMemoryMB), ' MB')} | ${Math.round(100 * run.duplicateShare)} % | ${infra(run)} | ${generator(run)} ` +
      `| ${number(run.machineIdlePercent)} % | ${delivered(run)} |`)
  }
  const rates = ramps.reduce((longest, run) => run.steps.length > longest.length ? run.steps : longest, []).map(step => step.rate)
  lines.push('')
  lines.push('Steps (keystrokes/s per typist): deliveries/s made of those asked for, p99 of the updates sent in the step, node CPU, and the lag when the step did not keep up ' +
    `(a ramp stops after two steps that did not); flagged: the generator's main process at ${busyGenerator} % of a core or more, the machine ${idleMachine} % idle or less (the step measured them as much as the nodes).`)
  lines.push('')
  lines.push(`| target | topology | ${rates.map(rate => `${rate}/s`).join(' | ')} |`)
  lines.push(`|---|---|${rates.map(() => '---').join('|')}|`)
  for (const run of ramps) {
    const cells = rates.map((rate, s) => run.steps[s]).map(step => step === undefined ? '-' : `${number(step.deliveriesPerSecond)} of ${number(step.offeredDeliveriesPerSecond)}, ` +
      `${ms(step.latencyMs.p99)} ms, ${perNode(step.nodeCpuPercent, ' %')}${step.keptUp ? '' : `, **lag ${step.lagSeconds} s**`}` +
      (step.generatorCpuPercent >= busyGenerator ? `, **generator ${number(step.generatorCpuPercent)} %**` : '') +
      (step.machineIdlePercent <= idleMachine ? `, **machine idle ${number(step.machineIdlePercent)} %**` : ''))
    lines.push(`| ${targetName(run)} | ${topologyName(run)} | ${cells.join(' | ')} |`)
  }
}

const fixed = runs.filter(run => !Array.isArray(run.steps))
if (fixed.length > 0) {
  lines.push('')
  lines.push('| target | topology | clients / documents | typists x rate | upd/s | deliveries/s | duplicates | p50 ms | p95 ms | p99 ms | p99 same node / other node | node CPU | CPU per delivery / per update | peak memory | Redis, PostgreSQL CPU | generator CPU (main + sinks) | machine idle | all delivered |')
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const run of fixed) {
    lines.push(`| ${targetName(run)} | ${topologyName(run)} | ${run.clients} / ${run.documents} | ${run.typists} x ${run.rate}/s | ${number(run.updatesPerSecond)} ` +
      `| ${number(run.deliveriesPerSecond)} | ${Math.round(100 * run.duplicateShare)} % | ${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p95)} | ${ms(run.latencyMs.p99)} ` +
      `| ${ms(run.latencyMsSameNode.p99)} / ${ms(run.latencyMsOtherNode.p99)} | ${perNode(run.perNode.map(node => node.cpuPercent), ' %')} ` +
      `| ${run.serverCpuMicrosecondsPerDelivery ?? '-'} us / ${number(run.serverCpuMicrosecondsPerUpdate)} us ` +
      `| ${perNode(run.perNode.map(node => node.peakMemoryMB), ' MB')} | ${infra(run)} | ${generator(run)} | ${number(run.machineIdlePercent)} % | ${delivered(run)} |`)
  }
}

// Two nodes against one, per target and shape.
const ratios = []
const sameShape = (a, b) => a.target === b.target && a.clients === b.clients && a.typists === b.typists &&
  a.documents === b.documents && JSON.stringify(a.rate) === JSON.stringify(b.rate) && Array.isArray(a.steps) === Array.isArray(b.steps)
for (const two of runs.filter(run => run.nodes === 2)) {
  const one = runs.find(run => run.topology === 'one' && sameShape(run, two))
  if (!one) continue
  if (Array.isArray(two.steps)) {
    const [a, b] = [sustained(two), sustained(one)]
    const ratio = (x, y) => x && y ? `**${(x.deliveriesPerSecond / y.deliveriesPerSecond).toFixed(2)}x**` : 'n/a'
    ratios.push(`- ${targetName(two)}: ${topologyName(two)} against one node: sustained ${ratio(a.kept, b.kept)} ` +
      `(${number(a.kept?.deliveriesPerSecond)} against ${number(b.kept?.deliveriesPerSecond)} deliveries/s), ` +
      `in time ${ratio(a.inTime, b.inTime)}, peak ${ratio(a.peak, b.peak)}` +
      (one.steps.every(step => step.keptUp) ? ' (one node kept up with every step: the ramp did not reach its knee)' : ''))
  } else {
    ratios.push(`- ${targetName(two)}, ${two.typists} typists x ${two.rate}/s: ${topologyName(two)} deliver ${number(two.deliveriesPerSecond)}/s, ` +
      `one node ${number(one.deliveriesPerSecond)}/s: **${(two.deliveriesPerSecond / one.deliveriesPerSecond).toFixed(2)}x**` +
      ` (of ${number(two.offeredDeliveriesPerSecond)}/s and ${number(one.offeredDeliveriesPerSecond)}/s offered;` +
      ` p99 ${ms(two.latencyMs.p99)} ms against ${ms(one.latencyMs.p99)} ms)`)
  }
}
if (ratios.length > 0) {
  lines.push('')
  lines.push(...ratios)
}
process.stdout.write(lines.join('\n') + '\n')

function round (value) { return Math.round(value * 100) / 100 }
