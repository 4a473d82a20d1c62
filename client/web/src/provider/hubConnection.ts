// The real hub connection: MessagePack, so frames travel as bytes rather than base64 text.
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import type { HubConnectionLike } from './SignalRProvider';

export const hubPath = '/hubs/collab';

export function createHubConnection(token: string, baseUrl = ''): HubConnectionLike {
  return new HubConnectionBuilder()
    .withUrl(baseUrl + hubPath, { accessTokenFactory: () => token })
    .withHubProtocol(new MessagePackHubProtocol())
    .configureLogging(LogLevel.Warning)
    .build();
}
