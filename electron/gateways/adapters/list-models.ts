import { z } from 'zod';
import { readJson } from '../http-client.ts';
import type { AdapterContext } from './types.ts';

const modelsSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/** `GET {base}/models`, the same on every OpenAI-compatible relay. */
export async function listModelsVia(ctx: AdapterContext): Promise<string[]> {
  return ctx.send('/models', async (signal) => {
    const response = await ctx.client.get('/models', { signal }).asResponse();
    const body = await readJson(response, modelsSchema, `${ctx.profile.name}'s model list`);
    return body.data.map((m) => m.id);
  });
}
