import type { PhotoDescription } from '../../shared/vision/description.ts';

/**
 * A photo's caption and alt text as XMP, the metadata PNG, JPEG and WebP all carry: the caption
 * as `dc:description` (what Lightroom, Bridge and photo sites read as the caption) and the alt
 * text as IPTC's `Iptc4xmpCore:AltTextAccessibility` (the 2021 field for exactly this).
 */

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const alt = (text: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;

export function descriptionXmp(description: PhotoDescription): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">',
    `<dc:description>${alt(description.caption)}</dc:description>`,
    `<Iptc4xmpCore:AltTextAccessibility>${alt(description.altText)}</Iptc4xmpCore:AltTextAccessibility>`,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}
