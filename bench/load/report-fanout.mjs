// Markdown table of fan-out runs (the JSON lines load.mjs prints, collected by run.sh): one row per target and shape,
// every round's value side by side and the median, for the figures issue 4 sets targets on. CPU per frame of one
// binary moves by 10-20 % between runs on a shared VM, so a target is read on the medians of several rounds, and ours
// against the reference on runs of the same round.
//   node bench/load/report-fanout.mjs RESULTS.jsonl
import { readFileSync } from 'node:fs'

const file = process.argv[2]
if (!file) {
  console.error('usage: node report-fanout.mjs RESULTS.jsonl')
  process.exit(2)
}

let text
try {
  text = readFileSync(file, 'utf8')
} catch (error) {
  console.error(`${file}: cannot read it (${error.code ?? error.message})`)
  process.exit(1)
}
const runs = text.split('\n').filter(line => line.trim().startsWith('{')).map(line => JSON.parse(line))
if (runs.length === 0) {
  console.error(`${file}: no runs`)
  process.exit(1)
}

const labels = { ws: 'ours `/ws`', hub: 'ours hub (MessagePack)', reference: 'reference' }
const groups = new Map()
for (const run of runs) {
  const key = `${run.clients}:${run.typists}:${run.rate}:${run.target}`
  if (!groups.has(key)) groups.set(key, [])
  groups.get(key).push(run)
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const rounded = (value, digits) => Number(value.toFixed(digits)).toLocaleString('en-US')
const cell = (values, digits, unit) => (values.length === 1
  ? `${rounded(values[0], digits)} ${unit}`
  : `${values.map(value => rounded(value, digits)).join(' / ')} (median **${rounded(median(values), digits)}**) ${unit}`).trim()

const rounds = Math.max(...[...groups.values()].map(group => group.length))
console.log(`Fan-out, ${rounds} round(s) (values in run order, median in bold):`)
console.log('')
console.log('| target | clients / typists / rate | delivered frames/s | p99 | CPU per frame | peak memory | all delivered |')
console.log('|---|---|---|---|---|---|---|')
for (const group of groups.values()) {
  const first = group[0]
  console.log(`| ${labels[first.target] ?? first.target} | ${first.clients} / ${first.typists} / ${first.rate} ` +
    `| ${cell(group.map(run => run.deliveredFramesPerSecond), 0, '')} ` +
    `| ${cell(group.map(run => run.latencyMs.p99), 1, 'ms')} ` +
    `| ${cell(group.map(run => run.serverCpuMicrosecondsPerFrame), 1, 'us')} ` +
    `| ${cell(group.map(run => run.serverPeakMemoryMB), 0, 'MB')} ` +
    `| ${group.every(run => run.allDelivered) ? 'yes' : 'no'} |`)
}
