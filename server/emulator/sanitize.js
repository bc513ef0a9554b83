// Per-platform caption sanitizing for previews (docs/api-contract.md#preview).
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e) => ENTITIES[e]);

function mapChars(text, bold) {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (bold) {
      if (c >= 65 && c <= 90) out += String.fromCodePoint(0x1d5d4 + c - 65);
      else if (c >= 97 && c <= 122) out += String.fromCodePoint(0x1d5ee + c - 97);
      else if (c >= 48 && c <= 57) out += String.fromCodePoint(0x1d7ec + c - 48);
      else out += ch;
    } else {
      out += /\s/.test(ch) ? ch : `${ch}\u0332`;
    }
  }
  return out;
}

function keepTags(text, allowed) {
  return text.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (tag, name) => (allowed.includes(name.toLowerCase()) ? tag : ''));
}

export function sanitize(content, platform) {
  const text = content ?? '';
  switch (platform) {
    case 'linkedin':
    case 'linkedin-page': {
      let s = text.replace(/<(strong|b)>([\s\S]*?)<\/\1>/gi, (_, __, inner) => mapChars(inner, true));
      s = s.replace(/<u>([\s\S]*?)<\/u>/gi, (_, inner) => mapChars(inner, false));
      return decode(s.replace(/<[^>]+>/g, ''));
    }
    case 'mastodon':
      return keepTags(text, ['p', 'strong', 'em', 'a', 'br', 'span']);
    case 'telegram': {
      const s = text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h[1-6])>/gi, '\n').replace(/<(p|div|li|h[1-6]|ul|ol)\b[^>]*>/gi, '');
      return keepTags(s, ['b', 'i', 'u', 's', 'a', 'code', 'pre']).replace(/\n{3,}/g, '\n\n');
    }
    default:
      return text;
  }
}
