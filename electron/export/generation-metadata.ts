import type { ExportMetadata } from '../../shared/contract/export-schemas.ts';
import type { PhotoDescription } from '../../shared/vision/description.ts';

/**
 * How a generation's prompt, provider, model and seed, and Describe photo's caption and alt text,
 * are written into exported files: PNG text chunks under plain keywords (what most viewers show),
 * and one XMP packet in every flat format: Dublin Core's description (the caption, else the
 * prompt: what Lightroom, Bridge and photo sites read as the caption), IPTC's
 * AltTextAccessibility for the alt text, and an Infill namespace for the generation.
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

export interface FileMetadata {
  generation?: ExportMetadata | undefined;
  description?: PhotoDescription | undefined;
}

const altText = (text: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;

export function xmpPacket({ generation, description }: FileMetadata): string {
  const field = (name: string, value: string) => `<infill:${name}>${escapeXml(value)}</infill:${name}>`;
  const caption = description?.caption ?? generation?.prompt;
  return [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" xmlns:infill="${INFILL_XMP_NAMESPACE}">`,
    '<xmp:CreatorTool>Infill</xmp:CreatorTool>',
    caption ? `<dc:description>${altText(caption)}</dc:description>` : '',
    description ? `<Iptc4xmpCore:AltTextAccessibility>${altText(description.altText)}</Iptc4xmpCore:AltTextAccessibility>` : '',
    generation ? field('prompt', generation.prompt) : '',
    generation ? field('provider', generation.providerId) : '',
    generation?.model ? field('model', generation.model) : '',
    generation ? field('seed', String(generation.seed)) : '',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
  ].join('');
}
