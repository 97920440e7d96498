/**
 * YAML front matter of Hugo and Jekyll pages: split from the body and parsed the way the site
 * generators accept it.
 */
import { parseDocument } from 'yaml';

/** `---` YAML `---` at the top of the file, after an optional byte-order mark and blank lines. */
const FRONT_MATTER = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The front matter's YAML text and the body below it; null when the file has no front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const match = FRONT_MATTER.exec(text);
  return match ? { yaml: match[1] ?? '', body: text.slice(match[0].length) } : null;
}

/**
 * Front matter as data, with the first error `yaml` reports. Repeated keys are allowed, the last
 * one winning, as Hugo allows them (DigitalGov repeats `expirydate` in a dozen articles).
 */
export function parseYaml(text: string): { data: unknown; error: string | null } {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0]?.message ?? null;
  let data: unknown = null;
  try {
    data = doc.toJS();
  } catch {
    // A document too damaged to convert has no data to recover.
  }
  return { data, error };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
