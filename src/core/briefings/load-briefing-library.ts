import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { TOPIC_IDS } from '../topics/topic-ids.ts';
import type { Briefing, BriefingLibrary, Development } from './briefing.ts';
import { type BriefingProblem, BriefingValidationError } from './briefing-problems.ts';
import {
  briefingFrontMatterSchema,
  developmentsFileSchema,
  type RegisterEntry,
  registerFileSchema,
  translatedFrontMatterSchema,
} from './briefing-schema.ts';
import { buildBriefing, resolveSources, toSourceRef } from './build-briefing.ts';
import { checkAliasCollisions } from './check-alias-collisions.ts';
import { parseBriefingBody } from './parse-briefing-body.ts';
import { parseFrontMatter, validate } from './parse-front-matter.ts';
import { parseYaml } from './parse-yaml.ts';

export const DEVELOPMENTS_FILE = 'developments.yaml';
export const REGISTER_FILE = 'sources.yaml';
const BRIEFING_FILE = /^([a-z0-9-]+)\.md$/;
const TRANSLATION_FILE = /^([a-z0-9-]+)\.ja\.md$/;

export interface LoadOptions {
  /**
   * Production content must be complete: all ten topics, each in English and Japanese, and
   * every development in both languages. Test fixtures may hold less.
   */
  complete?: boolean;
}

/**
 * Reads and validates the whole briefings directory. Throws BriefingValidationError listing
 * every problem, so an editor fixes them in one pass.
 */
export async function loadBriefingLibrary(dir: string, options: LoadOptions = {}): Promise<BriefingLibrary> {
  const root = await realpath(dir);
  const names = (await readdir(root)).sort();
  const problems: BriefingProblem[] = [];
  const read = (name: string) => readContained(root, name, problems);
  const register = await loadRegister(read, names, problems);
  const cited = new Set<string>();

  const briefings = new Map<Briefing['id'], Briefing>();
  for (const name of names) {
    const id = BRIEFING_FILE.exec(name)?.[1];
    if (id === undefined || name.endsWith('.ja.md')) continue;
    const briefing = await loadOneBriefing(name, id, { read, names, problems, register, cited });
    if (briefing) briefings.set(briefing.id, briefing);
  }
  for (const name of names) {
    const id = TRANSLATION_FILE.exec(name)?.[1];
    if (id !== undefined && !names.includes(`${id}.md`)) {
      problems.push({ file: name, field: 'id', message: `has no English master file ${id}.md` });
    }
  }
  const developments = names.includes(DEVELOPMENTS_FILE)
    ? await loadDevelopments(read, problems, register, cited)
    : [];
  if (options.complete ?? true) problems.push(...checkComplete(names, developments));
  problems.push(...checkAliasCollisions([...briefings.values()]));
  // A file that failed to validate may cite entries we could not see: judge only clean content.
  for (const id of problems.length === 0 ? register.keys() : []) {
    if (!cited.has(id))
      problems.push({
        file: REGISTER_FILE,
        field: id,
        message: 'is cited by no briefing and no development; remove it or cite it',
      });
  }

  if (problems.length > 0) throw new BriefingValidationError(problems);
  return { briefings, developments, register };
}

interface LoadContext {
  read: (name: string) => Promise<string | undefined>;
  names: readonly string[];
  problems: BriefingProblem[];
  register: ReadonlyMap<string, RegisterEntry>;
  /** Register ids some file cites, collected even from files that fail to validate. */
  cited: Set<string>;
}

async function loadOneBriefing(
  name: string,
  id: string,
  context: LoadContext,
): Promise<Briefing | undefined> {
  const { read, names, problems } = context;
  const source = await read(name);
  if (source === undefined) return undefined;
  const english = parseFrontMatter(name, source, briefingFrontMatterSchema);
  problems.push(...english.problems);
  for (const cited of english.data?.sources ?? []) context.cited.add(cited);

  const translationName = `${id}.ja.md`;
  const translationSource = names.includes(translationName) ? await read(translationName) : undefined;
  const japanese =
    translationSource === undefined
      ? undefined
      : parseFrontMatter(translationName, translationSource, translatedFrontMatterSchema);
  if (japanese) problems.push(...japanese.problems);
  if (!english.data || (japanese && !japanese.data)) return undefined;

  const built = buildBriefing({
    file: name,
    expectedId: id,
    front: english.data,
    body: parseBriefingBody(english.body, english.bodyLineOffset),
    translation: japanese?.data
      ? {
          file: translationName,
          front: japanese.data,
          body: parseBriefingBody(japanese.body, japanese.bodyLineOffset),
        }
      : undefined,
    register: context.register,
  });
  problems.push(...built.problems);
  return built.briefing;
}

function checkComplete(names: readonly string[], developments: readonly Development[]): BriefingProblem[] {
  const problems: BriefingProblem[] = [];
  for (const id of TOPIC_IDS) {
    if (!names.includes(`${id}.md`))
      problems.push({
        file: `${id}.md`,
        field: '(file)',
        message: 'is missing: every topic needs a briefing',
      });
    if (!names.includes(`${id}.ja.md`))
      problems.push({
        file: `${id}.ja.md`,
        field: '(file)',
        message: 'is missing: every briefing needs its Japanese text',
      });
  }
  for (const file of [DEVELOPMENTS_FILE, REGISTER_FILE])
    if (!names.includes(file)) problems.push({ file, field: '(file)', message: 'is missing' });
  developments.forEach((development) => {
    if (development.textJa === undefined)
      problems.push({
        file: DEVELOPMENTS_FILE,
        field: `${development.id}.text_ja`,
        message: 'is missing: every development needs its Japanese text',
      });
  });
  return problems;
}

async function readYamlFile(
  file: string,
  read: (name: string) => Promise<string | undefined>,
  problems: BriefingProblem[],
): Promise<unknown> {
  const source = await read(file);
  if (source === undefined) return undefined;
  try {
    return parseYaml(source) ?? [];
  } catch (error) {
    problems.push({
      file,
      field: '(root)',
      message: `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    });
    return undefined;
  }
}

/** `sources.yaml`: every document once, so two files can never describe it differently. */
async function loadRegister(
  read: (name: string) => Promise<string | undefined>,
  names: readonly string[],
  problems: BriefingProblem[],
): Promise<Map<string, RegisterEntry>> {
  const register = new Map<string, RegisterEntry>();
  if (!names.includes(REGISTER_FILE)) return register;
  const raw = await readYamlFile(REGISTER_FILE, read, problems);
  if (raw === undefined) return register;
  const { data, problems: found } = validate(REGISTER_FILE, raw, registerFileSchema);
  problems.push(...found);
  const urls = new Map<string, string>();
  (data ?? []).forEach((entry, index) => {
    if (register.has(entry.id))
      problems.push({ file: REGISTER_FILE, field: `[${index}].id`, message: `"${entry.id}" is used twice` });
    const other = entry.url === undefined ? undefined : urls.get(entry.url);
    if (other !== undefined)
      problems.push({
        file: REGISTER_FILE,
        field: `[${index}].url`,
        message: `is also the URL of "${other}": describe each document once`,
      });
    if (entry.url !== undefined) urls.set(entry.url, entry.id);
    register.set(entry.id, entry);
  });
  return register;
}

async function loadDevelopments(
  read: (name: string) => Promise<string | undefined>,
  problems: BriefingProblem[],
  register: ReadonlyMap<string, RegisterEntry>,
  cited: Set<string>,
): Promise<Development[]> {
  const raw = await readYamlFile(DEVELOPMENTS_FILE, read, problems);
  if (raw === undefined) return [];
  const { data, problems: found } = validate(DEVELOPMENTS_FILE, raw, developmentsFileSchema);
  problems.push(...found);
  if (!data) return [];
  const seen = new Set<string>();
  data.forEach((entry, index) => {
    if (seen.has(entry.id))
      problems.push({
        file: DEVELOPMENTS_FILE,
        field: `[${index}].id`,
        message: `"${entry.id}" is used twice`,
      });
    seen.add(entry.id);
    for (const id of entry.sources) cited.add(id);
  });
  return data
    .map(({ text_ja, sources, ...entry }, index) => {
      const entries = resolveSources(DEVELOPMENTS_FILE, sources, register, problems, `[${index}].sources`);
      return {
        ...entry,
        ...(text_ja === undefined ? {} : { textJa: text_ja }),
        sources: entries.flatMap((found) => {
          if (!found) return [];
          const { n: _n, ...source } = toSourceRef(found, 0, 'en');
          return [source];
        }),
        sourceIds: sources,
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

// Content is read only from files listed in the briefings directory itself; a symlink that
// leads elsewhere is refused, so no briefing can pull in another file of the machine.
async function readContained(
  root: string,
  name: string,
  problems: BriefingProblem[],
): Promise<string | undefined> {
  const resolved = await realpath(path.join(root, name));
  if (path.dirname(resolved) !== root) {
    problems.push({ file: name, field: '(file)', message: 'points outside the briefings directory' });
    return undefined;
  }
  return readFile(resolved, 'utf8');
}
