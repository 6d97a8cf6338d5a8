import type { ExportMetadata } from '../../shared/contract/export-schemas.ts';

/**
 * How a generation's prompt, provider, model and seed are written into exported files: PNG text
 * chunks under plain keywords, and XMP (Dublin Core description plus an Infill namespace) for
 * the formats that carry XMP (JPEG, WebP, AVIF).
 */
export const INFILL_XMP_NAMESPACE = 'https://infill.app/ns/1.0/';

export function pngTextEntries(metadata: ExportMetadata): Record<string, string> {
  return {
    Software: 'Infill',
    Description: metadata.prompt,
    'infill:prompt': metadata.prompt,
    'infill:provider': metadata.providerId,
    ...(metadata.model ? { 'infill:model': metadata.model } : {}),
    'infill:seed': String(metadata.seed),
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function xmpPacket(metadata: ExportMetadata): string {
  const field = (name: string, value: string) => `<infill:${name}>${escapeXml(value)}</infill:${name}>`;
  return [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:infill="${INFILL_XMP_NAMESPACE}">`,
    '<xmp:CreatorTool>Infill</xmp:CreatorTool>',
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.prompt)}</rdf:li></rdf:Alt></dc:description>`,
    field('prompt', metadata.prompt),
    field('provider', metadata.providerId),
    metadata.model ? field('model', metadata.model) : '',
    field('seed', String(metadata.seed)),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
  ].join('');
}
