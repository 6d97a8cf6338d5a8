import { parseArgs } from 'node:util';
import { startTestGateway } from './test-gateway.ts';

/**
 * Manual runs: `node --import tsx tests/gateway/serve.ts --port 4000 [--key sk-…] [--chat-shape 3]
 * [--fault rate-limit|reset|status:503|delay:5000|mask-ignored|text-only|truncated-json|refuse|overloaded|stream-break:3] [--pace-ms 10]`.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string' },
    'any-key': { type: 'boolean', default: false },
    'chat-shape': { type: 'string', default: '1' },
    'max-body-mb': { type: 'string', default: '4' },
    fault: { type: 'string' },
    'pace-ms': { type: 'string', default: '10' },
  },
});

const shape = Number(values['chat-shape']);
const gateway = await startTestGateway(
  {
    ...(values.key ? { apiKey: values.key } : {}),
    ...(values['any-key'] ? { apiKey: null } : {}),
    chatShape: shape === 2 || shape === 3 || shape === 4 ? shape : 1,
    maxBodyBytes: Number(values['max-body-mb']) * 1024 * 1024,
    tokenPaceMs: Number(values['pace-ms']),
  },
  Number(values.port),
);

const [kind, arg] = (values.fault ?? '').split(':');
if (kind === 'status') gateway.setFault({ kind: 'status', status: Number(arg ?? 503) });
else if (kind === 'delay') gateway.setFault({ kind: 'delay', ms: Number(arg ?? 5000) });
else if (kind === 'rate-limit') gateway.setFault({ kind: 'rate-limit', retryAfterS: Number(arg ?? 2), times: 1 });
else if (kind === 'reset' || kind === 'mask-ignored' || kind === 'text-only' || kind === 'truncated-json' || kind === 'refuse' || kind === 'overloaded') gateway.setFault({ kind });
else if (kind === 'stream-break') gateway.setFault({ kind, afterTokens: Number(arg ?? 3) });

console.log(`Test gateway on ${gateway.baseUrl} (key: ${gateway.options.apiKey === null ? 'any' : gateway.options.apiKey})`);
const stop = (): void => {
  void gateway.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
