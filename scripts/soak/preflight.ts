// Every request in the load mix, sent once before the load and before any edit: each must be answered 2xx,
// so that a failure during the soak is the soak's finding and never a bad body in the mix.
import { check, type Check } from './check';
import type { MixRequest } from './loadMix';

export async function preflight(url: string, mix: readonly MixRequest[]): Promise<Check> {
  const refused: string[] = [];
  for (const request of mix) {
    const response = await fetch(url + request.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: request.body,
    });
    await response.arrayBuffer();
    if (response.status < 200 || response.status > 299) refused.push(`${request.path} ${response.status}`);
  }
  return check(
    'every request in the mix answers 2xx before the load',
    refused.length === 0,
    refused.length
      ? `${refused.length}/${mix.length} did not: ${refused.slice(0, 3).join('; ')}`
      : `${mix.length}/${mix.length}`,
  );
}
