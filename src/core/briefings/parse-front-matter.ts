import * as v from 'valibot';
import type { BriefingProblem } from './briefing-problems.ts';
import { parseYaml } from './parse-yaml.ts';
import { splitFrontMatter } from './split-front-matter.ts';

export interface ParsedFile<T> {
  data: T | undefined;
  body: string;
  /** Lines before the body, so body problems can name the line of the file. */
  bodyLineOffset: number;
  problems: BriefingProblem[];
}

/** Splits a Markdown file into front matter and body and validates the front matter. */
export function parseFrontMatter<T>(
  file: string,
  source: string,
  schema: v.GenericSchema<unknown, T>,
): ParsedFile<T> {
  let parsed: { data: unknown; content: string };
  try {
    const { matter, body } = splitFrontMatter(source);
    // A block of only blanks and comments is no front matter, as an empty one.
    const empty = matter.replace(/^\s*#[^\n]+/gm, '').trim() === '';
    parsed = { data: empty ? {} : (parseYaml(matter) ?? {}), content: body };
  } catch (error) {
    return {
      data: undefined,
      body: '',
      bodyLineOffset: 0,
      problems: [{ file, field: 'front matter', message: yamlMessage(error) }],
    };
  }
  const bodyLineOffset = source.slice(0, source.length - parsed.content.length).split('\n').length - 1;
  if (Object.keys(parsed.data as object).length === 0) {
    return {
      data: undefined,
      body: parsed.content,
      bodyLineOffset,
      problems: [{ file, field: 'front matter', message: 'missing (the file must start with ---)' }],
    };
  }
  return { ...validate(file, parsed.data, schema), body: parsed.content, bodyLineOffset };
}

/** Validates parsed data against a schema, turning every issue into a file:field problem. */
export function validate<T>(
  file: string,
  data: unknown,
  schema: v.GenericSchema<unknown, T>,
): { data: T | undefined; problems: BriefingProblem[] } {
  const result = v.safeParse(schema, data, { abortPipeEarly: true });
  if (result.success) return { data: result.output, problems: [] };
  const problems = result.issues.map((issue) => ({
    file,
    field: formatPath((issue.path ?? []).map((item) => item.key as PropertyKey)),
    message: issue.message,
  }));
  return { data: undefined, problems };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function yamlMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `not valid YAML: ${message.split('\n')[0]}`;
}
