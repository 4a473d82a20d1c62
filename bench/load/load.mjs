#!/usr/bin/env node
// Fan-out load generator. Opens --clients connections on one document: --typists of them type --rate keystrokes/s
// each (a real yjs Y.Doc per typist), --probes more receivers measure latency, the rest are cheap sinks that count
// frames without decoding them, in --sink-workers processes of their own. After --warmup seconds it measures for
// --measure seconds: fan-out latency per (receiver, update) pair on typists and probes, delivered frames/s, the
// server's CPU per delivered frame (/proc/PID/stat) and its peak memory (VmHWM); then it stops typing and checks
// that every frame was delivered. Prints one JSON line.
//
//   node load.mjs --target ws|hub|reference --url http://127.0.0.1:5080 --document ID --token T --typist-token T
//                 --server-pid PID [--clients 200 --typists 20 --rate 5 --probes 50 --warmup 10 --measure 20]
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { openYWebsocket, openHubClient } from './connections.mjs'
import { updateKey, updateKeyOfFrame } from './frames.mjs'

const options = readOptions(process.argv)
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms))
const open = (token, onFrame) => options.target === 'hub'
  ? openHubClient({ ...options, token }, onFrame)
  : openYWebsocket({ ...options, token }, onFrame)

const sendTimes = new Map()
const latencies = []
let windowStart = Infinity
let windowEnd = Infinity
let counting = false
let mainFrames = 0
let updatesSent = 0

function receive (frame, now, ownClient) {
  if (counting) mainFrames++
  const key = updateKeyOfFrame(frame)
  if (key === null) return
  const sent = sendTimes.get(key)
  if (sent === undefined || sent < windowStart || sent > windowEnd) return
  if (ownClient !== undefined && key.startsWith(ownClient + ':')) return
  latencies.push(now - sent)
}

// Sinks first, in their own processes.
const sinkCount = options.clients - options.typists - options.probes
if (sinkCount < 0) throw new Error('--clients must be at least --typists + --probes')
const workers = []
const perWorker = Math.ceil(sinkCount / options.sinkWorkers)
for (let left = sinkCount; left > 0; left -= perWorker) {
  const worker = fork(new URL('./sink.mjs', import.meta.url), [JSON.stringify({ ...options, token: options.token, count: Math.min(perWorker, left) })])
  workers.push(worker)
}
await Promise.all(workers.map(worker => new Promise((resolve, reject) => {
  worker.once('message', (message) => message.ready ? resolve() : reject(new Error('sink worker failed')))
  worker.once('exit', (code) => code !== 0 && reject(new Error(`sink worker exited with ${code}`)))
})))
const askSinks = () => Promise.all(workers.map(worker => new Promise(resolve => {
  worker.once('message', resolve)
  worker.send({ report: true })
})))

// Probes: decode only the frame's lead to name the update.
const probes = []
for (let i = 0; i < options.probes; i++) {
  probes.push(await open(options.token, (frame) => receive(frame, performance.now())))
}

// Typists: a real Y.Doc each, synced like a provider, typing at random places.
const typists = []
for (let i = 0; i < options.typists; i++) {
  const doc = new Y.Doc()
  let connection
  const early = []
  const send = (frame) => connection ? connection.send(frame) : early.push(frame)
  let synced
  const isSynced = new Promise(resolve => { synced = resolve })
  const handle = (frame) => {
    receive(frame, performance.now(), doc.clientID)
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, 'remote')
    if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder))
    if (syncType === syncProtocol.messageYjsSyncStep2) synced()
  }
  connection = await open(options.typistToken, handle)
  early.forEach(frame => connection.send(frame))
  doc.on('update', (update, origin) => {
    if (origin === 'remote') return
    const key = updateKey(update)
    if (key !== null) sendTimes.set(key, performance.now())
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)
    connection.send(encoding.toUint8Array(encoder))
  })
  const stepOne = encoding.createEncoder()
  encoding.writeVarUint(stepOne, 0)
  syncProtocol.writeSyncStep1(stepOne, doc)
  connection.send(encoding.toUint8Array(stepOne))
  typists.push({ doc, connection, isSynced })
}
await Promise.all(typists.map(t => t.isSynced))

// Everyone is in: start counting and typing.
workers.forEach(worker => worker.send({ count: true }))
counting = true
const letters = 'abcdefghijklmnopqrstuvwxyz '
const timers = typists.map((typist, i) => {
  let seed = i + 1
  const next = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }
  const type = () => {
    const text = typist.doc.getText('text')
    text.insert(Math.floor(next() * (text.length + 1)), letters[Math.floor(next() * letters.length)])
    updatesSent++
  }
  let interval
  const start = setTimeout(() => { interval = setInterval(type, 1000 / options.rate) }, next() * 1000 / options.rate)
  return () => { clearTimeout(start); clearInterval(interval) }
})
const typingStarted = performance.now()

await sleep(options.warmup * 1000)
const sinksAtStart = await askSinks()
const framesAtStart = mainFrames + sinksAtStart.reduce((sum, s) => sum + s.frames, 0)
const cpuAtStart = serverCpuSeconds()
const generatorAtStart = process.cpuUsage()
windowStart = performance.now()
await sleep(options.measure * 1000)
windowEnd = performance.now()
const cpuAtEnd = serverCpuSeconds()
const sinksAtEnd = await askSinks()
const framesAtEnd = mainFrames + sinksAtEnd.reduce((sum, s) => sum + s.frames, 0)
const generatorCpu = process.cpuUsage(generatorAtStart)
timers.forEach(stop => stop())
const typingSeconds = (performance.now() - typingStarted) / 1000

// Drain: wait until no more frames arrive (at most 30 s), then check that every frame was delivered.
let delivered = framesAtEnd
for (let quiet = 0, waited = 0; quiet < 3 && waited < 30; waited++) {
  await sleep(1000)
  const now = mainFrames + (await askSinks()).reduce((sum, s) => sum + s.frames, 0)
  quiet = now === delivered ? quiet + 1 : 0
  delivered = now
}
const receiversPerUpdate = options.target === 'reference' ? options.clients : options.clients - 1
const expected = updatesSent * receiversPerUpdate

const seconds = (windowEnd - windowStart) / 1000
const windowFrames = framesAtEnd - framesAtStart
latencies.sort((a, b) => a - b)
const percentile = (p) => latencies.length === 0 ? null : round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))])
const result = {
  target: options.target,
  clients: options.clients,
  typists: options.typists,
  rate: options.rate,
  probes: options.probes,
  measuredSeconds: round(seconds),
  updatesPerSecond: round(updatesSent / typingSeconds),
  deliveredFramesPerSecond: Math.round(windowFrames / seconds),
  latencyPairs: latencies.length,
  latencyMs: { p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99), max: latencies.length ? round(latencies[latencies.length - 1]) : null },
  serverCpuPercent: round(100 * (cpuAtEnd - cpuAtStart) / seconds),
  serverCpuMicrosecondsPerFrame: windowFrames > 0 ? round(1e6 * (cpuAtEnd - cpuAtStart) / windowFrames) : null,
  serverPeakMemoryMB: serverPeakMemoryMB(),
  delivered,
  expected,
  allDelivered: delivered >= expected,
  generatorCpuPercent: round(100 * (generatorCpu.user + generatorCpu.system) / 1e6 / seconds)
}
process.stdout.write(JSON.stringify(result) + '\n')

workers.forEach(worker => worker.send({ close: true }))
await Promise.allSettled([...probes, ...typists.map(t => t.connection)].map(c => c.close()))
process.exit(0)

function serverCpuSeconds () {
  // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
  const stat = readFileSync(`/proc/${options.serverPid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

function serverPeakMemoryMB () {
  const status = readFileSync(`/proc/${options.serverPid}/status`, 'utf8')
  const line = status.split('\n').find(l => l.startsWith('VmHWM:'))
  return round(Number(line.split(/\s+/)[1]) / 1024)
}

function round (value) { return Math.round(value * 100) / 100 }

function readOptions (argv) {
  const values = {}
  for (let i = 2; i < argv.length; i += 2) values[argv[i].replace(/^--/, '')] = argv[i + 1]
  const number = (name, fallback) => values[name] === undefined ? fallback : Number(values[name])
  const parsed = {
    target: values.target,
    url: (values.url ?? '').replace(/\/$/, ''),
    document: values.document,
    token: values.token ?? '',
    typistToken: values['typist-token'] ?? values.token ?? '',
    serverPid: Number(values['server-pid']),
    clients: number('clients', 200),
    typists: number('typists', 20),
    rate: number('rate', 5),
    probes: number('probes', 50),
    warmup: number('warmup', 10),
    measure: number('measure', 20),
    sinkWorkers: number('sink-workers', 2)
  }
  if (!['ws', 'hub', 'reference'].includes(parsed.target)) throw new Error('--target ws|hub|reference')
  if (!parsed.url || !parsed.document || !parsed.serverPid) throw new Error('--url, --document and --server-pid are required')
  return parsed
}
