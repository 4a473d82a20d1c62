// The three kinds of connections the generator opens: raw y-websocket (ours /ws and the reference server), raw
// SignalR MessagePack for cheap hub sinks, and the stock @microsoft/signalr client for hub typists and probes.
import WebSocket from 'ws'
import * as signalR from '@microsoft/signalr'
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack'
import { countInvocations } from './frames.mjs'

const hubProtocol = new MessagePackHubProtocol()

/** The WebSocket address of a document for a target. */
export function wsAddress (options) {
  const base = options.url.replace(/^http/, 'ws')
  return options.target === 'reference'
    ? `${base}/${options.document}`
    : `${base}/ws/${options.document}?access_token=${encodeURIComponent(options.token)}`
}

/**
 * A y-websocket connection: onFrame(Uint8Array) for every frame (unless counting only), send(Uint8Array).
 * Resolves once open.
 */
export function openYWebsocket (options, onFrame) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsAddress(options), { perMessageDeflate: false })
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data) => onFrame(data))
    socket.once('open', () => resolve({ send: (frame) => socket.send(frame), close: () => socket.terminate() }))
    socket.once('error', reject)
  })
}

/**
 * A cheap hub sink: a raw WebSocket speaking the SignalR MessagePack protocol, joining the document and counting
 * Receive invocations without decoding them. Pings every 10 s keep the server from timing it out.
 */
export function openHubSink (options, onFrames) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${options.url.replace(/^http/, 'ws')}/hubs/collab?access_token=${encodeURIComponent(options.token)}`, { perMessageDeflate: false })
    socket.binaryType = 'nodebuffer'
    let handshaken = false
    let timer
    socket.on('message', (data, isBinary) => {
      if (!handshaken) {
        handshaken = true
        socket.send(Buffer.from(hubProtocol.writeMessage({ type: signalR.MessageType.Invocation, invocationId: '1', target: 'Join', arguments: [options.document], streamIds: [] })))
        timer = setInterval(() => socket.send(Buffer.from(hubProtocol.writeMessage({ type: signalR.MessageType.Ping }))), 10000)
        resolve({ close: () => { clearInterval(timer); socket.terminate() } })
        return
      }
      if (isBinary) onFrames(countInvocations(data))
    })
    socket.once('open', () => socket.send('{"protocol":"messagepack","version":1}\u001e'))
    socket.once('error', reject)
    socket.once('close', () => clearInterval(timer))
  })
}

/** A stock SignalR client (MessagePack) joined to the document; onFrame(Uint8Array) per Receive. */
export async function openHubClient (options, onFrame) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${options.url}/hubs/collab`, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
      accessTokenFactory: () => options.token
    })
    .withHubProtocol(new MessagePackHubProtocol())
    .configureLogging(signalR.LogLevel.Error)
    .build()
  connection.on('Receive', (_documentId, frame) => onFrame(frame))
  await connection.start()
  await connection.invoke('Join', options.document)
  return {
    send: (frame) => connection.send('Send', options.document, frame),
    close: () => connection.stop()
  }
}
