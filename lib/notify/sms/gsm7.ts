/**
 * The GSM 03.38 default alphabet and its extension table (each extension character costs two
 * septets). Polish has no national shift table, so ą, ę, ł… force the whole SMS into UCS-2.
 */
const BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION = "^{}\\[~]|€\f";

const GSM7 = new Set([...BASIC, ...EXTENSION]);

export function isGsm7Char(char: string): boolean {
  return GSM7.has(char);
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM7.has(char)) return false;
  return true;
}

// Polish letters, then typography that word processors and phones put into titles.
const REPLACEMENTS: Record<string, string> = {
  ą: "a",
  ć: "c",
  ę: "e",
  ł: "l",
  ń: "n",
  ó: "o",
  ś: "s",
  ź: "z",
  ż: "z",
  Ą: "A",
  Ć: "C",
  Ę: "E",
  Ł: "L",
  Ń: "N",
  Ó: "O",
  Ś: "S",
  Ź: "Z",
  Ż: "Z",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u201f": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u2033": '"',
  "\u2026": "...",
  "\u00b7": "-",
  "\u2022": "-",
  "\u2192": "->",
  "\u2190": "<-",
  "\u00a0": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\t": " ",
  "`": "'",
  "\u00b4": "'",
};

/**
 * The text in GSM-7 only: Polish letters without their marks, typographic dashes, quotes and
 * ellipsis as ASCII, other accented letters without their accents, and whatever is left outside
 * the alphabet (emoji, other scripts) dropped.
 */
export function toGsm7(text: string): string {
  let out = "";
  for (const char of text) {
    if (GSM7.has(char)) out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      if (bare && isGsm7(bare)) out += bare;
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}
