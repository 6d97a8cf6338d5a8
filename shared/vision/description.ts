/** A photo's caption and alt text, as Describe photo keeps them with the document. */
export interface PhotoDescription {
  caption: string;
  altText: string;
}

/** "Caption: …\nAlt text: …" → its two parts; a model that ignored the format gives its whole text as both. */
export function parseDescription(text: string): PhotoDescription {
  const caption = /caption\s*:\s*(.+)/i.exec(text)?.[1]?.trim();
  const altText = /alt[\s-]*text\s*:\s*(.+)/i.exec(text)?.[1]?.trim();
  if (!caption && !altText) return { caption: text.trim(), altText: text.trim().slice(0, 250) };
  return { caption: caption ?? altText ?? '', altText: altText ?? caption ?? '' };
}
