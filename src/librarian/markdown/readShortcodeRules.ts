/**
 * Reads a librarian's shortcode file (`--shortcodes FILE`): what a site's own shortcodes are, as
 * JSON mapping each name to a {@link ShortcodeRule}:
 *
 * ```json
 * { "legacy-img": { "as": "figure", "src": "https://cdn.example.org/img/{src}" },
 *   "subscribe": { "as": "drop" } }
 * ```
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../import/SourceArticle';
import type { ShortcodeKind, ShortcodeRule, ShortcodeRules } from './shortcodes';

const KINDS: ShortcodeKind[] = ['figure', 'embed', 'aside', 'quote', 'link', 'url', 'ref', 'code', 'text', 'content', 'drop'];
const TEMPLATES = ['src', 'href', 'text', 'alt', 'caption'] as const;

/** The rules of `file`; a {@link SourceError} naming the file and the shortcode when one is wrong. */
export async function readShortcodeRules(file: string): Promise<ShortcodeRules> {
  const name = path.basename(file);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new SourceError(name, `cannot read the --shortcodes file: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SourceError(name, 'the --shortcodes file must map shortcode names to { "as": "figure", "src": "…" }');
  }
  const rules: ShortcodeRules = {};
  for (const [code, value] of Object.entries(data as Record<string, unknown>)) {
    if (code === '$comment') continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SourceError(name, `${code}: must be an object such as { "as": "figure" }`);
    const entry = value as Record<string, unknown>;
    if (!KINDS.includes(entry.as as ShortcodeKind)) throw new SourceError(name, `${code}: "as" must be one of ${KINDS.join(', ')}`);
    const rule: ShortcodeRule = { as: entry.as as ShortcodeKind };
    for (const [key, template] of Object.entries(entry)) {
      if (key === 'as' || key === '$comment') continue;
      if (!(TEMPLATES as readonly string[]).includes(key)) throw new SourceError(name, `${code}: unknown field "${key}" (allowed: as, ${TEMPLATES.join(', ')})`);
      if (typeof template !== 'string') throw new SourceError(name, `${code}.${key}: must be a string`);
      rule[key as (typeof TEMPLATES)[number]] = template;
    }
    rules[code] = rule;
  }
  return rules;
}
