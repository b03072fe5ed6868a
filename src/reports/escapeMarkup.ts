// Text placed in XML or HTML. Scenario names, reasons and pack texts are written by people, so anything may be in them.

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** XML 1.0 cannot carry most control characters at all, even escaped, so they are dropped. */
function allowedInXml(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

export function escapeMarkup(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/[&<>"']/g, (char) => entities[char]!);
}
