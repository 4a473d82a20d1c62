// Replays one editing trace (editing-traces JSON, gzipped) with the real yjs and prints the
// measurements as one JSON line. bench/run-crdt.sh runs it next to the C# replay.
//
//   node --expose-gc replay-trace.mjs --trace ../../../shared/bench/data/automerge-paper.json.gz \
//        --runs 5 --state-out /tmp/yjs-state.bin
//
// Measured (times are the median of --runs runs, each on fresh documents):
// - replayMs: every transaction of the trace applied to a Y.Text "text" in one doc.transact each;
// - stateBytes: Y.encodeStateAsUpdate of the replayed doc (client id 0xDEADBEEF), written to --state-out;
// - loadMs: Y.applyUpdate of that state to a fresh doc;
// - streamMs: the replay on one doc with every update event applied at once to a second doc;
// - retainedBytes: heap used (after a full GC) while the replayed doc is alive, minus before;
// - peakRssBytes: the process's peak resident set size when all runs are done, and
//   peakRssAfterTraceLoadBytes: the same right after the trace was parsed, before any document.
import fs from 'node:fs'
import zlib from 'node:zlib'
import * as Y from 'yjs'

const CLIENT_ID = 0xdeadbeef

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
if (args.trace === undefined) throw new Error('usage: replay-trace.mjs --trace FILE.json.gz [--runs N] [--state-out FILE]')
const runs = Number(args.runs ?? 5)
const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(args.trace)).toString('utf8'))
const patchCount = trace.txns.reduce((n, txn) => n + txn.patches.length, 0)
const peakRssAfterTraceLoadBytes = process.resourceUsage().maxRSS * 1024

const collect = () => { if (globalThis.gc) { globalThis.gc(); globalThis.gc() } }
const median = values => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const replay = doc => {
  const text = doc.getText('text')
  for (const txn of trace.txns) {
    doc.transact(() => {
      for (const [position, deleteCount, insertText] of txn.patches) {
        if (deleteCount > 0) text.delete(position, deleteCount)
        if (insertText.length > 0) text.insert(position, insertText)
      }
    })
  }
  return text
}

const freshDoc = () => {
  const doc = new Y.Doc()
  doc.clientID = CLIENT_ID
  return doc
}

const replayTimes = []
const loadTimes = []
const streamTimes = []
let state = null
let retainedBytes = 0
for (let run = 0; run < runs; run++) {
  collect()
  const heapBefore = process.memoryUsage().heapUsed
  let start = performance.now()
  const doc = freshDoc()
  const text = replay(doc)
  replayTimes.push(performance.now() - start)
  if (text.toString() !== trace.endContent) throw new Error('yjs replay did not produce endContent')
  collect()
  retainedBytes = Math.max(retainedBytes, process.memoryUsage().heapUsed - heapBefore)
  state = Y.encodeStateAsUpdate(doc)
  doc.destroy()

  start = performance.now()
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, state)
  loadTimes.push(performance.now() - start)
  if (loaded.getText('text').toString() !== trace.endContent) throw new Error('yjs load did not produce endContent')
  loaded.destroy()

  collect()
  start = performance.now()
  const source = freshDoc()
  const target = new Y.Doc()
  source.on('update', update => Y.applyUpdate(target, update))
  replay(source)
  streamTimes.push(performance.now() - start)
  if (target.getText('text').toString() !== trace.endContent) throw new Error('yjs update stream did not produce endContent')
  source.destroy()
  target.destroy()
}
if (args['state-out'] !== undefined) fs.writeFileSync(args['state-out'], state)
process.stdout.write(JSON.stringify({
  implementation: 'yjs 13.6.33',
  runtime: `node ${process.version}`,
  trace: args.trace.split('/').pop().replace(/\.json\.gz$/, ''),
  txns: trace.txns.length,
  patches: patchCount,
  runs,
  replayMs: median(replayTimes),
  loadMs: median(loadTimes),
  streamMs: median(streamTimes),
  stateBytes: state.length,
  retainedBytes,
  peakRssAfterTraceLoadBytes,
  peakRssBytes: process.resourceUsage().maxRSS * 1024
}) + '\n')
