// Merges the update logs that `NegotiationEditor.Crdt.Benchmarks merge --log-out FILE` wrote, with the real yjs, and
// prints one JSON line like the C# side's. Exits with an error when yjs's merged bytes differ from the C# ones.
//
//   node merge-log.mjs --log FILE --updates 3000 [--runs 5]
//
// The file: the first case's --updates updates, the second case's merged state and --updates updates, then the C#
// results of both cases; each as a 32-bit little-endian length and the bytes.
import fs from 'node:fs'
import * as Y from 'yjs'

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
if (args.log === undefined || args.updates === undefined) throw new Error('usage: merge-log.mjs --log FILE --updates N [--runs R]')
const updates = Number(args.updates)
const runs = Number(args.runs ?? 5)

const bytes = fs.readFileSync(args.log)
const entries = []
for (let at = 0; at < bytes.length;) {
  const length = bytes.readInt32LE(at)
  entries.push(new Uint8Array(bytes.buffer, bytes.byteOffset + at + 4, length))
  at += 4 + length
}
if (entries.length !== 2 * updates + 3) throw new Error(`expected ${2 * updates + 3} entries, found ${entries.length}`)
const first = entries.slice(0, updates)
const next = entries.slice(updates, 2 * updates + 1)
const [oursFirst, oursNext] = entries.slice(2 * updates + 1)

const median = (merge) => {
  merge()
  const times = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    merge()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}
const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i])

const mergedFirst = Y.mergeUpdates(first)
const mergedNext = Y.mergeUpdates(next)
if (!same(mergedFirst, oursFirst) || !same(mergedNext, oursNext)) {
  console.error('yjs merged the log into other bytes than the C# merge')
  process.exit(1)
}
console.log(JSON.stringify({
  implementation: 'yjs',
  updates,
  runs,
  firstMergeMs: Math.round(median(() => Y.mergeUpdates(first)) * 100) / 100,
  nextMergeMs: Math.round(median(() => Y.mergeUpdates(next)) * 100) / 100,
  mergedBytes: mergedFirst.length,
  nextMergedBytes: mergedNext.length
}))
