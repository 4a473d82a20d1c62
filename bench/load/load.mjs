#!/usr/bin/env node
// Fan-out load generator. Opens --clients connections: --typists of them type --rate keystrokes/s each (a real
// yjs Y.Doc per typist), --probes more receivers measure latency, the rest are cheap sinks that count frames without
// decoding them, in --sink-workers processes of their own. After --warmup seconds it measures for --measure seconds:
// fan-out latency per (receiver, update) pair on typists and probes, delivered frames/s, the server's CPU per
// delivered frame (/proc/PID/stat) and its peak memory (VmHWM); then it stops typing and checks that every frame was
// delivered. Prints one JSON line.
//
// One document on one server (the fan-out benchmark of the server):
//   node load.mjs --target ws|hub|reference --url http://127.0.0.1:5080 --document ID --token T --typist-token T
//                 --server-pid PID [--clients 200 --typists 20 --rate 5 --probes 50 --warmup 10 --measure 20]
//
// Several documents on several nodes (the scale-out benchmark): --documents ID,ID,... --urls URL,URL,...
// --server-pids PID,PID,... (one per URL, in the same order). Clients, typists and probes are totals, dealt over the
// documents as evenly as they go; within a document its typists come first, then its probes, then its sinks.
// --spread client (default) puts the k-th client of document d on node (d + k) mod nodes, so every document has
// typists and receivers on every node and latency is reported apart for receivers on the typist's own node and on
// another one; --spread document puts every client of document d on node d mod nodes. --infra-pids name=PID,...
// adds the CPU of other processes (with their children: Redis, PostgreSQL) to the report. With any of these plural
// flags (even for one document on one node) the JSON line also carries the per-node CPU and memory, latency on the
// same node and on another one, and deliveries/s: distinct (update, receiver) pairs, since a hub client on a node
// other than the typist's gets each frame twice (through the SignalR backplane and through the relay); typists and
// probes check that they received every update of their document.
//
// A ramp: --rate R1,R2,... --step S types at R1 during the warm-up, then at each rate for S seconds (the measured
// window is all the steps); the JSON line gains "steps": per step the updates/s, the deliveries it asked for and
// those made, latency of the updates sent during the step, each node's CPU, and the lag at the step's end: the updates
// typists and probes still lack, in seconds of what they are sent at that rate. A step kept up when the lag was at
// most 0.25 s; the ramp stops after --stop-after (2) steps in a row that did not: the servers are past their knee.
//
// --timeline FILE writes, for every 100 ms of the measured window, the longest latency of the updates sent in it: one
// line "EPOCH-MS LATENCY-MS" each, to find when a stall began (and set beside the server's log or an fsync probe).
import { fork } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { openYWebsocket, openHubClient } from './connections.mjs'
import { updateKey, updateKeyOfFrame } from './frames.mjs'

const options = readOptions(process.argv)
// The plural flags ask for the several-documents report (with one document and one node too).
const multi = options.plural
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms))
const open = (place, token, onFrame) => {
  const target = { ...options, url: options.urls[place.node], document: place.document, token }
  return options.target === 'hub' ? openHubClient(target, onFrame) : openYWebsocket(target, onFrame)
}

const sendTimes = new Map()
const sendNodes = new Map()
const sendSteps = new Map()
const ramp = options.rates.length > 1
// A ramp step kept up when, at its end, the typists and probes lacked no more updates than they are sent in this
// many seconds at the step's rate.
const keptUpLag = 0.25
const stepLatencies = options.rates.map(() => [])
let currentStep = -1
const latencies = []
// Per 100 ms of send time (epoch ms / 100): the longest latency, with --timeline.
const timeline = new Map()
const sameNodeLatencies = []
const otherNodeLatencies = []
let windowStart = Infinity
let windowEnd = Infinity
let counting = false
let mainFrames = 0
let updatesSent = 0

function receive (frame, now, receiver) {
  if (counting) {
    mainFrames++
    receiver.frames++
  }
  const key = updateKeyOfFrame(frame)
  if (key === null) return
  const sent = sendTimes.get(key)
  if (multi || ramp) {
    // Typists' updates only (not the document's state a client gets on joining, nor a typist's own echo): the
    // first arrival counts for latency, a second one is a duplicate.
    if (sent === undefined || (receiver.ownClient !== undefined && key.startsWith(receiver.ownClient + ':'))) return
    if (receiver.seen.has(key)) {
      receiver.duplicates++
      return
    }
    receiver.seen.add(key)
  }
  if (sent === undefined || sent < windowStart || sent > windowEnd) return
  if (receiver.ownClient !== undefined && key.startsWith(receiver.ownClient + ':')) return
  const latency = now - sent
  latencies.push(latency)
  if (options.timeline) {
    const bucket = Math.floor((performance.timeOrigin + sent) / 100)
    timeline.set(bucket, Math.max(timeline.get(bucket) ?? 0, latency))
  }
  if (multi) (sendNodes.get(key) === receiver.node ? sameNodeLatencies : otherNodeLatencies).push(latency)
  if (ramp) stepLatencies[sendSteps.get(key)]?.push(latency)
}

// Who goes where: per document, its share of clients, typists and probes, and each client's node.
const plan = options.documents.map((document, d) => {
  const share = (total) => Math.floor(total / options.documents.length) + (d < total % options.documents.length ? 1 : 0)
  const clients = share(options.clients)
  const typists = share(options.typists)
  const probes = share(options.probes)
  if (clients < typists + probes) throw new Error('--clients must be at least --typists + --probes (in every document)')
  const nodeOf = (k) => options.spread === 'document' ? d % options.urls.length : (d + k) % options.urls.length
  return { document, clients, typists, probes, nodeOf, updatesSent: 0 }
})

// Sinks first, in their own processes: each worker gets a consecutive slice of all the sinks, as groups of
// (node, document, count).
const sinkPlaces = plan.flatMap(p => Array.from({ length: p.clients - p.typists - p.probes },
  (_, i) => ({ node: p.nodeOf(p.typists + p.probes + i), document: p.document })))
const workers = []
const perWorker = Math.ceil(sinkPlaces.length / options.sinkWorkers)
for (let from = 0; from < sinkPlaces.length; from += perWorker) {
  const groups = []
  for (const place of sinkPlaces.slice(from, from + perWorker)) {
    const last = groups[groups.length - 1]
    if (last && last.node === place.node && last.document === place.document) last.count++
    else groups.push({ node: place.node, document: place.document, count: 1 })
  }
  const worker = fork(new URL('./sink.mjs', import.meta.url), [JSON.stringify({
    target: options.target,
    token: options.token,
    groups: groups.map(g => ({ url: options.urls[g.node], document: g.document, count: g.count }))
  })])
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
const receivers = []
const probes = []
for (const p of plan) {
  for (let i = 0; i < p.probes; i++) {
    const receiver = { probe: true, node: p.nodeOf(p.typists + i), plan: p, seen: new Set(), frames: 0, duplicates: 0 }
    receivers.push(receiver)
    probes.push(await open({ node: receiver.node, document: p.document }, options.token, (frame) => receive(frame, performance.now(), receiver)))
  }
}

// Typists: a real Y.Doc each, synced like a provider, typing at random places.
const typists = []
for (const p of plan) {
  for (let i = 0; i < p.typists; i++) {
    const doc = new Y.Doc()
    const receiver = { probe: false, node: p.nodeOf(i), plan: p, ownClient: doc.clientID, seen: new Set(), frames: 0, duplicates: 0 }
    receivers.push(receiver)
    let connection
    const early = []
    const send = (frame) => connection ? connection.send(frame) : early.push(frame)
    let synced
    const isSynced = new Promise(resolve => { synced = resolve })
    const handle = (frame) => {
      receive(frame, performance.now(), receiver)
      const decoder = decoding.createDecoder(frame)
      if (decoding.readVarUint(decoder) !== 0) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, 'remote')
      if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder))
      if (syncType === syncProtocol.messageYjsSyncStep2) synced()
    }
    connection = await open({ node: receiver.node, document: p.document }, options.typistToken, handle)
    early.forEach(frame => connection.send(frame))
    doc.on('update', (update, origin) => {
      if (origin === 'remote') return
      const key = updateKey(update)
      if (key !== null) {
        sendTimes.set(key, performance.now())
        if (multi) sendNodes.set(key, receiver.node)
        if (ramp && currentStep >= 0) sendSteps.set(key, currentStep)
      }
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeUpdate(encoder, update)
      connection.send(encoding.toUint8Array(encoder))
    })
    const stepOne = encoding.createEncoder()
    encoding.writeVarUint(stepOne, 0)
    syncProtocol.writeSyncStep1(stepOne, doc)
    connection.send(encoding.toUint8Array(stepOne))
    typists.push({ doc, connection, isSynced, plan: p, sent: 0 })
  }
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
    typist.plan.updatesSent++
    typist.sent++
  }
  let start
  let interval
  const stop = () => { clearTimeout(start); clearInterval(interval) }
  typist.setRate = (rate) => {
    stop()
    start = setTimeout(() => { interval = setInterval(type, 1000 / rate) }, next() * 1000 / rate)
  }
  typist.setRate(options.rate)
  return stop
})
const typingStarted = performance.now()

await sleep(options.warmup * 1000)
const sinksAtStart = await askSinks()
const framesAtStart = mainFrames + sinksAtStart.reduce((sum, s) => sum + s.frames, 0)
const receiversAtStart = receivers.map(r => ({ frames: r.frames, duplicates: r.duplicates }))
const cpuAtStart = options.serverPids.map(processCpuSeconds)
const infraAtStart = options.infraPids.map(({ pid }) => treeCpuSeconds(pid))
const generatorAtStart = process.cpuUsage()
const machineAtStart = machineTicks()
const updatesAtStart = updatesSent
windowStart = performance.now()
const steps = ramp ? await runSteps() : await sleep(options.measure * 1000)
windowEnd = performance.now()
const cpuAtEnd = options.serverPids.map(processCpuSeconds)
const infraAtEnd = options.infraPids.map(({ pid }) => treeCpuSeconds(pid))
const sinksAtEnd = await askSinks()
const framesAtEnd = mainFrames + sinksAtEnd.reduce((sum, s) => sum + s.frames, 0)
const receiversAtEnd = receivers.map(r => ({ frames: r.frames, duplicates: r.duplicates }))
const generatorCpu = process.cpuUsage(generatorAtStart)
const machineAtEnd = machineTicks()
const updatesInWindow = updatesSent - updatesAtStart
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
const echoes = options.target === 'reference' ? 0 : 1
const expected = plan.reduce((sum, p) => sum + p.updatesSent * (p.clients - echoes), 0)

const seconds = (windowEnd - windowStart) / 1000
const windowFrames = framesAtEnd - framesAtStart
const cpuSeconds = cpuAtEnd.reduce((sum, cpu, i) => sum + cpu - cpuAtStart[i], 0)
const percentiles = (values) => {
  values.sort((a, b) => a - b)
  const at = (p) => values.length === 0 ? null : round(values[Math.min(values.length - 1, Math.floor(p * values.length))])
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: values.length ? round(values[values.length - 1]) : null }
}
if (options.timeline) {
  writeFileSync(options.timeline, [...timeline].sort((a, b) => a[0] - b[0]).map(([bucket, latency]) => `${bucket * 100} ${latency.toFixed(1)}\n`).join(''))
}
const latencyMs = percentiles(latencies)
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
  latencyMs,
  serverCpuPercent: round(100 * cpuSeconds / seconds),
  serverCpuMicrosecondsPerFrame: windowFrames > 0 ? round(1e6 * cpuSeconds / windowFrames) : null,
  serverPeakMemoryMB: Math.max(...options.serverPids.map(serverPeakMemoryMB)),
  delivered,
  expected,
  allDelivered: delivered >= expected,
  generatorCpuPercent: round(100 * (generatorCpu.user + generatorCpu.system) / 1e6 / seconds)
}
if (multi) {
  // Every typist and probe must hold every update its document's other typists sent.
  const missing = receivers.reduce((sum, r) => sum + countMissing(r), 0)
  // Deliveries in the window: distinct (update, receiver) pairs. Typists and probes know theirs exactly; sinks
  // cannot tell a duplicate, so their frames are taken to hold the probes' share of duplicates (probes sit on the
  // nodes in the same proportions as sinks; typists do not: they mostly receive from typists on other nodes).
  const inWindow = (pick) => receivers.reduce((sum, r, i) => pick(r) ? sum + receiversAtEnd[i].frames - receiversAtStart[i].frames : sum, 0)
  const duplicatesInWindow = (pick) => receivers.reduce((sum, r, i) => pick(r) ? sum + receiversAtEnd[i].duplicates - receiversAtStart[i].duplicates : sum, 0)
  const measuredFrames = inWindow(() => true)
  const probeFrames = inWindow(r => r.probe)
  const probeDuplicateShare = probeFrames > 0 ? duplicatesInWindow(r => r.probe) / probeFrames : 0
  const sinkFrames = windowFrames - measuredFrames
  const deliveries = measuredFrames - duplicatesInWindow(() => true) + sinkFrames * (1 - probeDuplicateShare)
  const duplicateShare = windowFrames > 0 ? 1 - deliveries / windowFrames : 0
  Object.assign(result, {
    documents: options.documents.length,
    nodes: options.urls.length,
    spread: options.spread,
    duplicateShare: round(duplicateShare),
    deliveriesPerSecond: Math.round(deliveries / seconds),
    offeredDeliveriesPerSecond: Math.round(plan.reduce((sum, p) => sum + p.updatesSent * (p.clients - echoes), 0) / typingSeconds),
    serverCpuMicrosecondsPerDelivery: deliveries > 0 ? round(1e6 * cpuSeconds / deliveries) : null,
    serverCpuMicrosecondsPerUpdate: updatesInWindow > 0 ? Math.round(1e6 * cpuSeconds / updatesInWindow) : null,
    latencyMsSameNode: percentiles(sameNodeLatencies),
    latencyMsOtherNode: percentiles(otherNodeLatencies),
    missingAtProbesAndTypists: missing,
    allDelivered: delivered >= expected && missing === 0,
    perNode: options.serverPids.map((pid, i) => ({
      url: options.urls[i],
      cpuPercent: round(100 * (cpuAtEnd[i] - cpuAtStart[i]) / seconds),
      peakMemoryMB: serverPeakMemoryMB(pid)
    })),
    sinkWorkersCpuPercent: round(100 * sinksAtEnd.reduce((sum, end, i) => sum + (end.cpu.user + end.cpu.system - sinksAtStart[i].cpu.user - sinksAtStart[i].cpu.system) / 1e6, 0) / seconds),
    machineIdlePercent: round(100 * (machineAtEnd.idle - machineAtStart.idle) / (machineAtEnd.total - machineAtStart.total)),
    infraCpuPercent: Object.fromEntries(options.infraPids.map(({ name }, i) => [name, round(100 * (infraAtEnd[i] - infraAtStart[i]) / seconds)]))
  })
}
if (ramp) {
  result.rate = options.rates
  result.steps = steps.map((step, s) => ({
    rate: options.rates[s],
    seconds: round(step.seconds),
    updatesPerSecond: round(step.updates / step.seconds),
    offeredDeliveriesPerSecond: Math.round(step.offered / step.seconds),
    deliveredFramesPerSecond: Math.round(step.frames / step.seconds),
    deliveriesPerSecond: Math.round(step.deliveries / step.seconds),
    latencyMs: percentiles(stepLatencies[s]),
    lagSeconds: round(step.lagSeconds),
    keptUp: step.keptUp,
    nodeCpuPercent: step.cpu.map(cpu => round(100 * cpu / step.seconds)),
    generatorCpuPercent: round(100 * step.generatorCpu / step.seconds),
    machineIdlePercent: round(100 * step.machineIdle)
  }))
}
process.stdout.write(JSON.stringify(result) + '\n')

workers.forEach(worker => worker.send({ close: true }))
await Promise.allSettled([...probes, ...typists.map(t => t.connection)].map(c => c.close()))
process.exit(0)

// The ramp: each step types at its rate for --step seconds; the first rate is the warm-up's. Returns per step its
// length, the frames delivered, the updates sent and the deliveries they ask for, and each node's CPU time.
async function runSteps () {
  const steps = []
  let behind = 0
  let before = await rampSnapshot()
  for (let s = 0; s < options.rates.length && behind < options.stopAfter; s++) {
    if (s > 0) typists.forEach(typist => typist.setRate(options.rates[s]))
    currentStep = s
    await sleep(options.step * 1000)
    const after = await rampSnapshot()
    const change = (name) => after[name] - before[name]
    // Distinct deliveries: exact at typists and probes, the probes' share of duplicates taken off the sinks' frames.
    const probeDuplicateShare = change('probeFrames') > 0 ? change('probeDuplicates') / change('probeFrames') : 0
    // Lag: what typists and probes still lack at the end of the step (exact: they know each update they received),
    // in seconds of what they are sent at this step's rate.
    const asked = change('measuredAsked')
    const step = {
      lagSeconds: asked > 0 ? after.measuredLacking / (asked / (change('at') / 1000)) : 0,
      seconds: change('at') / 1000,
      frames: change('frames'),
      deliveries: change('measuredFrames') - change('measuredDuplicates') + (change('frames') - change('measuredFrames')) * (1 - probeDuplicateShare),
      updates: after.updates.reduce((sum, n, d) => sum + n - before.updates[d], 0),
      offered: after.updates.reduce((sum, n, d) => sum + (n - before.updates[d]) * (plan[d].clients - (options.target === 'reference' ? 0 : 1)), 0),
      cpu: after.cpu.map((cpu, i) => cpu - before.cpu[i]),
      generatorCpu: (after.generator.user + after.generator.system - before.generator.user - before.generator.system) / 1e6,
      machineIdle: (after.machine.idle - before.machine.idle) / (after.machine.total - before.machine.total)
    }
    steps.push(step)
    step.keptUp = step.lagSeconds <= keptUpLag
    behind = step.keptUp ? 0 : behind + 1
    before = after
  }
  currentStep = -1
  return steps
}

async function rampSnapshot () {
  const sinks = await askSinks()
  const total = (pick, name) => receivers.reduce((sum, r) => pick(r) ? sum + r[name] : sum, 0)
  return {
    at: performance.now(),
    frames: mainFrames + sinks.reduce((sum, s) => sum + s.frames, 0),
    measuredFrames: total(() => true, 'frames'),
    measuredDuplicates: total(() => true, 'duplicates'),
    probeFrames: total(r => r.probe, 'frames'),
    probeDuplicates: total(r => r.probe, 'duplicates'),
    measuredAsked: receivers.reduce((sum, r) => sum + asked(r), 0),
    measuredLacking: receivers.reduce((sum, r) => sum + asked(r) - r.seen.size, 0),
    updates: plan.map(p => p.updatesSent),
    cpu: options.serverPids.map(processCpuSeconds),
    generator: process.cpuUsage(),
    machine: machineTicks()
  }
}

// The updates a typist or probe should have received so far: all those its document's other typists made.
function asked (receiver) {
  return typists.reduce((sum, typist) => typist.plan === receiver.plan && typist.doc.clientID !== receiver.ownClient ? sum + typist.sent : sum, 0)
}

function countMissing (receiver) {
  // The keys a typist produced are its client id and clocks 0..n-1 (one character per keystroke).
  let missing = 0
  for (const typist of typists) {
    if (typist.plan !== receiver.plan || typist.doc.clientID === receiver.ownClient) continue
    const sent = Y.getState(typist.doc.store, typist.doc.clientID)
    for (let clock = 0; clock < sent; clock++) {
      if (!receiver.seen.has(`${typist.doc.clientID}:${clock}`)) missing++
    }
  }
  return missing
}

function processCpuSeconds (pid) {
  // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

function treeCpuSeconds (root) {
  // A process and its live descendants (PostgreSQL's backends are children of the postmaster).
  const parents = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch { /* the process ended meanwhile */ }
  }
  const inTree = (pid) => { for (let p = pid; p > 1; p = parents.get(p) ?? 0) if (p === root) return true; return false }
  let total = 0
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue
    try { total += processCpuSeconds(pid) } catch { /* ended meanwhile */ }
  }
  return total
}

function machineTicks () {
  // /proc/stat, line "cpu": user nice system idle iowait irq softirq steal ... (all cores together).
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number)
  return { idle: fields[3] + fields[4], total: fields.reduce((sum, value) => sum + value, 0) }
}

function serverPeakMemoryMB (pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const line = status.split('\n').find(l => l.startsWith('VmHWM:'))
  return round(Number(line.split(/\s+/)[1]) / 1024)
}

function round (value) { return Math.round(value * 100) / 100 }

function readOptions (argv) {
  const values = {}
  for (let i = 2; i < argv.length; i += 2) values[argv[i].replace(/^--/, '')] = argv[i + 1]
  const number = (name, fallback) => values[name] === undefined ? fallback : Number(values[name])
  const list = (text) => (text ?? '').split(',').map(s => s.trim()).filter(s => s.length > 0)
  const parsed = {
    target: values.target,
    urls: list(values.urls ?? values.url).map(url => url.replace(/\/$/, '')),
    documents: list(values.documents ?? values.document),
    token: values.token ?? '',
    typistToken: values['typist-token'] ?? values.token ?? '',
    serverPids: list(values['server-pids'] ?? values['server-pid']).map(Number),
    infraPids: list(values['infra-pids']).map(entry => {
      const [name, pid] = entry.split('=')
      return { name, pid: Number(pid) }
    }),
    spread: values.spread ?? 'client',
    plural: values.documents !== undefined || values.urls !== undefined || values['server-pids'] !== undefined,
    clients: number('clients', 200),
    typists: number('typists', 20),
    rates: list(values.rate ?? '5').map(Number),
    step: number('step', 10),
    stopAfter: number('stop-after', 2),
    probes: number('probes', 50),
    warmup: number('warmup', 10),
    measure: number('measure', 20),
    sinkWorkers: number('sink-workers', 2),
    timeline: values.timeline
  }
  if (!['ws', 'hub', 'reference'].includes(parsed.target)) throw new Error('--target ws|hub|reference')
  if (parsed.urls.length === 0 || parsed.documents.length === 0 || parsed.serverPids.length === 0) {
    throw new Error('--url (or --urls), --document (or --documents) and --server-pid (or --server-pids) are required')
  }
  if (parsed.serverPids.length !== parsed.urls.length || parsed.serverPids.some(pid => !Number.isInteger(pid) || pid <= 0)) {
    throw new Error('--server-pids: one process id per URL, in the order of --urls')
  }
  if (parsed.infraPids.some(({ name, pid }) => !name || !Number.isInteger(pid) || pid <= 0)) throw new Error('--infra-pids name=PID,...')
  if (!['client', 'document'].includes(parsed.spread)) throw new Error('--spread client|document')
  if (parsed.rates.length === 0 || parsed.rates.some(rate => !(rate > 0))) throw new Error('--rate: keystrokes/s per typist, or a list R,R,... for a ramp')
  parsed.rate = parsed.rates[0]
  if (!(parsed.stopAfter >= 1)) throw new Error('--stop-after: at least 1 step')
  return parsed
}
