#!/usr/bin/env node
// Soak generator: --clients real yjs clients (a Y.Doc each) spread over --documents documents of one server, half on
// the y-websocket endpoint /ws, half on the hub /hubs/collab (MessagePack). --typists of them type --rate keystrokes/s
// each (inserts and deletions at random places); every --reconnect-every seconds one client drops its connection and
// comes back (syncing what it missed and what it typed meanwhile). Every --window seconds it samples the server
// process (/proc: RSS, peak RSS, CPU), the managed heap (from dotnet-counters' CSV when --counters is given), the data
// folder's size on disk, and the fan-out latency of the window (typist's keystroke -> each other client of its
// document, p50/p99/max). At the end typing stops, everyone syncs, and it checks that every copy of each document
// holds every update (state vectors equal) and the same text as the server (REST). Prints one JSON line per window,
// one summary JSON line, then a markdown table.
//
//   node soak.mjs --url http://127.0.0.1:5080 --invites DATA/invites.csv --data DATA --server-pid PID
//                 [--duration 600 --window 30 --clients 100 --documents 4 --typists 20 --rate 2 --reconnect-every 3
//                  --counters counters.csv --results soak.jsonl --seed 1]
import { appendFileSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'

const options = readOptions(process.argv)
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms))
let seed = options.seed
const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647 }

// ---- the negotiation: documents open to member states, the tokens that may type ----
const invites = readInvites(options.invites)
const chair = invites.find(invite => invite.role === 'chair').token
const writers = [chair, ...invites.filter(invite => invite.role === 'secretariat' || invite.role === 'member-state delegate').map(invite => invite.token)]
const documents = await openDocuments(options.documents)

// ---- fan-out latency: the send time of each typist's update, by its first struct's id ----
const sendTimes = new Map()
let window = newWindow()
let typing = true

const clients = []
for (let i = 0; i < options.clients; i++) {
  clients.push(createClient(i, documents[i % documents.length], writers[i % writers.length], i % 2 === 0 ? 'ws' : 'hub', i < options.typists))
}
for (const client of clients) await client.connect()
await waitFor(() => clients.every(client => client.synced), 60_000, 'every client synced after joining')

// ---- typing and reconnecting ----
const letters = 'abcdefghijklmnopqrstuvwxyz '
const typingTimers = clients.filter(client => client.typist).map(client => {
  const type = () => {
    if (!typing) return
    const text = client.doc.getText('text')
    if (random() < 0.3 && text.length > 200) {
      text.delete(Math.floor(random() * text.length), 1)
    } else {
      text.insert(Math.floor(random() * (text.length + 1)), letters[Math.floor(random() * letters.length)])
    }
    window.keystrokes++
  }
  return setInterval(type, 1000 / options.rate)
})
const reconnectTimer = setInterval(() => {
  const client = clients[Math.floor(random() * clients.length)]
  if (client.connected) {
    window.reconnects++
    client.drop(200 + Math.floor(random() * 800))
  }
}, options.reconnectEvery * 1000)

// ---- sampling ----
const samples = []
const started = performance.now()
let cpuBefore = serverCpuSeconds()
let generatorBefore = process.cpuUsage()
for (let elapsed = 0; elapsed < options.duration;) {
  const step = Math.min(options.window, options.duration - elapsed)
  await sleep(step * 1000)
  elapsed += step
  const cpuNow = serverCpuSeconds()
  const generator = process.cpuUsage(generatorBefore)
  const sample = sampleWindow(elapsed, step, cpuNow - cpuBefore, (generator.user + generator.system) / 1e6)
  cpuBefore = cpuNow
  generatorBefore = process.cpuUsage()
  samples.push(sample)
  emit(sample)
}

// ---- the end: stop, sync, check ----
typing = false
typingTimers.forEach(timer => clearInterval(timer))
clearInterval(reconnectTimer)
const syncedAll = await waitFor(() => clients.every(client => client.synced), 60_000)
const convergence = []
for (const document of documents) {
  const copies = clients.filter(client => client.document === document)
  let converged = false
  let stored = ''
  let vectors, texts
  const until = performance.now() + 60_000
  while (performance.now() < until) {
    stored = (await api('GET', `/api/documents/${document}`)).text
    vectors = new Set(copies.map(client => Buffer.from(Y.encodeStateVector(client.doc)).toString('base64')))
    texts = copies.map(client => client.doc.getText('text').toString())
    if (vectors.size === 1 && new Set(texts).size === 1 && texts[0] === stored) {
      converged = true
      break
    }
    await sleep(500)
  }
  // Delivered: every copy's state vector covers every client's last clock on this document.
  const highest = new Map()
  for (const client of copies) {
    for (const [id, clock] of Y.decodeStateVector(Y.encodeStateVector(client.doc))) highest.set(id, Math.max(highest.get(id) ?? 0, clock))
  }
  const delivered = copies.every(client => {
    const vector = Y.decodeStateVector(Y.encodeStateVector(client.doc))
    return [...highest].every(([id, clock]) => (vector.get(id) ?? 0) >= clock)
  })
  convergence.push({
    document,
    copies: copies.length,
    textLength: stored.length,
    converged,
    delivered,
    distinctTexts: new Set(texts).size,
    distinctStateVectors: vectors.size,
    copiesEqualToServer: texts.filter(text => text === stored).length
  })
}
const summary = {
  summary: true,
  durationSeconds: Math.round((performance.now() - started) / 1000),
  clients: options.clients,
  documents: options.documents,
  typists: options.typists,
  rate: options.rate,
  reconnectEverySeconds: options.reconnectEvery,
  keystrokes: samples.reduce((sum, s) => sum + s.keystrokes, 0),
  reconnects: samples.reduce((sum, s) => sum + s.reconnects, 0),
  allSynced: syncedAll,
  allDelivered: convergence.every(c => c.delivered),
  allConverged: convergence.every(c => c.converged),
  documentsChecked: convergence,
  drift: drift(samples)
}
emit(summary)
process.stdout.write('\n' + table(samples, summary) + '\n')
await Promise.allSettled(clients.map(client => client.close()))
process.exit(summary.allConverged && summary.allDelivered ? 0 : 1)

// ---------------------------------------------------------------------------------------------------------------

function createClient (index, document, token, kind, typist) {
  const doc = new Y.Doc()
  const client = { index, document, kind, typist, doc, connected: false, synced: false, link: null, closing: false, paused: false }
  const frameOf = (write) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    write(encoder)
    return encoding.toUint8Array(encoder)
  }
  doc.on('update', (update, origin) => {
    if (origin === 'remote') return
    const key = updateKey(update)
    if (key !== null) sendTimes.set(key, performance.now())
    if (client.connected) client.link.send(frameOf(encoder => syncProtocol.writeUpdate(encoder, update)))
  })
  // reply answers on the connection the frame came on, also while it is still joining (the hub's Join sends step 1).
  const receive = (frame, reply) => {
    const now = performance.now()
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) return // awareness, auth: not measured
    const start = decoder.pos
    const syncType = decoding.readVarUint(decoder)
    if (syncType === syncProtocol.messageYjsUpdate) {
      const key = updateKey(decoding.readVarUint8Array(decoder))
      const sent = key === null ? undefined : sendTimes.get(key)
      if (sent !== undefined && !key.startsWith(doc.clientID + ':')) window.latencies.push(now - sent)
    }
    decoder.pos = start
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.readSyncMessage(decoder, encoder, doc, 'remote')
    if (encoding.length(encoder) > 1) reply(encoding.toUint8Array(encoder))
    if (syncType === syncProtocol.messageYjsSyncStep2) client.synced = true
    window.frames++
  }
  const lost = () => {
    client.connected = false
    client.synced = false
    if (!client.closing && !client.paused) setTimeout(() => client.connect().catch(lost), 500)
  }
  client.connect = async () => {
    const link = kind === 'ws' ? await openWebsocket(document, token, receive, lost) : await openHub(document, token, receive, lost)
    client.link = link
    client.connected = true
    link.send(frameOf(encoder => syncProtocol.writeSyncStep1(encoder, doc)))
  }
  client.drop = (pauseMs) => {
    client.paused = true
    client.connected = false
    client.link.close()
    setTimeout(() => { client.paused = false; client.connect().catch(lost) }, pauseMs)
  }
  client.close = async () => { client.closing = true; if (client.link) await client.link.close() }
  return client
}

function openWebsocket (document, token, receive, lost) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${options.url.replace(/^http/, 'ws')}/ws/${document}?access_token=${encodeURIComponent(token)}`, { perMessageDeflate: false })
    socket.binaryType = 'nodebuffer'
    let open = false
    socket.on('message', (data) => receive(new Uint8Array(data), (frame) => socket.send(frame)))
    socket.once('open', () => {
      open = true
      resolve({ send: (frame) => socket.send(frame), close: () => socket.terminate() })
    })
    socket.once('error', (error) => { if (!open) reject(error) })
    socket.once('close', () => { if (open) lost() })
  })
}

async function openHub (document, token, receive, lost) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${options.url}/hubs/collab`, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
      accessTokenFactory: () => token
    })
    .withHubProtocol(new MessagePackHubProtocol())
    .configureLogging(signalR.LogLevel.None)
    .build()
  // Invocations of one connection run one at a time on the server: a Send queued during Join is handled after it.
  const reply = (frame) => { connection.send('Send', document, frame).catch(() => {}) }
  connection.on('Receive', (_document, frame) => receive(frame, reply))
  connection.onclose(() => lost())
  await connection.start()
  await connection.invoke('Join', document)
  return {
    send: reply,
    close: () => connection.stop()
  }
}

/** The id (client:clock) of an update's first struct, or null when it has none (a deletion only). */
function updateKey (update) {
  const decoder = decoding.createDecoder(update)
  if (decoding.readVarUint(decoder) === 0) return null
  decoding.readVarUint(decoder) // structs of the first client
  const client = decoding.readVarUint(decoder)
  const clock = decoding.readVarUint(decoder)
  return `${client}:${clock}`
}

/** One JSON line on standard output, and in --results when given. */
function emit (record) {
  const line = JSON.stringify(record) + '\n'
  process.stdout.write(line)
  if (options.results) appendFileSync(options.results, line)
}

function newWindow () {
  return { latencies: [], keystrokes: 0, frames: 0, reconnects: 0 }
}

function sampleWindow (elapsed, seconds, cpuSeconds, generatorCpuSeconds) {
  const current = window
  window = newWindow()
  const latencies = current.latencies.sort((a, b) => a - b)
  const at = (p) => latencies.length === 0 ? null : round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))])
  const status = readFileSync(`/proc/${options.serverPid}/status`, 'utf8')
  const kb = (name) => Number(status.split('\n').find(line => line.startsWith(name + ':')).split(/\s+/)[1])
  // Forget send times older than two windows: late deliveries are not measured, memory stays flat.
  const horizon = performance.now() - 2 * options.window * 1000
  for (const [key, sent] of sendTimes) if (sent < horizon) sendTimes.delete(key)
  return {
    t: elapsed,
    rssMB: round(kb('VmRSS') / 1024),
    peakRssMB: round(kb('VmHWM') / 1024),
    heapMB: managedHeapMB(),
    cpuPercent: round(100 * cpuSeconds / seconds),
    generatorCpuPercent: round(100 * generatorCpuSeconds / seconds),
    diskMB: round(folderBytes(options.data) / 1024 / 1024),
    keystrokes: current.keystrokes,
    framesReceived: current.frames,
    reconnects: current.reconnects,
    connected: clients.filter(client => client.connected).length,
    latencyPairs: latencies.length,
    p50ms: at(0.5),
    p99ms: at(0.99),
    maxMs: latencies.length ? round(latencies[latencies.length - 1]) : null
  }
}

/**
 * How each measure moved over the run: from the second window to the last (the first holds the start: JIT, the joins,
 * the first compactions), and the least-squares slope per minute over those windows.
 */
function drift (samples) {
  if (samples.length < 2) return null
  const steady = samples.length >= 3 ? samples.slice(1) : samples
  const first = steady[0]
  const last = steady[steady.length - 1]
  const result = { fromSecond: first.t, toSecond: last.t }
  for (const name of ['rssMB', 'heapMB', 'diskMB', 'p50ms', 'p99ms']) {
    const points = steady.filter(s => s[name] !== null)
    result[name] = first[name] === null || last[name] === null ? null : round(last[name] - first[name])
    result[name + 'PerMinute'] = points.length < 2 ? null : round(slope(points.map(s => [s.t / 60, s[name]])))
  }
  return result
}

function slope (points) {
  const n = points.length
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0)
  return sxx === 0 ? 0 : points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / sxx
}

function table (samples, summary) {
  const cell = (value) => value === null || value === undefined ? '-' : String(value)
  const lines = [
    '| t (s) | RSS (MB) | managed heap (MB) | server CPU (%) | data on disk (MB) | keystrokes | frames received | reconnects | fan-out p50 (ms) | p99 (ms) | max (ms) | generator CPU (%) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
  ]
  for (const s of samples) {
    lines.push(`| ${s.t} | ${cell(s.rssMB)} | ${cell(s.heapMB)} | ${cell(s.cpuPercent)} | ${cell(s.diskMB)} | ${s.keystrokes} | ${s.framesReceived} | ${s.reconnects} | ${cell(s.p50ms)} | ${cell(s.p99ms)} | ${cell(s.maxMs)} | ${cell(s.generatorCpuPercent)} |`)
  }
  const d = summary.drift
  lines.push('')
  lines.push(`${summary.clients} clients over ${summary.documents} documents, ${summary.typists} typists at ${summary.rate}/s, one reconnect every ${summary.reconnectEverySeconds} s; ` +
    `${summary.keystrokes} keystrokes, ${summary.reconnects} reconnects in ${summary.durationSeconds} s. ` +
    `All delivered: ${summary.allDelivered ? 'yes' : 'NO'}; converged with the server: ${summary.allConverged ? 'yes' : 'NO'}.` +
    (d ? ` Drift from t=${d.fromSecond} s to t=${d.toSecond} s (slope per minute): RSS ${signed(d.rssMB)} MB (${perMinute(d.rssMBPerMinute, 'MB')}), ` +
      `managed heap ${d.heapMB === null ? '-' : signed(d.heapMB) + ' MB'} (${perMinute(d.heapMBPerMinute, 'MB')}), disk ${signed(d.diskMB)} MB (${perMinute(d.diskMBPerMinute, 'MB')}), ` +
      `p99 ${d.p99ms === null ? '-' : signed(d.p99ms) + ' ms'} (${perMinute(d.p99msPerMinute, 'ms')}).` : ''))
  return lines.join('\n')
}

function signed (value) { return value > 0 ? `+${value}` : String(value) }

function perMinute (value, unit) { return value === null ? '-' : `${signed(value)} ${unit}/min` }

function managedHeapMB () {
  // dotnet-counters collect --format csv appends "timestamp,provider,name,type,value" lines; the managed heap after
  // the last collection is dotnet.gc.last_collection.heap.size, one line per generation: the latest lines are summed.
  if (!options.counters) return null
  let text
  try { text = readFileSync(options.counters, 'utf8') } catch { return null }
  const heap = text.split('\n').filter(line => line.includes('dotnet.gc.last_collection.heap.size')).map(line => line.split(','))
  if (heap.length === 0) return null
  const latest = heap[heap.length - 1][0]
  const bytes = heap.filter(fields => fields[0] === latest).reduce((sum, fields) => sum + Number(fields[fields.length - 1]), 0)
  return round(bytes / 1024 / 1024)
}

function folderBytes (folder) {
  let total = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size
  }
  return total
}

function serverCpuSeconds () {
  // /proc/PID/stat: utime and stime (clock ticks) are fields 14 and 15, after the parenthesised command name.
  const stat = readFileSync(`/proc/${options.serverPid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function openDocuments (count) {
  const listed = await api('GET', '/api/documents')
  const first = await api('GET', `/api/documents/${listed[0].id}`)
  const ids = [first.id]
  for (let n = 2; n <= count; n++) {
    const symbol = `E/CN.16/2010/CRP.SOAK.${n}`
    const tabled = await api('POST', '/api/documents', { title: `${first.title} (soak ${n})`, symbol, text: first.text.replace(first.symbol, symbol) })
    ids.push(tabled.id)
  }
  for (const id of ids) await api('PUT', `/api/documents/${id}/on-screen-drafting`, { mode: 'memberStates' })
  return ids
}

async function api (method, path, body) {
  const response = await fetch(options.url + path, {
    method,
    headers: { authorization: `Bearer ${chair}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

function readInvites (path) {
  // invites.csv: role,delegation,url (the delegation may be quoted; the url is the last field).
  return readFileSync(path, 'utf8').trim().split('\n').slice(1).map(line => ({
    role: line.slice(0, line.indexOf(',')),
    token: line.slice(line.lastIndexOf(',') + 1).replace(/^"|"$/g, '').split('#invite=')[1]
  }))
}

async function waitFor (condition, limitMs, what) {
  const until = performance.now() + limitMs
  while (!condition()) {
    if (performance.now() > until) {
      if (what) throw new Error(`timed out waiting for ${what}`)
      return false
    }
    await sleep(100)
  }
  return true
}

function round (value) { return Math.round(value * 100) / 100 }

function readOptions (argv) {
  const values = {}
  for (let i = 2; i < argv.length; i += 2) values[argv[i].replace(/^--/, '')] = argv[i + 1]
  const number = (name, fallback) => values[name] === undefined ? fallback : Number(values[name])
  for (const required of ['url', 'invites', 'data', 'server-pid']) {
    if (!values[required]) throw new Error(`--${required} is required`)
  }
  return {
    url: values.url.replace(/\/$/, ''),
    invites: values.invites,
    data: values.data,
    serverPid: Number(values['server-pid']),
    counters: values.counters,
    results: values.results,
    duration: number('duration', 600),
    window: number('window', 30),
    clients: number('clients', 100),
    documents: number('documents', 4),
    typists: number('typists', 20),
    rate: number('rate', 2),
    reconnectEvery: number('reconnect-every', 3),
    seed: number('seed', 1)
  }
}
