// Reading just enough of a frame to know which update it carries, without decoding the update.
import * as decoding from 'lib0/decoding'

/**
 * The key "client:clock" of the first struct of a y-websocket sync update frame (type 0, sync type 1 or 2), or null
 * for any other frame. A keystroke update of yjs holds one struct of one client, so the key names the keystroke.
 */
export function updateKeyOfFrame (frame) {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== 0) return null
  const syncType = decoding.readVarUint(decoder)
  if (syncType !== 2 && syncType !== 1) return null
  const update = decoding.readVarUint8Array(decoder)
  return updateKey(update)
}

/** The key "client:clock" of the first struct of a V1 update. */
export function updateKey (update) {
  const decoder = decoding.createDecoder(update)
  const clients = decoding.readVarUint(decoder)
  if (clients === 0) return null
  decoding.readVarUint(decoder) // structs of the first client
  const client = decoding.readVarUint(decoder)
  const clock = decoding.readVarUint(decoder)
  return `${client}:${clock}`
}

/**
 * Counts the SignalR MessagePack invocations in one WebSocket message (each message is varint length ‖ msgpack
 * array whose first element is the message type; 1 = invocation) without decoding them.
 */
export function countInvocations (buffer) {
  let offset = 0
  let count = 0
  while (offset < buffer.length) {
    let length = 0
    let shift = 0
    let byte
    do {
      byte = buffer[offset++]
      length |= (byte & 0x7f) << shift
      shift += 7
    } while (byte & 0x80)
    // fixarray header, then the type as a positive fixint
    if (buffer[offset + 1] === 1) count++
    offset += length
  }
  return count
}
