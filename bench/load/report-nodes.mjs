#!/usr/bin/env node
// The markdown table of a scale-out run: reads the JSON lines that run-nodes.sh collected (one per run of load.mjs
// with --documents/--urls) and prints ready-to-paste markdown: the machine, one row per run, and per target and
// shape the throughput of two nodes against one.
//   node report-nodes.mjs RESULTS.jsonl
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

const file = process.argv[2]
if (!file) throw new Error('usage: node report-nodes.mjs RESULTS.jsonl')
const runs = readFileSync(file, 'utf8').split('\n').filter(line => line.trim().startsWith('{')).map(line => JSON.parse(line))

const number = (value) => value === null || value === undefined ? '-' : Math.round(value).toLocaleString('en-US')
const ms = (value) => value === null || value === undefined ? '-' : value < 10 ? value.toFixed(1) : number(value)
const topologyName = (run) => run.nodes === 2 ? `two nodes + Redis (${run.spread === 'document' ? 'by document' : 'round robin'})`
  : run.topology === 'lite' ? 'one node (LiteDB)' : 'one node'
const targetName = (run) => run.target === 'hub' ? 'hub (MessagePack)' : '`/ws`'
const perNode = (run, pick, unit = '') => run.perNode.map(node => `${number(pick(node))}${unit}`).join(' + ')
const infra = (run) => Object.entries(run.infraCpuPercent ?? {}).map(([name, cpu]) => `${name} ${number(cpu)} %`).join(', ') || '-'

const lines = []
const model = cpus()[0]?.model?.trim() ?? 'unknown CPU'
const quotas = [...new Set(runs.map(run => run.nodeCpus))]
lines.push(`Machine: ${cpus().length} cores (${model}), node ${process.version}; ` +
  `load average (1 min) ${process.env.LOAD_AT_START ?? '?'} at the start, ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} at the end. ` +
  (quotas.every(q => q === null) ? 'Nodes pinned to a core each, no CPU quota.' : `Each node: ${quotas.filter(q => q !== null).join(' / ')} core(s) of CPU quota (cgroup), pinned to its own core.`))
lines.push('')
lines.push('| target | topology | clients / documents | typists x rate | upd/s | deliveries/s | duplicates | p50 ms | p95 ms | p99 ms | p99 same node / other node | node CPU | CPU per delivery / per update | peak memory | Redis, PostgreSQL CPU | generator CPU | machine idle | all delivered |')
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
for (const run of runs) {
  lines.push(`| ${targetName(run)} | ${topologyName(run)} | ${run.clients} / ${run.documents} | ${run.typists} x ${run.rate}/s | ${number(run.updatesPerSecond)} ` +
    `| ${number(run.deliveriesPerSecond)} | ${Math.round(100 * run.duplicateShare)} % | ${ms(run.latencyMs.p50)} | ${ms(run.latencyMs.p95)} | ${ms(run.latencyMs.p99)} ` +
    `| ${ms(run.latencyMsSameNode.p99)} / ${ms(run.latencyMsOtherNode.p99)} | ${perNode(run, n => n.cpuPercent, ' %')} ` +
    `| ${run.serverCpuMicrosecondsPerDelivery ?? '-'} us / ${number(run.serverCpuMicrosecondsPerUpdate)} us | ${perNode(run, n => n.peakMemoryMB, ' MB')} | ${infra(run)} | ${number(run.generatorCpuPercent + run.sinkWorkersCpuPercent)} % | ${number(run.machineIdlePercent)} % ` +
    `| ${run.allDelivered ? 'yes' : `**no** (${number(run.delivered)} of ${number(run.expected)} frames, ${number(run.missingAtProbesAndTypists)} missing at probes/typists)`} |`)
}

// Two nodes against one, per target and shape: deliveries/s, and whether each kept up.
const ratios = []
for (const two of runs.filter(run => run.nodes === 2)) {
  const one = runs.find(run => run.topology === 'one' && run.target === two.target && run.clients === two.clients &&
    run.typists === two.typists && run.rate === two.rate && run.documents === two.documents)
  if (!one) continue
  ratios.push(`- ${targetName(two)}, ${two.typists} typists x ${two.rate}/s: ${topologyName(two)} deliver ${number(two.deliveriesPerSecond)}/s, ` +
    `one node ${number(one.deliveriesPerSecond)}/s: **${(two.deliveriesPerSecond / one.deliveriesPerSecond).toFixed(2)}x**` +
    ` (of ${number(two.offeredDeliveriesPerSecond)}/s and ${number(one.offeredDeliveriesPerSecond)}/s offered;` +
    ` p99 ${ms(two.latencyMs.p99)} ms against ${ms(one.latencyMs.p99)} ms)`)
}
if (ratios.length > 0) {
  lines.push('')
  lines.push(...ratios)
}
process.stdout.write(lines.join('\n') + '\n')
