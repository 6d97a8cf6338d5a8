/**
 * Keys must never reach a terminal, a log or an error message, even when some message upstream
 * forgot to drop one: everything Infill shows or writes passes through here. No imports, so the
 * CLI and the logger can use it without loading a gateway SDK.
 */

const secretPatterns = [
  /Bearer\s+[^\s"',]+/gi,
  /\bsk-[A-Za-z0-9_*.-]{4,}/g,
  /\bAIza[0-9A-Za-z_-]{10,}/g,
  /\b(?:gsk|xai|r8|hf)_[A-Za-z0-9_*-]{8,}/g,
];

/** Removes the key and anything shaped like a key or a masked key from text we show or log. */
export function redactSecrets(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[key]');
  for (const pattern of secretPatterns) out = out.replace(pattern, '[key]');
  return out;
}
