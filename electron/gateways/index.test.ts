import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProfile } from '../../tests/gateway/helpers.ts';
import { startTestGateway, TEST_API_KEY } from '../../tests/gateway/test-gateway.ts';
import type { TestGateway } from '../../tests/gateway/test-gateway.ts';
import { checkGatewayConnection } from './index.ts';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(() => gateway.close());

describe('checkGatewayConnection', () => {
  it('lists the models and says whether the profile model is among them', async () => {
    const check = await checkGatewayConnection(testProfile(gateway, 'openai-images', 'gpt-image-1'), TEST_API_KEY, new AbortController().signal);
    expect(check).toMatchObject({ ok: true, modelListed: true });
    const other = await checkGatewayConnection(testProfile(gateway, 'openai-images', 'nope'), TEST_API_KEY, new AbortController().signal);
    expect(other).toMatchObject({ ok: true, modelListed: false });
  });

  it('a wrong key or a missing /v1 comes back as a coded error, key-free', async () => {
    const wrong = await checkGatewayConnection(testProfile(gateway, 'chat-image', 'x'), 'sk-bad-0000000000000000', new AbortController().signal);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(JSON.stringify(wrong)).not.toContain('sk-bad');
    const noV1 = await checkGatewayConnection(testProfile(gateway, 'chat-image', 'x', { baseUrl: gateway.origin }), TEST_API_KEY, new AbortController().signal);
    expect(noV1.ok === false && noV1.error.message).toMatch(/try http:\/\/127\.0\.0\.1:\d+\/v1/);
  });
});
