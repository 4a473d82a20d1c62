// A sink worker (its own process): opens cheap receivers that count frames without decoding them, and reports counts
// to the generator over IPC. Argument: JSON {target, token, groups: [{url, document, count}]} (or {target, token,
// url, document, count} for one group). Messages in: {count:true} resets and starts counting, {report:true} asks
// for {frames}.
import { openYWebsocket, openHubSink } from './connections.mjs'

const options = JSON.parse(process.argv[2])
const groups = options.groups ?? [{ url: options.url, document: options.document, count: options.count }]
let frames = 0
let counting = false
const sockets = []

let opened = 0
for (const group of groups) {
  const target = { target: options.target, token: options.token, url: group.url, document: group.document }
  for (let i = 0; i < group.count; i++) {
    sockets.push(options.target === 'hub'
      ? await openHubSink(target, (n) => { if (counting) frames += n })
      : await openYWebsocket(target, () => { if (counting) frames++ }))
    if (++opened % 25 === 0) await new Promise(resolve => setTimeout(resolve, 20))
  }
}
process.send({ ready: true })
process.on('message', (message) => {
  if (message.count) { frames = 0; counting = true }
  if (message.report) process.send({ frames, cpu: process.cpuUsage() })
  if (message.close) { sockets.forEach(s => s.close()); process.exit(0) }
})
