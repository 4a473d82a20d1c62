// Turns the JSON lines written by bench/run-crdt.sh (one yjs line and one C# line per trace, plus
// a line {trace, identicalState}) into the markdown tables of docs/benchmarks.md.
import fs from 'node:fs'

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim() !== '').map(l => JSON.parse(l))

// Several rounds per trace and side (bench/run-crdt.sh alternates yjs and C#): times and retained
// heap are the median over the rounds, peaks the highest, sizes must agree.
const median = values => {
  const sorted = values.filter(v => v !== undefined).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const combine = rounds => {
  if (rounds.length === 0) return undefined
  const result = { ...rounds[0], rounds: rounds.length }
  for (const key of ['replayMs', 'loadMs', 'streamMs', 'retainedBytes', 'replayAllocatedBytes']) result[key] = median(rounds.map(r => r[key]))
  for (const key of ['peakRssBytes', 'peakRssAfterTraceLoadBytes']) result[key] = Math.max(...rounds.map(r => r[key]))
  return result
}
const byTrace = new Map()
for (const line of lines) {
  const entry = byTrace.get(line.trace) ?? { yjsRounds: [], csRounds: [] }
  if (line.implementation?.startsWith('yjs')) entry.yjsRounds.push(line)
  else if (line.implementation !== undefined) entry.csRounds.push(line)
  else entry.identical = line.identicalState
  byTrace.set(line.trace, entry)
}
for (const entry of byTrace.values()) {
  entry.yjs = combine(entry.yjsRounds)
  entry.cs = combine(entry.csRounds)
}

const ms = v => v === undefined ? 'n/a' : Math.round(v).toLocaleString('en-US')
const kb = v => v === undefined ? 'n/a' : Math.round(v / 1024).toLocaleString('en-US')
const mb = v => v === undefined ? 'n/a' : (v / (1024 * 1024)).toFixed(0)
const ratio = (cs, yjs) => cs === undefined || yjs === undefined ? 'n/a' : (cs / yjs).toFixed(2) + 'x'
const yes = ok => ok ? 'yes' : '**no**'

const out = []
out.push('| trace | edits | replay yjs / C# (ms) | C÷yjs | load yjs / C# (ms) | C÷yjs | update stream yjs / C# (ms) | C÷yjs |')
out.push('|---|---:|---:|---:|---:|---:|---:|---:|')
for (const [trace, { yjs, cs }] of byTrace) {
  out.push(`| ${trace} | ${(yjs ?? cs).patches.toLocaleString('en-US')} | ${ms(yjs?.replayMs)} / ${ms(cs?.replayMs)} | ${ratio(cs?.replayMs, yjs?.replayMs)} | ${ms(yjs?.loadMs)} / ${ms(cs?.loadMs)} | ${ratio(cs?.loadMs, yjs?.loadMs)} | ${ms(yjs?.streamMs)} / ${ms(cs?.streamMs)} | ${ratio(cs?.streamMs, yjs?.streamMs)} |`)
}
out.push('')
const growth = r => r === undefined ? undefined : r.peakRssBytes - r.peakRssAfterTraceLoadBytes
out.push('| trace | full state V1 yjs / C# (bytes) | identical bytes | retained heap yjs / C# (KiB) | peak RSS yjs / C# (MiB) | of which after loading the trace | growth from the documents | C# allocated by one replay (MiB) |')
out.push('|---|---:|:-:|---:|---:|---:|---:|---:|')
for (const [trace, { yjs, cs, identical }] of byTrace) {
  out.push(`| ${trace} | ${yjs?.stateBytes?.toLocaleString('en-US') ?? 'n/a'} / ${cs?.stateBytes?.toLocaleString('en-US') ?? 'n/a'} | ${yes(identical)} | ${kb(yjs?.retainedBytes)} / ${kb(cs?.retainedBytes)} | ${mb(yjs?.peakRssBytes)} / ${mb(cs?.peakRssBytes)} | ${mb(yjs?.peakRssAfterTraceLoadBytes)} / ${mb(cs?.peakRssAfterTraceLoadBytes)} | ${mb(growth(yjs))} / ${mb(growth(cs))} | ${mb(cs?.replayAllocatedBytes)} |`)
}
out.push('')
out.push('Targets (issue 3): replay and load at most 0.5x yjs, identical bytes, peak memory no higher.')
out.push('')
out.push('| trace | replay ≤ 0.5x | load ≤ 0.5x | identical bytes | peak RSS ≤ yjs | RSS growth ≤ yjs |')
out.push('|---|:-:|:-:|:-:|:-:|:-:|')
for (const [trace, { yjs, cs, identical }] of byTrace) {
  if (yjs === undefined || cs === undefined) {
    out.push(`| ${trace} | n/a | n/a | n/a | n/a | n/a |`)
    continue
  }
  out.push(`| ${trace} | ${yes(cs.replayMs <= 0.5 * yjs.replayMs)} | ${yes(cs.loadMs <= 0.5 * yjs.loadMs)} | ${yes(identical)} | ${yes(cs.peakRssBytes <= yjs.peakRssBytes)} | ${yes(growth(cs) <= growth(yjs))} |`)
}
process.stdout.write(out.join('\n') + '\n')
