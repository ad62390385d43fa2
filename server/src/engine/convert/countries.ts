/**
 * JSON Resume writes a country as its two-letter code (`US`); YAMLResume by
 * its English name (`United States`). The names come from the runtime's
 * own table, so nothing here goes stale.
 */
let names: Intl.DisplayNames | undefined;
let codes: Map<string, string> | undefined;

function display(): Intl.DisplayNames {
  names ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return names;
}

/** `US` → `United States`; undefined for what is no country code. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  try {
    return display().of(code.toUpperCase());
  } catch {
    return undefined;
  }
}

/** `United States` → `US`, by the same table, case aside. */
export function countryCode(name: string): string | undefined {
  if (!codes) {
    codes = new Map();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        // A retired code (DD, YU) names the country of its successor: only current codes count.
        if (!isCurrent(code)) continue;
        const found = countryName(code);
        if (found && found !== code && !codes.has(found.toLowerCase())) codes.set(found.toLowerCase(), code);
      }
    }
  }
  return codes.get(name.trim().toLowerCase());
}

function isCurrent(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}
