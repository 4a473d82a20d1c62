#!/usr/bin/env node
// The disk's own fsync latency, to set beside a benchmark run (our server syncs every commit to the disk before it
// broadcasts the update, the reference stores nothing): every --interval-ms it overwrites 8 KB of a file in --dir and
// fsyncs it. Prints each fsync slower than --slow-ms as "EPOCH-MS fsync MS", then one JSON line of percentiles.
//
//   node bench/load/fsync-probe.mjs [--seconds 60] [--dir /tmp] [--interval-ms 20] [--slow-ms 10]
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

const values = {}
for (let i = 2; i < process.argv.length; i += 2) values[process.argv[i].replace(/^--/, '')] = process.argv[i + 1]
const seconds = Number(values.seconds ?? 60)
const intervalMs = Number(values['interval-ms'] ?? 20)
const slowMs = Number(values['slow-ms'] ?? 10)
const path = join(values.dir ?? '/tmp', `fsync-probe-${process.pid}.bin`)

const block = randomBytes(8192)
const file = openSync(path, 'w')
const times = []
const end = Date.now() + seconds * 1000
try {
  while (Date.now() < end) {
    writeSync(file, block, 0, block.length, (times.length % 64) * block.length)
    const start = performance.now()
    fsyncSync(file)
    const ms = performance.now() - start
    times.push(ms)
    if (ms > slowMs) console.log(`${Date.now()} fsync ${ms.toFixed(1)}`)
    await new Promise(resolve => setTimeout(resolve, intervalMs))
  }
} finally {
  closeSync(file)
  rmSync(path, { force: true })
}
times.sort((a, b) => a - b)
const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 100) / 100
console.log(JSON.stringify({ fsyncs: times.length, p50: at(0.5), p99: at(0.99), max: at(1), slowerThan: slowMs, slow: times.filter(ms => ms > slowMs).length }))
