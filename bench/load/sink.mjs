// A sink worker (its own process): opens --count cheap receivers that count frames without decoding them, and
// reports counts to the generator over IPC. Messages in: {count:true} resets and starts counting, {report:true}
// asks for {frames}.
import { openYWebsocket, openHubSink } from './connections.mjs'

const options = JSON.parse(process.argv[2])
let frames = 0
let counting = false
const sockets = []

for (let i = 0; i < options.count; i++) {
  sockets.push(options.target === 'hub'
    ? await openHubSink(options, (n) => { if (counting) frames += n })
    : await openYWebsocket(options, () => { if (counting) frames++ }))
  if (i % 25 === 24) await new Promise(resolve => setTimeout(resolve, 20))
}
process.send({ ready: true })
process.on('message', (message) => {
  if (message.count) { frames = 0; counting = true }
  if (message.report) process.send({ frames, cpu: process.cpuUsage() })
  if (message.close) { sockets.forEach(s => s.close()); process.exit(0) }
})
