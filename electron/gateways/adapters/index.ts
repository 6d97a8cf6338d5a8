import type { GatewayProtocol } from '../../../shared/gateway/profile.ts';
import { chatImageAdapter } from './chat-image.ts';
import { jsonRelayAdapter } from './json-relay.ts';
import { openAiImagesAdapter } from './openai-images.ts';
import type { GatewayAdapter } from './types.ts';

export function adapterFor(protocol: GatewayProtocol): GatewayAdapter {
  switch (protocol) {
    case 'openai-images':
      return openAiImagesAdapter;
    case 'chat-image':
      return chatImageAdapter;
    case 'json-relay':
      return jsonRelayAdapter;
  }
}
