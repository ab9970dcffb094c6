// JSON written inside a quoted HCL string (`policy = "{\"Statement\": …}"`): decodes the HCL escapes
// while remembering where each decoded character came from, so spans found in the JSON point at the
// right columns of the file, and encodes replacement text back into the string's escaping.
import type { EmbeddedJson } from './json-document';

export interface DecodedHclString {
  text: string;
  embed: EmbeddedJson;
}

/** `raw` is the source between the quotes; `base` its offset in the file. */
export function decodeHclString(raw: string, base: number): DecodedHclString {
  let text = '';
  const offsets: number[] = [];
  const emit = (chars: string, at: number) => {
    for (let k = 0; k < chars.length; k++) offsets.push(at);
    text += chars;
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      const hex = next === 'u' ? raw.slice(i + 2, i + 6) : next === 'U' ? raw.slice(i + 2, i + 10) : '';
      if (hex && /^[0-9a-fA-F]+$/.test(hex) && hex.length === (next === 'u' ? 4 : 8)) {
        emit(String.fromCodePoint(parseInt(hex, 16)), base + i);
        i += 2 + hex.length;
        continue;
      }
      emit(next === 'n' ? '\n' : next === 'r' ? '\r' : next === 't' ? '\t' : next, base + i);
      i += 2;
      continue;
    }
    if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      // `$${` is a literal `${`: the decoded `$` stands for the second source `$`.
      emit(c, base + i + 1);
      emit('{', base + i + 2);
      i += 3;
      continue;
    }
    emit(c, base + i);
    i++;
  }
  offsets.push(base + raw.length);
  return {
    text,
    embed: {
      toSource: (offset) => offsets[Math.max(0, Math.min(offset, offsets.length - 1))],
      encode: (json) => json.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{'),
      multiline: false,
      templated: true,
    },
  };
}
